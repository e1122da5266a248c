/**
 * From a family's file (opened with a reason, each read audited by dossiers): the agent names
 * the family's parent ambassador of its neighbourhood, or withdraws that role. Staff page
 * (agent, coordinator), in the third person.
 */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { Link, useParams } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, Card, FormErrors, Loaded, PageHeader, RequireRole } from '../../ui';
import type { HouseholdAmbassador } from '../../../src/modules/entraide';
import messages from './messages';

registerMessages('entraide', messages);

function Page({ householdId }: { householdId: string }) {
  const t = useT();
  const url = `/api/entraide/households/${householdId}/ambassador`;
  const r = useApi<HouseholdAmbassador>(url, { keepPrevious: true });
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<'appointed' | 'removed' | null>(null);
  async function act(kind: 'appointed' | 'removed') {
    setDone(null);
    try {
      await api.post(kind === 'appointed' ? url : `${url}/remove`);
      setError(null);
      setDone(kind);
      r.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <>
      <PageHeader title={t('entraide.appointTitle')} />
      <p>
        <Link to={`/dossier/agent/familles/${householdId}`}>{t('entraide.appointBack')}</Link>
      </p>
      <p>{t('entraide.appointIntro')}</p>
      <FormErrors error={error} labels={{}} />
      {done ? (
        <Alert tone="success" live>
          {t(done === 'appointed' ? 'entraide.appointDone' : 'entraide.appointRemovedDone')}
        </Alert>
      ) : null}
      <Loaded resource={r}>
        {(d) => {
          const name = d.parentName ?? t('entraide.appointTheParent');
          if (!d.hasAccount) return <Alert tone="info">{t('entraide.appointNoAccount')}</Alert>;
          if (d.ambassadorOf)
            return (
              <Card title={t('entraide.appointIsAmbassador', { name, neighbourhood: d.ambassadorOf.name })} headingLevel={2}>
                <p>{t('entraide.appointMoved')}</p>
                <Button variant="secondary" onPress={() => act('removed')}>
                  {t('entraide.appointRemove')} <span className="visually-hidden">{name}</span>
                </Button>
              </Card>
            );
          if (!d.neighbourhood) return <Alert tone="info">{t('entraide.appointNoNeighbourhood')}</Alert>;
          return (
            <Card title={t('entraide.appointNotYet', { name })} headingLevel={2}>
              <p>{t('entraide.appointWhat')}</p>
              <Button onPress={() => act('appointed')}>{t('entraide.appointAction', { name, neighbourhood: d.neighbourhood.name })}</Button>
            </Card>
          );
        }}
      </Loaded>
    </>
  );
}

export default function AppointAmbassadorPage() {
  const { householdId } = useParams();
  return <RequireRole roles={['agent', 'coordinator']}>{householdId ? <Page householdId={householdId} /> : null}</RequireRole>;
}
