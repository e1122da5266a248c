/** The summary: every answer, grouped by step, each group with its "modifier" button. */
import { useT } from '../../app/i18n';
import { useTown } from '../../app/town';
import { Button } from '../../ui';
import { ageOnDay, type Answers, isTenant, receivesAlimony, STEPS, type StepId } from './answers';
import { useDroitsFormat } from './format';

/** Ages are said as of today (the engine counts them on the 1st of the simulated month). */
export function Recap({ a, onEdit }: { a: Answers; period: string; onEdit: (step: StepId) => void }) {
  // The person's own day, on their device: the age they would say.
  const today = new Date().toISOString().slice(0, 10);
  const t = useT();
  const { dateLabel, euros } = useDroitsFormat();
  const town = useTown();
  const none = t('droits.recap.none');
  const childLine = (birth: string) => {
    const age = ageOnDay(birth, today);
    return t(age === 0 ? 'droits.recap.childBaby' : age === 1 ? 'droits.recap.childOne' : 'droits.recap.child', { date: dateLabel(birth), age });
  };
  const yn = (v: 'oui' | 'non' | null) => (v === 'oui' ? t('droits.a.yes') : v === 'non' ? t('droits.a.no') : none);
  const money = (v: number | null) => (v == null ? none : euros(v));
  const alimonyLabel: Record<string, string> = {
    paid: t('droits.a.paid'),
    partly: t('droits.a.partly'),
    unpaid: t('droits.a.unpaid'),
    none: t('droits.a.none'),
    'no-other-parent': t('droits.a.noOther'),
  };
  const groups: Record<Exclude<StepId, 'recap'>, [string, string][]> = {
    foyer: [
      [t('droits.recap.livesAlone'), yn(a.livesAlone)],
      [t('droits.recap.parentAge'), a.parentAge == null ? none : t('droits.recap.years', { n: a.parentAge })],
      [t('droits.recap.recentlySeparated'), yn(a.recentlySeparated)],
    ],
    enfants: a.children.map((c, i) => [t('droits.recap.childN', { n: i + 1 }), c.birthDate ? childLine(c.birthDate) : none]),
    travail: [
      [t('droits.recap.activity'), a.activity ? t(`droits.recap.a.${a.activity}`) : none],
      ...(a.activity === 'actif' ? [[t('droits.recap.salary'), money(a.salary)] as [string, string]] : []),
      ...(a.activity && a.activity !== 'inactif' ? [[t('droits.recap.unemployment'), money(a.unemployment ?? 0)] as [string, string]] : []),
    ],
    pension: [
      [t('droits.recap.alimonyStatus'), a.alimonyStatus ? alimonyLabel[a.alimonyStatus]! : none],
      ...(receivesAlimony(a.alimonyStatus) ? [[t('droits.recap.alimony'), money(a.alimony)] as [string, string]] : []),
    ],
    logement: [
      [t('droits.recap.housingStatus'), a.housingStatus ? t(`droits.a.${a.housingStatus}`) : none],
      ...(isTenant(a.housingStatus) ? [[t('droits.recap.rent'), money(a.rent)] as [string, string]] : []),
    ],
    commune: [
      [t('droits.recap.commune'), a.commune ? `${a.commune.name} (${a.commune.depcom.slice(0, 2)})` : none],
      ...(a.neighbourhoodId
        ? [[t('droits.recap.neighbourhood'), town.neighbourhoods.find((n) => n.id === a.neighbourhoodId)?.name ?? a.neighbourhoodId] as [string, string]]
        : []),
    ],
  };
  return (
    <div className="recap">
      {STEPS.filter((s): s is Exclude<StepId, 'recap'> => s !== 'recap').map((s) => (
        <section key={s} aria-labelledby={`recap-${s}`}>
          <div className="recap-head">
            <h3 id={`recap-${s}`}>{t(`droits.step.${s}`)}</h3>
            <Button variant="secondary" aria-label={t('droits.recap.editLabel', { what: t(`droits.step.${s}`) })} onPress={() => onEdit(s)}>
              {t('droits.recap.edit')}
            </Button>
          </div>
          <dl>
            {groups[s].map(([k, v], i) => (
              <div key={i} style={{ display: 'contents' }}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
