/** Staff: what-if before publishing (weights and places changed → the families whose status changes, and why), then publication. */
import { useState, type FormEvent } from 'react';
import type { CampaignDetail, Simulation } from '../../../src/modules/attribution';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { Alert, Button, Dialog, FormErrors, NumberField } from '../../ui';
import { outcomeText, score } from './display';
import messages from './messages';
import { StaffCampaignPage } from './shared';
import './attribution.css';

registerMessages('attribution', messages);

function Changes({ sim }: { sim: Simulation }) {
  const t = useT();
  return (
    <section aria-labelledby="changes" aria-live="polite">
      <h2 id="changes">{sim.families ? t('attribution.simSummary', { n: sim.families }) : t('attribution.simNone')}</h2>
      <p>
        {t('attribution.simCurrent', { admitted: sim.current.admitted, waitlist: sim.current.waitlist })}
        <br />
        {t('attribution.simScenario', { admitted: sim.scenario.admitted, waitlist: sim.scenario.waitlist })}
      </p>
      {sim.changes.length ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('attribution.simSummary', { n: sim.families })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('attribution.familyN', { n: '' }).trim()}</th>
                <th scope="col">{t('attribution.before')}</th>
                <th scope="col">{t('attribution.after')}</th>
                <th scope="col">{t('attribution.why')}</th>
              </tr>
            </thead>
            <tbody>
              {sim.changes.map((c) => (
                <tr key={c.id}>
                  <th scope="row" style={{ fontWeight: 600 }}>
                    {t('attribution.familyN', { n: c.number })}
                  </th>
                  <td>{outcomeText(t, c.before)}</td>
                  <td>{outcomeText(t, c.after)}</td>
                  <td>
                    {t('attribution.whyScore', { before: score(c.scoreBefore), after: score(c.scoreAfter) })},{' '}
                    {t('attribution.whyRank', { before: c.rankBefore, after: c.rankAfter })}
                    {c.criteria.length ? (
                      <ul style={{ margin: 0, paddingInlineStart: '1rem' }}>
                        {c.criteria.map((x) => (
                          <li key={x.code}>{t('attribution.whyCriterion', { label: x.label, before: score(x.before), after: score(x.after) })}</li>
                        ))}
                      </ul>
                    ) : (
                      <div className="muted">{t('attribution.whyOthers')}</div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function Simulator({ c, reload }: { c: CampaignDetail; reload: () => void }) {
  const t = useT();
  const [weights, setWeights] = useState<Record<string, number>>({});
  const [capacities, setCapacities] = useState<Record<string, number>>({});
  const [sim, setSim] = useState<Simulation | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [published, setPublished] = useState<{ admitted: number; waitlist: number } | null>(null);
  const scenario = () => ({
    weights: Object.fromEntries(Object.entries(weights).filter(([k, v]) => v !== c.criteria.find((x) => x.code === k)?.weight)),
    capacities: Object.fromEntries(Object.entries(capacities).filter(([k, v]) => v !== c.groups.find((g) => g.id === k)?.capacity)),
  });
  async function simulate(e?: FormEvent) {
    e?.preventDefault();
    try {
      setSim(await api.post<Simulation>(`/api/attribution/campaigns/${c.id}/simulate`, scenario()));
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    }
  }
  async function publish() {
    try {
      setPublished(await api.post<{ admitted: number; waitlist: number }>(`/api/attribution/campaigns/${c.id}/publish`, scenario()));
      setConfirming(false);
      reload();
    } catch (err) {
      setConfirming(false);
      setError(err instanceof ApiError ? err : null);
    }
  }
  if (published || c.status === 'published')
    return (
      <>
        <Alert tone={published ? 'success' : 'info'} live={Boolean(published)}>
          {published ? t('attribution.publishedDone', published) : t('attribution.publishedLocked')}
        </Alert>
        <p>
          <Link to={`/places/gestion/${c.id}/resultats`}>{t('attribution.seeResults')}</Link>
        </p>
      </>
    );
  return (
    <>
      <p>{t('attribution.simIntro')}</p>
      <form onSubmit={simulate} className="stack" noValidate>
        <FormErrors error={error} />
        <fieldset>
          <legend>{t('attribution.weight')}</legend>
          <div className="grid-form">
            {c.criteria.map((x) => (
              <NumberField
                key={x.code}
                label={x.label}
                help={t('attribution.currentWeight', { w: score(x.weight) })}
                value={weights[x.code] ?? x.weight}
                onChange={(v) => setWeights({ ...weights, [x.code]: v ?? 0 })}
                minValue={-1000}
                maxValue={1000}
                error={error?.field(`weights.${x.code}`)}
              />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('attribution.capacity')}</legend>
          <div className="grid-form">
            {c.groups.map((g) => (
              <NumberField
                key={g.id}
                label={g.label}
                help={t('attribution.currentCapacity', { n: g.capacity })}
                value={capacities[g.id] ?? g.capacity}
                onChange={(v) => setCapacities({ ...capacities, [g.id]: v ?? 0 })}
                minValue={0}
              />
            ))}
          </div>
        </fieldset>
        <div className="row">
          <Button type="submit">{t('attribution.simulate')}</Button>
          <Button variant="ghost" onPress={() => (setWeights({}), setCapacities({}), setSim(null))}>
            {t('attribution.reset')}
          </Button>
        </div>
      </form>
      {sim ? <Changes sim={sim} /> : null}
      <div className="row" style={{ marginTop: '1.5rem' }}>
        <Button variant="danger" onPress={() => setConfirming(true)} isDisabled={c.applications === 0}>
          {t('attribution.publish')}
        </Button>
      </div>
      <Dialog title={t('attribution.publish')} isOpen={confirming} onOpenChange={setConfirming}>
        <p>{t('attribution.publishConfirm')}</p>
        <div className="row">
          <Button variant="danger" onPress={publish}>
            {t('attribution.publishNow')}
          </Button>
          <Button variant="secondary" onPress={() => setConfirming(false)}>
            {t('attribution.cancel')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}

export default function SimulationPage() {
  const t = useT();
  return (
    <StaffCampaignPage current="simulation" heading={t('attribution.simTitle')}>
      {(c, reload) => <Simulator c={c} reload={reload} />}
    </StaffCampaignPage>
  );
}
