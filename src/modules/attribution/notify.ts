/**
 * Messages to families (in the transaction of their cause): results published, a place
 * offered (with its deadline). The message says where to look, never the family's points.
 */
import type { Tx } from '../../platform/db/pool';
import type { Jobs } from '../../platform/jobs';
import { queueNotification } from '../../platform/notify/outbox';
import { readHouseholdAsSystem } from '../dossiers/index';

const fmt = (d: Date) =>
  new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(d);

export async function notifyFamily(
  t: Tx,
  jobs: Jobs,
  householdId: string,
  now: Date,
  m: { campaignTitle: string; offerDeadline: Date | null; template: 'attribution.results' | 'attribution.offer' },
): Promise<void> {
  const h = await readHouseholdAsSystem(t, householdId, now);
  if (!h || h.status !== 'active' || !h.parent.email) return;
  const offer = m.offerDeadline
    ? ` Une place est proposée pour votre enfant : confirmez-la ou refusez-la avant le ${fmt(m.offerDeadline)}, sinon elle passera à la famille suivante.`
    : '';
  const body =
    m.template === 'attribution.results'
      ? `Bonjour,\n\nLes résultats de « ${m.campaignTitle} » sont publiés. Dans Relais, rubrique « Places », « Mes demandes », vous voyez vos points critère par critère, votre rang et votre résultat.${offer}\n\nLe CCAS`
      : `Bonjour,\n\nUne place s'est libérée dans « ${m.campaignTitle} ».${offer}\nRépondez dans Relais, rubrique « Places », « Mes demandes ».\n\nLe CCAS`;
  await queueNotification(t, jobs, {
    channel: 'email',
    recipient: h.parent.email,
    userId: h.parentUserId,
    template: m.template,
    subject: m.template === 'attribution.results' ? `Résultats : ${m.campaignTitle}` : `Une place vous est proposée : ${m.campaignTitle}`,
    body,
  });
}
