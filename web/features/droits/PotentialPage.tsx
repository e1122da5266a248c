/** Droits potentiels for a family: from its simulator answers (or its file), what it likely misses. */
import { useMemo } from 'react';
import { registerMessages, useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { FormErrors, LinkButton, PageHeader } from '../../ui';
import { answersFromFile, buildInput, firstIncompleteStep, loadSaved, STEPS } from './answers';
import './droits.css';
import messages from './messages';
import { LastSaved, PotentialCheck } from './PotentialCheck';
import { FAMILY_KEY } from './SimulatorPage';
import type { BenefitKey } from './types';
import { useSimulatorData } from './usePrefill';

registerMessages('droits', messages);

const RECEIVED_KEY = 'relais.droits.recus';

function loadReceived(): BenefitKey[] {
  try {
    const r = JSON.parse(localStorage.getItem(RECEIVED_KEY) ?? '[]');
    return Array.isArray(r) ? r : [];
  } catch {
    return [];
  }
}

export default function PotentialPage() {
  const t = useT();
  const { user } = useSession();
  const data = useSimulatorData();
  const answers = useMemo(() => {
    const local = loadSaved(FAMILY_KEY)?.answers;
    if (local) return local;
    return data.me?.household ? answersFromFile(data.me.household) : null;
  }, [data.me]);
  const today = new Date().toISOString().slice(0, 10);
  const complete = answers && firstIncompleteStep(answers, today) === STEPS.indexOf('recap');
  const canSave = user?.role === 'parent' ? Boolean(data.me?.household) : user ? undefined : null;
  return (
    <>
      <PageHeader title={t('droits.pot.title')} intro={t('droits.pot.intro')} />
      {data.loading ? <p role="status">{t('droits.sim.loading')}</p> : null}
      <FormErrors error={data.error} />
      {data.me?.saved ? <LastSaved saved={data.me.saved} /> : null}
      {!data.loading && data.context ? (
        complete && answers ? (
          <>
            <p>
              {t('droits.pot.basedOn')}{' '}
              <LinkButton to="/droits/simulateur" variant="secondary">
                {t('droits.pot.editAnswers')}
              </LinkButton>
            </p>
            <PotentialCheck
              input={buildInput(answers, data.context.period)}
              mode="family"
              canSave={canSave}
              neighbourhoodId={answers.neighbourhoodId}
              initialReceived={data.me?.saved?.received ?? loadReceived()}
              onReceivedChange={(r) => {
                try {
                  localStorage.setItem(RECEIVED_KEY, JSON.stringify(r));
                } catch {
                  /* private mode */
                }
              }}
            />
          </>
        ) : (
          <>
            <p>{t('droits.pot.needAnswers')}</p>
            <LinkButton to="/droits/simulateur">{t('droits.pot.goSimulate')}</LinkButton>
          </>
        )
      ) : null}
    </>
  );
}
