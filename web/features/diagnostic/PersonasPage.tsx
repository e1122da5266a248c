/** The personas of the diagnostic: the list, and the form to write one. */
import { registerMessages, useT } from '../../app/i18n';
import { Link, navigate } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Card, DemoBadge, EmptyState, PageHeader } from '../../ui/display';
import { Loaded } from '../../ui/Loaded';
import { RequireRole } from '../../ui/RequireRole';
import listeningMessages from './listening-messages';
import { ListeningNav, ScrollRegion } from './listening-ui';
import { PersonaForm } from './persona-form';
import type { PersonaSummary } from './types';
import './diagnostic.css';

registerMessages('diagnostic.ecoute', listeningMessages);

function List({ personas }: { personas: PersonaSummary[] }) {
  const t = useT();
  if (!personas.length) return <EmptyState>{t('diagnostic.ecoute.personasNone')}</EmptyState>;
  return (
    <ScrollRegion label={t('diagnostic.ecoute.personaCaption')}>
      <table>
        <caption>{t('diagnostic.ecoute.personaCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('diagnostic.ecoute.colPersona')}</th>
            <th scope="col">{t('diagnostic.ecoute.situation')}</th>
            <th scope="col">{t('diagnostic.ecoute.colBasis')}</th>
          </tr>
        </thead>
        <tbody>
          {personas.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/diagnostic/personas/${p.id}`}>{p.name}</Link> {p.isDemo ? <DemoBadge /> : null}
              </th>
              <td>{p.situation}</td>
              <td>{t('diagnostic.ecoute.basis', { figures: p.figures, verbatims: p.verbatims })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Page() {
  const t = useT();
  const r = useApi<{ personas: PersonaSummary[] }>('/api/diagnostic/personas');
  return (
    <>
      <PageHeader title={t('diagnostic.ecoute.personasTitle')} intro={t('diagnostic.ecoute.personasIntro')}>
        <ListeningNav current="personas" />
      </PageHeader>
      <Loaded resource={r}>{(d) => <List personas={d.personas} />}</Loaded>
      <Card title={t('diagnostic.ecoute.newPersona')}>
        <PersonaForm initial={null} onSaved={(p) => navigate(`/diagnostic/personas/${p.id}`)} />
      </Card>
    </>
  );
}

export default function PersonasPage() {
  return (
    <RequireRole roles={['coordinator', 'admin']}>
      <Page />
    </RequireRole>
  );
}
