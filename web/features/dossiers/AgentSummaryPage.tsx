/** A family's file on one printable page, for the agent (third person, labels, no raw value); the file must be opened first. */
import { registerMessages, useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { useParams } from '../../app/router';
import { useSession } from '../../app/session';
import { frDate, frLongDate } from '../../app/format';
import { Button, LinkButton, LoadStatus, PageHeader, RequireRole } from '../../ui';
import { familyName } from './AgentHouseholdPage';
import { consentSentence } from './DeskConsents';
import { DeskSummary } from './DeskSummary';
import deskMessages from './desk-messages';
import messages from './messages';
import type { Household } from './types';
import type { DeskConsents } from '../../../src/modules/dossiers';
import './dossiers.css';
import './desk.css';

registerMessages('dossiers', messages);
registerMessages('desk', deskMessages);

function Printable({ id }: { id: string }) {
  const t = useT();
  const { user } = useSession();
  const file = useApi<{ household: Household }>(`/api/dossiers/households/${id}`);
  const consents = useApi<DeskConsents>(`/api/dossiers/households/${id}/consents`).data;
  const h = file.data?.household;
  if (!h)
    return (
      <>
        <PageHeader title={t('desk.printTitle')} />
        <LoadStatus data={h} error={file.error} reload={file.reload} />
        {file.error ? <LinkButton to={`/dossier/agent/familles/${id}`}>{t('desk.back')}</LinkButton> : null}
      </>
    );
  const name = familyName(h) ?? t('desk.theFamily');
  const live = consents?.consents.filter((c) => c.live) ?? [];
  return (
    <article className="desk-print">
      <PageHeader title={`${t('desk.printTitle')} — ${name}`} intro={t('desk.printIntro', { date: frLongDate(new Date()), agent: user?.displayName ?? '' })}>
        <div className="row no-print">
          <Button onPress={() => window.print()}>{t('desk.printButton')}</Button>
          <LinkButton variant="secondary" to={`/dossier/agent/familles/${id}`}>
            {t('desk.back')}
          </LinkButton>
        </div>
      </PageHeader>
      <DeskSummary h={h} print />
      <section>
        <h2>{t('desk.sectionConsents')}</h2>
        {live.length ? (
          <ul className="plain-list">
            {live.map((c) => (
              <li key={c.id}>
                <strong>{c.structureName}</strong> — {t(`desk.purpose.${c.purpose}`)} — {c.parts.map((p) => t(`desk.part.${p}`)).join(', ')}.{' '}
                {consentSentence(t, name, c)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('desk.consentsNone')}</p>
        )}
      </section>
      <p className="muted">{t('dossiers.version', { v: h.version, date: frDate(h.updatedAt) })}</p>
    </article>
  );
}

export default function AgentSummaryPage() {
  const { id } = useParams();
  return (
    <RequireRole roles={['agent', 'coordinator']}>
      <Printable id={id} />
    </RequireRole>
  );
}
