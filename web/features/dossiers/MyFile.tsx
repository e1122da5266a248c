/** The parent's file: summary, documents, history, sharing, access log, export and erasure. */
import { useCallback, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useApi } from '../../app/use-api';
import { useFormat, useT, useTx } from '../../app/i18n';
import { Fr, Ltr } from '../../app/lang';
import { useTown } from '../../app/town';
import { Link, navigate } from '../../app/router';
import { useQueuedForms } from '../../app/pwa';
import { useSession } from '../../app/session';
import { Alert, Button, Card, Checkbox, EmptyState, FormErrors, LinkButton, LoadStatus, SelectField, TextField } from '../../ui';
import { Offers } from './Offers';
import { DateField } from './Why';
import { OrientationRequests } from './OrientationRequests';
import type { FieldsInfo, Household } from './types';
import { fieldKey, isTypedText, valueText } from './labels';
import type { AuditTrailEntry, ConsentOut, HistoryEntry } from '../../../src/modules/dossiers';
import { DOCUMENT_KINDS } from '../../../src/modules/dossiers/shared';

type Change = HistoryEntry;
type Consent = ConsentOut;
type AuditEntry = AuditTrailEntry;

/** The file at a glance; `staff` words it for an agent ("Parent", not "Vous"). */
export function Summary({ h, staff = false }: { h: Household; staff?: boolean }) {
  const t = useT();
  const fmt = useFormat();
  const s = h.situation;
  return (
    <dl className="summary">
      <dt>{t(staff ? 'dossiers.theParent' : 'dossiers.you')}</dt>
      <dd>
        {/* Names and dates keep their own direction inside a right-to-left line. */}
        <bdi>{[h.parent.firstName, h.parent.lastName].filter(Boolean).join(' ') || '—'}</bdi> · <bdi>{fmt.date(h.parent.birthDate)}</bdi> ·{' '}
        {h.parent.phone ? <Ltr>{h.parent.phone}</Ltr> : '—'}
        {h.identityCertification && !staff ? <p className="help">{t('dossiers.certifiedIdentity')}</p> : null}
      </dd>
      <dt>{t(staff ? 'dossiers.theChildren' : 'dossiers.children')}</dt>
      <dd>
        {h.children.length
          ? h.children.map((c, i) => (
              <span key={c.id ?? i}>
                {i ? ', ' : ''}
                <bdi>{c.firstName}</bdi> (<bdi>{fmt.date(c.birthDate)}</bdi>)
              </span>
            ))
          : '—'}
      </dd>
      <dt>{t(staff ? 'dossiers.theAddress' : 'dossiers.address')}</dt>
      <dd>
        <Fr>{[h.address.line, h.address.postalCode, h.address.city].filter(Boolean).join(', ') || '—'}</Fr>
      </dd>
      <dt>{t(staff ? 'dossiers.theResources' : 'dossiers.resources')}</dt>
      <dd>
        {s.activity ? valueText(t, 'situation.activity', s.activity, [], fmt.locale) : '—'}
        {s.salaryNetMonthlyCents != null ? ` · ${fmt.euros(s.salaryNetMonthlyCents)}` : ''}
        {h.housing.rentMonthlyCents != null ? ` · ${t('dossiers.rent')} ${fmt.euros(h.housing.rentMonthlyCents)}` : ''}
        {h.housing.chargesMonthlyCents != null ? ` · ${t('dossiers.charges')} ${fmt.euros(h.housing.chargesMonthlyCents)}` : ''}
        {h.housing.rentMonthlyCents == null && h.housing.rentWithChargesFormerCents != null
          ? ` · ${t('dossiers.rentToConfirm', { amount: fmt.euros(h.housing.rentWithChargesFormerCents) })}`
          : ''}
      </dd>
      {h.quotient.value != null ? (
        <>
          <dt>QF</dt>
          <dd>
            {t('dossiers.qfValue', { v: h.quotient.value, source: h.quotient.source === 'entered' ? t('dossiers.qfEnteredSource') : t('dossiers.qfComputed') })}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function Documents({ h, reload }: { h: Household; reload: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const [kind, setKind] = useState('attestation-caf');
  const [label, setLabel] = useState('');
  const [validUntil, setValidUntil] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      let f = null;
      if (file) {
        const buf = new Uint8Array(await file.arrayBuffer());
        let bin = '';
        for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
        f = { name: file.name, mimeType: file.type, base64: btoa(bin) };
      }
      await api.post('/api/dossiers/me/documents', { kind, label: label || null, validUntil, file: f });
      setLabel('');
      setValidUntil(null);
      setFile(null);
      reload();
    } catch (ex) {
      setError(ex);
    }
  };
  return (
    <Card title={t('dossiers.documents')}>
      {h.documents.length ? (
        <ul className="plain-list">
          {h.documents.map((d) => (
            <li key={d.id}>
              <strong>{d.label ?? t(`dossiers.kind.${d.kind}`)}</strong>{' '}
              {d.expired ? (
                <span className="badge" data-tone="warning">
                  {t('dossiers.docExpired')}
                </span>
              ) : null}{' '}
              <span className="muted">{d.validUntil ? t('dossiers.docValid', { date: fmt.date(d.validUntil) }) : t('dossiers.docNoDate')}</span>{' '}
              {d.hasFile ? <a href={`/api/dossiers/me/documents/${d.id}/file`}>{t('dossiers.docDownload')}</a> : null}{' '}
              <Button variant="ghost" onPress={() => api.del(`/api/dossiers/me/documents/${d.id}`).then(reload, setError)}>
                {t('dossiers.docDelete')} <span className="visually-hidden">{d.label ?? d.kind}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t('dossiers.docNone')}</EmptyState>
      )}
      <form onSubmit={add} className="stack">
        <FormErrors error={error} />
        <SelectField
          name="doc-kind"
          label={t('dossiers.docKind')}
          value={kind}
          onChange={setKind}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`dossiers.kind.${k}`) }))}
        />
        <TextField label={t('dossiers.docLabel')} value={label} onChange={setLabel} />
        <DateField
          name="doc-valid-until"
          label={t('dossiers.docValidUntil')}
          value={validUntil}
          onChange={setValidUntil}
          error={error instanceof ApiError ? error.field('validUntil') : undefined}
        />
        <div className="field">
          <label htmlFor="doc-file">{t('dossiers.docFile')}</label>
          <input id="doc-file" type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <Button type="submit" variant="secondary">
          {t('dossiers.docAdd')}
        </Button>
      </form>
    </Card>
  );
}

function History({ children }: { children: Household['children'] }) {
  const t = useT();
  const fmt = useFormat();
  const town = useTown();
  const history = useApi<Change[]>('/api/dossiers/me/history');
  const fields = useApi<FieldsInfo>('/api/dossiers/fields');
  const rows = history.data;
  const labels: Record<string, string> = Object.fromEntries((fields.data?.fields ?? []).map((x) => [x.key, x.label]));
  // A child's line names the child ("Garde de chaque enfant (Lina)"), never by its id.
  const labelOf = (field: string) => {
    const p = field.split('.');
    const child = p[0] === 'children' && p.length === 3 ? children.find((c) => c.id === p[1])?.firstName : undefined;
    const own = labels[fieldKey(field)];
    // The field's name comes from the server, in French.
    const label = own ? <Fr>{own}</Fr> : t('dossiers.fieldOther');
    return child ? (
      <>
        {label} ({child})
      </>
    ) : (
      label
    );
  };
  const show = (v: unknown, field: string) => {
    const text = valueText(t, field, v, town.neighbourhoods, fmt.locale);
    return isTypedText(field, v) ? <Fr>{text}</Fr> : text;
  };
  return (
    <Card title={t('dossiers.history')}>
      {!rows ? (
        <LoadStatus data={rows} error={history.error} reload={history.reload} />
      ) : rows.length === 0 ? (
        <EmptyState>{t('dossiers.historyNone')}</EmptyState>
      ) : (
        <ul className="plain-list history">
          {rows.slice(0, 50).map((c) => (
            <li key={c.id}>
              <span className="muted">{fmt.dateTime(c.at)}</span> — <strong>{labelOf(c.field)}</strong> : {show(c.oldValue, c.field)} →{' '}
              {show(c.newValue, c.field)}{' '}
              <span className="muted">
                ({c.actorRole === 'parent' ? t('dossiers.historyYou') : (c.actorName ?? t(`dossiers.source.${c.source}`))}
                {c.source === 'renewal' ? `, ${t('dossiers.source.renewal')}` : ''})
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The consents of a file: `base` is `/api/dossiers/me` for the family, `/api/dossiers/households/:id` at the desk. */
export function Consents({ info, base = '/api/dossiers/me' }: { info: FieldsInfo | null; base?: string }) {
  const t = useT();
  const fmt = useFormat();
  const consents = useApi<Consent[]>(`${base}/consents`);
  const { data: rows, reload: load } = consents;
  const structures = useApi<{ structureId: string; name: string }[]>('/api/dossiers/structures').data ?? [];
  const [chosenStructureId, setStructureId] = useState('');
  const structureId = chosenStructureId || structures[0]?.structureId || '';
  const [purpose, setPurpose] = useState('orientation');
  const [parts, setParts] = useState<string[]>(['identity', 'children']);
  const [until, setUntil] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Withdrawing a consent must work whenever the family wants: without network it waits on the phone and goes when
  // the network returns (issue 19). Giving one is sent now (docs/pwa.md says why).
  const queue = useQueuedForms();
  const grant = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      // The last day it holds: the server ends it at the end of that day in Paris, by its own clock.
      await api.post(`${base}/consents`, { structureId, purpose, parts, until });
      load();
    } catch (ex) {
      setError(ex);
    }
  };
  return (
    <Card title={t('dossiers.consents')}>
      <p>{t('dossiers.consentsIntro')}</p>
      {queue.notice}
      {rows && rows.length ? (
        <ul className="plain-list">
          {rows.map((c) => (
            <li key={c.id}>
              <strong>
                <Fr>{c.structureName}</Fr>
              </strong>{' '}
              — <Fr>{c.purposeLabel}</Fr> — <Fr>{c.partLabels.join(', ')}</Fr>{' '}
              <span className="muted">
                {c.live
                  ? t('dossiers.consentLive', { date: fmt.date(c.grantedAt) }) +
                    (c.expiresAt ? ` ${t('dossiers.consentExpires', { date: fmt.date(c.expiresAt) })}` : '')
                  : c.revokedAt
                    ? t('dossiers.consentRevoked', { date: fmt.date(c.revokedAt) })
                    : t('dossiers.consentExpired', { date: fmt.date(c.expiresAt) })}
                {c.recordedAtDesk ? ` (${t('dossiers.consentAtDesk')})` : ''}
              </span>{' '}
              {c.live ? (
                <Button
                  variant="danger"
                  onPress={() =>
                    queue
                      .send({
                        method: 'POST',
                        url: `${base}/consents/${c.id}/revoke`,
                        body: {},
                        label: t('pwa.consentRevoke', { what: c.structureName }),
                        what: c.structureName,
                      })
                      .then((sent) => (sent.queued ? undefined : load()), setError)
                  }
                >
                  {t('dossiers.consentRevoke')}{' '}
                  <span className="visually-hidden">
                    <Fr>{c.structureName}</Fr>
                  </span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t('dossiers.consentNone')}</EmptyState>
      )}
      {structures.length && info ? (
        <form onSubmit={grant} className="stack">
          <FormErrors error={error} labels={{ until: t('dossiers.consentUntil') }} />
          <SelectField
            name="consent-structure"
            label={t('dossiers.consentStructure')}
            value={structureId}
            onChange={setStructureId}
            options={structures.map((s) => ({ value: s.structureId, label: s.name }))}
          />
          <SelectField
            name="consent-purpose"
            label={t('dossiers.consentPurpose')}
            value={purpose}
            onChange={setPurpose}
            options={info.purposes.map((p) => ({ value: p.id, label: p.label }))}
          />
          <fieldset className="stack">
            <legend>{t('dossiers.consentParts')}</legend>
            {info.parts.map((p) => (
              <Checkbox key={p.id} isSelected={parts.includes(p.id)} onChange={(v) => setParts((x) => (v ? [...x, p.id] : x.filter((y) => y !== p.id)))}>
                <Fr>{p.label}</Fr>
              </Checkbox>
            ))}
          </fieldset>
          <DateField name="consent-until" label={t('dossiers.consentUntil')} value={until} onChange={setUntil} />
          <Button type="submit" variant="secondary">
            {t('dossiers.consentGrant')}
          </Button>
        </form>
      ) : (
        <EmptyState>{t('dossiers.consentNoStructure')}</EmptyState>
      )}
    </Card>
  );
}

function AuditLog() {
  const t = useT();
  const tx = useTx();
  const fmt = useFormat();
  const audit = useApi<AuditEntry[]>('/api/dossiers/me/audit');
  const rows = audit.data;
  const others = rows?.filter((r) => r.actorRole && r.actorRole !== 'parent') ?? [];
  return (
    <Card title={t('dossiers.audit')}>
      {!rows ? (
        <LoadStatus data={rows} error={audit.error} reload={audit.reload} />
      ) : others.length === 0 ? (
        <EmptyState>{t('dossiers.auditNone')}</EmptyState>
      ) : (
        <ul className="plain-list">
          {others.slice(0, 50).map((a) => (
            <li key={a.id}>
              <span className="muted">{fmt.dateTime(a.at)}</span> — <Fr>{a.label}</Fr> — <Fr>{a.actorName ?? a.actorRole}</Fr>
              {a.reason ? <> — {tx('dossiers.auditReason', { reason: <Fr>{a.reason}</Fr> })}</> : ''}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The parent's rights over its data: with a file, over the file and the account; without one, over the account alone (same routes). */
function Rights({ hasFile }: { hasFile: boolean }) {
  const t = useT();
  const { refresh } = useSession();
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const erase = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post('/api/dossiers/me/erase', { confirm });
    } catch (ex) {
      setError(ex);
      return;
    }
    // The account is closed: the page says so above the sign-in prompt (DossierPage reads `efface`).
    navigate(`/dossier?efface=${hasFile ? 'dossier' : 'compte'}`, { replace: true });
    await refresh();
  };
  return (
    <Card title={t('dossiers.rights')}>
      {hasFile ? null : <p>{t('dossiers.rightsNoFileHelp')}</p>}
      <ul className="plain-list">
        <li>
          <a href="/api/dossiers/me/export.json" download>
            {t('dossiers.exportJson')}
          </a>
        </li>
        <li>
          <a href="/api/dossiers/me/export.html" target="_blank" rel="noopener">
            {t(hasFile ? 'dossiers.exportHtml' : 'dossiers.exportHtmlAccount')}
          </a>
        </li>
      </ul>
      <details>
        <summary>{t(hasFile ? 'dossiers.eraseTitle' : 'dossiers.eraseAccountTitle')}</summary>
        <form onSubmit={erase} className="stack">
          <p>{t(hasFile ? 'dossiers.eraseHelp' : 'dossiers.eraseAccountHelp')}</p>
          <FormErrors error={error} />
          <TextField
            label={t('dossiers.eraseConfirm')}
            value={confirm}
            onChange={setConfirm}
            error={error instanceof ApiError ? error.field('confirm') : undefined}
          />
          <Button type="submit" variant="danger">
            {t('dossiers.eraseButton')}
          </Button>
        </form>
      </details>
    </Card>
  );
}

export function MyFile() {
  const t = useT();
  const fmt = useFormat();
  const me = useApi<{ household: Household | null }>('/api/dossiers/me');
  const myRenewal = useApi<{ renewal: { campaignYear: number } | null }>('/api/dossiers/me/renewal');
  const info = useApi<FieldsInfo>('/api/dossiers/fields').data;
  const renewal = myRenewal.data?.renewal ?? null;
  const { reload: reloadFile } = me;
  const { reload: reloadRenewal } = myRenewal;
  const load = useCallback(() => {
    reloadFile();
    reloadRenewal();
  }, [reloadFile, reloadRenewal]);
  if (!me.data) return <LoadStatus data={me.data} error={me.error} reload={me.reload} />;
  const h = me.data.household;
  if (h === null) {
    return (
      <div className="stack">
        <Card title={t('dossiers.none')}>
          <p>{t('dossiers.noneHelp')}</p>
          <LinkButton to="/dossier/remplir">{t('dossiers.start')}</LinkButton>
        </Card>
        <Rights hasFile={false} />
      </div>
    );
  }
  const expired = h.documents.filter((d) => d.expired).length;
  return (
    <div className="stack">
      {renewal ? (
        <Alert tone="warning" title={t('dossiers.renewalOpen', { year: renewal.campaignYear })}>
          <p>{t('dossiers.renewalHelp')}</p>
          <LinkButton to="/dossier/renouvellement">{t('dossiers.renewalStart')}</LinkButton>
        </Alert>
      ) : null}
      {expired ? <Alert tone="warning">{t('dossiers.expiredDocs', { n: expired })}</Alert> : null}
      <Card title={t('dossiers.title')}>
        <p className="muted">
          {t('dossiers.version', { v: h.version, date: fmt.date(h.updatedAt) })}
          {h.lastConfirmedAt ? ` · ${t('dossiers.lastConfirmed', { date: fmt.date(h.lastConfirmedAt) })}` : ''}
        </p>
        <Summary h={h} />
        <LinkButton to="/dossier/remplir" variant="secondary">
          {t('dossiers.edit')}
        </LinkButton>
      </Card>
      <Offers />
      <Documents h={h} reload={load} />
      <History key={h.version} children={h.children} />
      <OrientationRequests />
      <Consents info={info} />
      <AuditLog />
      <Rights hasFile />
      <p className="muted">
        <Link to="/dossier/renouvellement">{t('dossiers.renewal')}</Link>
      </p>
    </div>
  );
}
