/** An admin edits an aid: a form over its texts, thresholds and amounts, a preview of who becomes eligible, saved as a new dated version (requests keep theirs). */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { useParams } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, DemoBadge, FormErrors, Loaded, NumberField, PageHeader, RequireRole, TextField } from '../../ui';
import { frLongDate as dateFr } from '../../app/format';
import { DateField } from '../../ui/DateField';
import './shared';
import type { AidDetail, PreviewView } from '../../../src/modules/aides';

type Definition = AidDetail['definition'];
type Cond = Record<string, unknown> & { kind?: string };

const toEuros = (c: unknown) => (typeof c === 'number' ? c / 100 : null);
const toCents = (e: number | null) => (e === null ? 0 : Math.round(e * 100));

function ConditionField({ c, onChange, at }: { c: Cond; onChange: (c: Cond) => void; at: string }) {
  const t = useT();
  if (c.kind === 'quotient_familial' || c.kind === 'resources') {
    const label = c.kind === 'quotient_familial' ? t('aides.editQf') : t('aides.editResources');
    return <NumberField name={at} label={label} euros value={toEuros(c.max_cents)} onChange={(v) => onChange({ ...c, max_cents: toCents(v) })} minValue={0} />;
  }
  if (c.kind === 'residence')
    return (
      <NumberField
        name={at}
        label={t('aides.editResidence')}
        value={c.min_months as number}
        onChange={(v) => onChange({ ...c, min_months: v ?? 1 })}
        minValue={1}
      />
    );
  if (c.kind === 'child_age') {
    return (
      <div className="item-row">
        {c.min_years !== undefined ? (
          <NumberField
            name={`${at}-min`}
            label={t('aides.editChildMin')}
            value={c.min_years as number}
            onChange={(v) => onChange({ ...c, min_years: v ?? 0 })}
            minValue={0}
          />
        ) : null}
        {c.max_years !== undefined ? (
          <NumberField
            name={`${at}-max`}
            label={t('aides.editChildMax')}
            value={c.max_years as number}
            onChange={(v) => onChange({ ...c, max_years: v ?? 0 })}
            minValue={0}
          />
        ) : null}
      </div>
    );
  }
  return null;
}

function Editor({ aid, reload }: { aid: AidDetail; reload: () => void }) {
  const t = useT();
  const [def, setDef] = useState<Definition>(structuredClone(aid.definition));
  const [note, setNote] = useState('');
  const [preview, setPreview] = useState<PreviewView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const b = def.benefit as Record<string, unknown>;
  const setBenefit = (k: string, v: unknown) => setDef({ ...def, benefit: { ...b, [k]: v } });
  const setCond = (i: number, c: Cond) => setDef({ ...def, conditions: def.conditions.map((x, j) => (j === i ? c : x)) });
  const payload = () => {
    const d = { ...def };
    if (!d.end_date) delete d.end_date;
    return d;
  };
  async function doPreview() {
    setError(null);
    try {
      setPreview(await api.post<PreviewView>('/api/aides/catalogue/preview', { definition: payload() }));
    } catch (e) {
      setError(e as ApiError);
    }
  }
  async function save() {
    setError(null);
    try {
      const r = await api.post<{ version: number }>('/api/aides/catalogue/versions', { definition: payload(), baseVersion: aid.version, note: note || null });
      setSaved(r.version);
      reload();
    } catch (e) {
      setError(e as ApiError);
    }
  }
  return (
    <form onSubmit={(e) => (e.preventDefault(), void save())}>
      {def.demo ? <DemoBadge label={t('aides.demo')} /> : null}
      <FormErrors error={error} />
      {saved ? (
        <Alert tone="success" live>
          {t('aides.versionSaved', { n: saved })}
        </Alert>
      ) : null}
      <TextField label={t('aides.editTitle')} value={def.title} onChange={(v) => setDef({ ...def, title: v })} isRequired error={error?.field('title')} />
      <TextField
        label={t('aides.editSummary')}
        value={def.summary}
        onChange={(v) => setDef({ ...def, summary: v })}
        multiline
        error={error?.field('summary')}
      />
      <TextField
        label={t('aides.editEasy')}
        value={def.summary_easy}
        onChange={(v) => setDef({ ...def, summary_easy: v })}
        multiline
        error={error?.field('summary_easy')}
      />
      <TextField label={t('aides.editHow')} value={def.how_to_ask} onChange={(v) => setDef({ ...def, how_to_ask: v })} error={error?.field('how_to_ask')} />
      <h2>{t('aides.conditions')}</h2>
      {def.conditions.map((c, i) => (
        <ConditionField key={i} at={`cond-${i}`} c={c as Cond} onChange={(x) => setCond(i, x)} />
      ))}
      <h2>{t('aides.gives')}</h2>
      {'amount_cents' in b ? (
        <NumberField
          label={t('aides.editAmount')}
          euros
          value={toEuros(b.amount_cents)}
          onChange={(v) => setBenefit('amount_cents', toCents(v))}
          minValue={0}
        />
      ) : null}
      {'cap_cents' in b ? (
        <NumberField label={t('aides.editCap')} euros value={toEuros(b.cap_cents)} onChange={(v) => setBenefit('cap_cents', toCents(v))} minValue={0} />
      ) : null}
      {'max_cents' in b ? (
        <NumberField label={t('aides.editLoanMax')} euros value={toEuros(b.max_cents)} onChange={(v) => setBenefit('max_cents', toCents(v))} minValue={0} />
      ) : null}
      {'rate_percent' in b && b.kind === 'cost_share' ? (
        <NumberField
          label={t('aides.editRate')}
          value={b.rate_percent as number}
          onChange={(v) => setBenefit('rate_percent', v ?? 0)}
          minValue={1}
          maxValue={100}
        />
      ) : null}
      <DateField
        id="end-date"
        name="end_date"
        label={t('aides.editEnd')}
        value={def.end_date ?? ''}
        onChange={(v) => setDef({ ...def, end_date: v || undefined })}
      />
      <TextField label={t('aides.editNote')} value={note} onChange={setNote} />
      <div className="item-row">
        <Button variant="secondary" onPress={() => void doPreview()}>
          {t('aides.preview')}
        </Button>
        <Button type="submit">{t('aides.saveVersion')}</Button>
      </div>
      {preview ? (
        <Alert tone="info" title={t('aides.previewTitle')} live>
          <p>
            {t('aides.previewCounts', {
              n: preview.households,
              before: preview.before.eligible,
              after: preview.after.eligible,
              gained: preview.gained,
              lost: preview.lost,
            })}
          </p>
        </Alert>
      ) : null}
      <h2>{t('aides.versions')}</h2>
      <ul>
        {aid.versions.map((v) => (
          <li key={v.version}>
            {t('aides.versionLine', { n: v.version, date: dateFr(v.createdAt) })}
            {v.note ? ` — ${v.note}` : ''}
          </li>
        ))}
      </ul>
    </form>
  );
}

export default function EditAidPage() {
  const t = useT();
  const { aidId } = useParams();
  const r = useApi<AidDetail>(`/api/aides/catalogue/${aidId}`, { keepPrevious: true });
  return (
    <RequireRole roles={['admin', 'coordinator']}>
      <PageHeader title={r.data ? t('aides.editHeading', { title: r.data.definition.title }) : t('aides.title')} intro={t('aides.editIntro')} />
      <Loaded resource={r}>{(aid) => <Editor aid={aid} reload={r.reload} />}</Loaded>
    </RequireRole>
  );
}
