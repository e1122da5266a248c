/** A family applies for a place: prefilled from its file, its children, its choices in order (buttons, not drag), its situation. */
import { useMemo, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useI18n, useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { Link, navigate, useParams } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, Checkbox, FormErrors, LinkButton, LoadStatus, PageHeader, RequireRole } from '../../ui';
import { ages, signed } from './display';
import messages from './messages';
import { ProofUpload } from './ProofUpload';
import type { ApplicationForm, AttachedDocument } from '../../../src/modules/attribution';
import './attribution.css';

registerMessages('attribution', messages);

/** Criteria Relais computes from its own records: shown, not asked. */
const COMPUTED = new Set(['siblings', 'lost', 'refused']);

function Choices({ form, choices, setChoices, error }: { form: ApplicationForm; choices: string[]; setChoices: (c: string[]) => void; error?: string }) {
  const t = useT();
  const label = (id: string) => form.campaign.groups.find((g) => g.id === id)?.label ?? '';
  const move = (i: number, d: -1 | 1) => {
    const next = [...choices];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    setChoices(next);
  };
  const others = form.campaign.groups.filter((g) => !choices.includes(g.id));
  return (
    <fieldset>
      <legend>{t('attribution.choicesTitle')}</legend>
      <p className="help" style={{ marginTop: 0 }}>
        {t('attribution.choicesHelp')}
      </p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {choices.length ? (
        <ol className="choices" aria-label={t('attribution.choicesTitle')}>
          {choices.map((id, i) => (
            <li key={id}>
              <span className="label">{t('attribution.choiceN', { n: i + 1, label: label(id) })}</span>
              <span className="actions">
                <Button variant="secondary" isDisabled={i === 0} onPress={() => move(i, -1)} aria-label={t('attribution.upLabel', { label: label(id) })}>
                  ↑ {t('attribution.up')}
                </Button>
                <Button
                  variant="secondary"
                  isDisabled={i === choices.length - 1}
                  onPress={() => move(i, 1)}
                  aria-label={t('attribution.downLabel', { label: label(id) })}
                >
                  ↓ {t('attribution.down')}
                </Button>
                <Button
                  variant="ghost"
                  onPress={() => setChoices(choices.filter((c) => c !== id))}
                  aria-label={t('attribution.removeLabel', { label: label(id) })}
                >
                  {t('attribution.remove')}
                </Button>
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('attribution.noChoice')}</p>
      )}
      {others.length ? (
        <>
          <h3 style={{ fontSize: '1rem' }}>{t('attribution.otherGroups')}</h3>
          <ul className="choices">
            {others.map((g) => (
              <li key={g.id}>
                <span className="label">
                  <Fr>{g.label}</Fr>
                  <span className="muted" style={{ display: 'block', fontWeight: 400 }}>
                    {ages(t, g.ageMin, g.ageMax)}
                    {g.site ? ` · ${g.site}` : ''}
                  </span>
                </span>
                <Button variant="secondary" onPress={() => setChoices([...choices, g.id])} aria-label={t('attribution.addLabel', { label: g.label })}>
                  {t('attribution.add')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </fieldset>
  );
}

function Form({ form, id }: { form: ApplicationForm; id: string }) {
  const t = useT();
  const { locale } = useI18n();
  const free = form.children.filter((c) => !c.alreadyApplied);
  const [children, setChildren] = useState<string[]>(free.length === 1 ? [free[0]!.id] : []);
  const [keepTogether, setKeepTogether] = useState(true);
  const [choices, setChoices] = useState<string[]>([]);
  const [values, setValues] = useState<Record<string, number>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [attached, setAttached] = useState<AttachedDocument[]>(form.attached);
  const open = form.campaign.status === 'open';
  const asked = useMemo(() => form.campaign.criteria.filter((c) => !c.derive || !COMPUTED.has(c.derive)), [form]);
  const computed = form.campaign.criteria.filter((c) => c.derive && COMPUTED.has(c.derive));
  const valueOf = (code: string) => values[code] ?? form.prefilled[code] ?? 0;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const declared = Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== (form.prefilled[k] ?? 0)));
      await api.post(`/api/attribution/campaigns/${id}/applications`, { children, keepTogether, choices, declared });
      navigate('/places/mes-demandes?envoye=1');
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    } finally {
      setBusy(false);
    }
  }

  if (!open) return <Alert tone="info">{t('attribution.closedForApplications')}</Alert>;
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <Alert tone="info">{t('attribution.prefilledNote')}</Alert>
      <FormErrors error={error} />
      <fieldset>
        <legend>{t('attribution.whichChildren')}</legend>
        {error?.field('children') ? <p className="error">{error.field('children')}</p> : null}
        {form.children.map((c) => (
          <div key={c.id}>
            {c.alreadyApplied ? (
              <p className="muted">
                {t('attribution.childAge', { name: c.firstName, age: c.age })} — {t('attribution.alreadyApplied')}
              </p>
            ) : (
              <Checkbox isSelected={children.includes(c.id)} onChange={(v) => setChildren(v ? [...children, c.id] : children.filter((x) => x !== c.id))}>
                {t('attribution.childAge', { name: c.firstName, age: c.age })}
              </Checkbox>
            )}
          </div>
        ))}
        {children.length > 1 ? (
          <Checkbox isSelected={keepTogether} onChange={setKeepTogether}>
            {t('attribution.keepTogether')}
          </Checkbox>
        ) : null}
      </fieldset>
      <Choices form={form} choices={choices} setChoices={setChoices} error={error?.fields.find((f) => f.path.startsWith('choices'))?.message} />
      <fieldset>
        <legend>{t('attribution.yourSituation')}</legend>
        <p className="help" style={{ marginTop: 0 }}>
          {t('attribution.situationHelp')}
        </p>
        {asked.map((c) => {
          const v = valueOf(c.code);
          const fromFile = form.prefilled[c.code] !== null && form.prefilled[c.code] !== undefined && values[c.code] === undefined;
          return (
            <div key={c.code} style={{ marginBottom: '0.6rem' }}>
              <Checkbox isSelected={v > 0} onChange={(on) => setValues({ ...values, [c.code]: on ? form.prefilled[c.code] || 1 : 0 })}>
                <Fr>{c.label}</Fr> <span className="muted">({t('attribution.pointsN', { n: signed(c.weight * (v > 0 ? v : 1), locale) })})</span>
              </Checkbox>
              <div className="criterion-proof">
                <p className="muted">
                  {fromFile ? `${t('attribution.fromYourFile')} · ` : ''}
                  {t('attribution.proof')} : {c.proof || (c.proofDocument ? t(`attribution.doc.${c.proofDocument}`) : '')}
                </p>
                {v > 0 ? (
                  <ProofUpload
                    campaignId={id}
                    criterion={c}
                    attached={attached.find((d) => d.criterion === c.code)}
                    inFile={Boolean(c.proofDocument && form.documents.includes(c.proofDocument))}
                    onChange={(doc) => setAttached([...attached.filter((d) => d.criterion !== c.code), ...(doc ? [doc] : [])])}
                  />
                ) : null}
              </div>
            </div>
          );
        })}
        {computed.length ? (
          <ul className="muted" style={{ paddingInlineStart: '1.2rem' }}>
            {computed.map((c) => (
              <li key={c.code}>
                <Fr>{c.label}</Fr> ({signed(c.weight, locale)}) — {t('attribution.computed')}
                {c.derive !== 'siblings' ? ` : ${(form.prefilled[c.code] ?? 0) > 0 ? t('attribution.yes') : t('attribution.no')}` : ''}
              </li>
            ))}
          </ul>
        ) : null}
        <p className="muted">{t('attribution.proofsNote')}</p>
      </fieldset>
      <Button type="submit" isDisabled={busy}>
        {t('attribution.send')}
      </Button>
    </form>
  );
}

function ApplyInner({ id }: { id: string }) {
  const t = useT();
  const r = useApi<ApplicationForm>(`/api/attribution/campaigns/${id}/form`);
  if (r.error?.code === 'attribution/no-household') {
    return (
      <>
        <PageHeader title={t('attribution.applyTitle')} />
        <Alert tone="info">{t('attribution.noFile')}</Alert>
        <LinkButton to="/dossier">{t('attribution.createFile')}</LinkButton>
      </>
    );
  }
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/places/campagnes/${id}`}>{t('attribution.readRules')}</Link>
      </p>
      <PageHeader title={r.data ? `${t('attribution.applyTitle')} — ${r.data.campaign.title}` : t('attribution.applyTitle')} />
      <LoadStatus data={r.data} error={r.error} reload={r.reload} />
      {r.data ? <Form form={r.data} id={id} /> : null}
    </>
  );
}

export default function ApplyPage() {
  const { id } = useParams();
  return (
    <div className="attribution">
      <RequireRole roles={['parent']}>
        <ApplyInner id={id!} />
      </RequireRole>
    </div>
  );
}
