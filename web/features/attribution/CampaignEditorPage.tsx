/** Staff: a campaign's rules (published to families), its groups of places, its status, and the applications (by family number). */
import { useState, type FormEvent } from 'react';
import type { CampaignDetail, StaffApplication } from '../../../src/modules/attribution';
import { api, ApiError } from '../../app/api';
import { frLongDate } from '../../app/format';
import { registerMessages, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, FormErrors, LoadStatus, NumberField, TextField } from '../../ui';
import { CriteriaEditor, type CriterionDraft } from './CriteriaEditor';
import { outcomeText, parisMidnight, score, toDateInput } from './display';
import messages from './messages';
import { StaffCampaignPage } from './shared';
import './attribution.css';
import { DateField } from '../../ui/DateField';

registerMessages('attribution', messages);

type Group = CampaignDetail['groups'][number];

/**
 * `saved`/`setSaved` live in the page: saving new criteria or groups gives them ids, which
 * remounts this form (its key), and the confirmation must outlive that.
 */
function RulesForm({ c, reload, saved, setSaved }: { c: CampaignDetail; reload: () => void; saved: boolean; setSaved: (v: boolean) => void }) {
  const t = useT();
  const [title, setTitle] = useState(c.title);
  const [description, setDescription] = useState(c.description);
  const [opens, setOpens] = useState(toDateInput(c.opensAt));
  const [closes, setCloses] = useState(toDateInput(c.closesAt));
  const [offerDays, setOfferDays] = useState<number | null>(c.offerDays);
  const [tieBreak, setTieBreak] = useState(c.tieBreak);
  const [groups, setGroups] = useState<Group[]>(c.groups);
  const [criteria, setCriteria] = useState<CriterionDraft[]>(c.criteria.map((x) => ({ ...x, key: x.code })));
  const [error, setError] = useState<ApiError | null>(null);
  const locked = c.status === 'published';
  const setGroup = (i: number, patch: Partial<Group>) => setGroups(groups.map((g, j) => (i === j ? { ...g, ...patch } : g)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    try {
      await api.put(`/api/attribution/campaigns/${c.id}`, {
        kind: c.kind,
        title,
        description,
        opensAt: opens ? parisMidnight(opens) : null,
        closesAt: closes ? parisMidnight(closes) : null,
        offerDays: offerDays ?? 7,
        tieBreak,
        groups: groups.map((g) => ({
          id: g.id || null,
          label: g.label,
          capacity: g.capacity,
          ageMin: g.ageMin,
          ageMax: g.ageMax,
          site: g.site,
          period: g.period,
        })),
        criteria: criteria.map(({ code, label, description, weight, proof, proofDocument, derive }) => ({
          code: code || null,
          label,
          description,
          weight,
          proof,
          proofDocument,
          derive,
        })),
      });
      setError(null);
      setSaved(true);
      reload();
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    }
  }

  if (locked) return <Alert tone="info">{t('attribution.publishedLocked')}</Alert>;
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <FormErrors error={error} />
      {saved ? (
        <Alert tone="success" live>
          {t('attribution.saved')}
        </Alert>
      ) : null}
      <TextField label={t('attribution.campaignTitle')} value={title} onChange={setTitle} isRequired error={error?.field('title')} />
      <TextField label={t('attribution.description')} value={description} onChange={setDescription} multiline error={error?.field('description')} />
      <div className="grid-form">
        <DateField id="opens" name="opensAt" label={t('attribution.opensAt')} value={opens} onChange={setOpens} error={error?.field('opensAt')} />
        <DateField id="closes" name="closesAt" label={t('attribution.closesAt')} value={closes} onChange={setCloses} error={error?.field('closesAt')} />
        <NumberField label={t('attribution.offerDays')} value={offerDays} onChange={setOfferDays} minValue={1} maxValue={60} />
      </div>
      <TextField label={t('attribution.tieBreakRule')} value={tieBreak} onChange={setTieBreak} multiline />
      <h2>{t('attribution.groups')}</h2>
      {groups.map((g, i) => (
        <fieldset key={g.id || `new-${i}`}>
          <legend>{g.label || t('attribution.group')}</legend>
          <div className="grid-form">
            <TextField
              label={t('attribution.groupLabel')}
              value={g.label}
              onChange={(v) => setGroup(i, { label: v })}
              isRequired
              error={error?.field(`groups.${i}.label`)}
            />
            <NumberField
              label={t('attribution.capacity')}
              value={g.capacity}
              onChange={(v) => setGroup(i, { capacity: v ?? 0 })}
              minValue={0}
              error={error?.field(`groups.${i}.capacity`)}
            />
            <NumberField label={t('attribution.ageMin')} value={g.ageMin} onChange={(v) => setGroup(i, { ageMin: v })} minValue={0} maxValue={25} />
            <NumberField
              label={t('attribution.ageMax')}
              value={g.ageMax}
              onChange={(v) => setGroup(i, { ageMax: v })}
              minValue={0}
              maxValue={25}
              error={error?.field(`groups.${i}.ageMax`)}
            />
            <TextField label={t('attribution.site')} value={g.site} onChange={(v) => setGroup(i, { site: v })} />
            <TextField label={t('attribution.period')} value={g.period} onChange={(v) => setGroup(i, { period: v })} />
          </div>
        </fieldset>
      ))}
      <Button
        variant="secondary"
        onPress={() =>
          setGroups([...groups, { id: '', label: '', capacity: 10, ageMin: null, ageMax: null, site: '', period: '', lastAdmittedScore: null, admitted: null }])
        }
      >
        {t('attribution.addGroup')}
      </Button>
      <CriteriaEditor criteria={criteria} setCriteria={setCriteria} error={error} />
      <Button type="submit">{t('attribution.save')}</Button>
    </form>
  );
}

function StatusButtons({ c, reload }: { c: CampaignDetail; reload: () => void }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  if (c.status === 'published') return null;
  const set = async (status: 'draft' | 'open' | 'closed') => {
    try {
      await api.post(`/api/attribution/campaigns/${c.id}/status`, { status });
      reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : null);
    }
  };
  return (
    <div className="row">
      {error ? (
        <Alert tone="error" live>
          {error}
        </Alert>
      ) : null}
      {c.status !== 'open' ? <Button onPress={() => set('open')}>{t('attribution.openApplications')}</Button> : null}
      {c.status === 'open' ? (
        <Button variant="secondary" onPress={() => set('closed')}>
          {t('attribution.closeApplications')}
        </Button>
      ) : null}
      {c.status !== 'draft' ? (
        <Button variant="ghost" onPress={() => set('draft')}>
          {t('attribution.backToDraft')}
        </Button>
      ) : null}
    </div>
  );
}

function Applications({ c }: { c: CampaignDetail }) {
  const t = useT();
  const r = useApi<{ applications: StaffApplication[] }>(`/api/attribution/campaigns/${c.id}/applications`);
  const label = (code: string) => c.criteria.find((x) => x.code === code)?.label ?? code;
  // Relais' own records (siblings in the application, earlier campaigns, refusals) need no proof.
  const verifiable = (code: string) => !['siblings', 'lost', 'refused'].includes(c.criteria.find((x) => x.code === code)?.derive ?? '');
  const [error, setError] = useState<string | null>(null);
  async function verify(a: StaffApplication, code: string) {
    try {
      await api.put(`/api/attribution/applications/${a.id}/criteria/${code}`, { value: a.criteria[code]?.value ?? 0 });
      setError(null);
      r.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : null);
    }
  }
  return (
    <section aria-labelledby="apps">
      <h2 id="apps">{t('attribution.applications')}</h2>
      <p className="muted">{t('attribution.verifyHelp')}</p>
      {error ? (
        <Alert tone="error" live>
          {error}
        </Alert>
      ) : null}
      <LoadStatus data={r.data} error={r.error} reload={r.reload} />
      {r.data ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('attribution.applications')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('attribution.familyN', { n: '' }).trim()}</th>
                <th scope="col">{t('attribution.choicesStaff')}</th>
                <th scope="col">{t('attribution.situationStaff')}</th>
                {c.status === 'published' ? <th scope="col">{t('attribution.outcome')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {r.data.applications.map((a) => (
                <tr key={a.id}>
                  <th scope="row" style={{ fontWeight: 600 }}>
                    {t('attribution.familyN', { n: a.number })}
                    <div className="muted" style={{ fontWeight: 400 }}>
                      {a.childAge !== null ? t('attribution.childAgeStaff', { age: a.childAge }) : t('attribution.externalApplication')} ·{' '}
                      {frLongDate(a.submittedAt)}
                    </div>
                    {a.householdId ? (
                      <Link to={`/dossier/agent/familles/${a.householdId}`} aria-label={t('attribution.openFamilyFileLabel', { n: a.number })}>
                        {t('attribution.openFamilyFile')}
                      </Link>
                    ) : null}
                  </th>
                  <td>
                    {a.choices.map((g, i) => `${i + 1}. ${g}`).join(' · ')}
                    {a.documents.length ? <p className="muted">{t('attribution.proofsNeedFile')}</p> : null}
                    {a.documents.length ? (
                      <ul className="proofs">
                        {a.documents.map((d) => (
                          <li key={d.id}>
                            <Link
                              to={`/places/gestion/${c.id}/justificatifs/${d.id}`}
                              aria-label={t('attribution.readProofLabel', { criterion: label(d.criterion), n: a.number })}
                            >
                              {t('attribution.readProof', { criterion: label(d.criterion) })}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td>
                    <ul style={{ margin: 0, paddingInlineStart: '1rem' }}>
                      {Object.entries(a.criteria)
                        .filter(([, v]) => v.value > 0)
                        .map(([code, v]) => (
                          <li key={code}>
                            {label(code)} ({t(`attribution.source.${v.source}`)})
                            {v.source !== 'verified' && verifiable(code) && c.status !== 'published' ? (
                              <>
                                {' '}
                                <Button
                                  variant="secondary"
                                  className="small"
                                  onPress={() => verify(a, code)}
                                  aria-label={t('attribution.verifyLabel', { criterion: label(code), n: a.number })}
                                >
                                  {t('attribution.verify')}
                                </Button>
                              </>
                            ) : null}
                          </li>
                        ))}
                    </ul>
                  </td>
                  {c.status === 'published' ? (
                    <td>
                      {a.result ? `${t('attribution.rank')} ${a.result.rank} · ${score(a.result.score)} · ` : ''}
                      {a.result ? outcomeText(t, a.result.outcome) : ''}
                      {a.offer ? ` · ${t(`attribution.offerState.${a.offer.status}`)}` : ''}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export default function CampaignEditorPage() {
  const [saved, setSaved] = useState(false);
  return (
    <StaffCampaignPage current="editor" actions={(c, reload) => <StatusButtons c={c} reload={reload} />}>
      {(c, reload) => (
        <>
          <RulesForm
            key={[c.status, ...c.groups.map((g) => g.id), ...c.criteria.map((x) => x.code)].join()}
            c={c}
            reload={reload}
            saved={saved}
            setSaved={setSaved}
          />
          <Applications c={c} />
        </>
      )}
    </StaffCampaignPage>
  );
}
