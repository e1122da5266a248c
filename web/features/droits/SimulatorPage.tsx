/** The family's simulator (answers kept in this browser; prefilled from the file when logged in). */
import { registerMessages, useT } from '../../app/i18n';
import { LinkButton, PageHeader, Alert, FormErrors } from '../../ui';
import './droits.css';
import messages from './messages';
import { Simulator } from './Simulator';
import { useSimulatorData } from './usePrefill';

registerMessages('droits', messages);

export const FAMILY_KEY = 'relais.droits.simulateur';

export default function SimulatorPage() {
  const t = useT();
  const data = useSimulatorData();
  return (
    <>
      <PageHeader title={t('droits.sim.title')} intro={t('droits.sim.intro')} />
      {data.loading ? <p role="status">{t('droits.sim.loading')}</p> : null}
      {data.error ? <FormErrors error={data.error} /> : null}
      {data.context ? (
        <Simulator
          storageKey={FAMILY_KEY}
          store="local"
          context={data.context}
          prefill={data.me?.household ?? null}
          source="simulateur"
          actions={
            <LinkButton to="/droits/potentiels" variant="primary">
              {t('droits.res.potential')}
            </LinkButton>
          }
        />
      ) : null}
      {!data.loading && !data.context && !data.error ? <Alert tone="error">{t('droits.res.error')}</Alert> : null}
    </>
  );
}
