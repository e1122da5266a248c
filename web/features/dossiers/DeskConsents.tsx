/**
 * The family's consents as an agent reads them, in the third person ("Awa Diallo a donné son
 * accord au guichet le …"). The agent records what the family itself says at the desk — an
 * accord or a withdrawal — ticking that the family said it; never a first-person button.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useApi } from '../../app/use-api';
import { useT } from '../../app/i18n';
import { frDate } from '../../app/format';
import { Alert, Button, Card, Checkbox, Dialog, EmptyState, FormErrors, LoadStatus, SelectField } from '../../ui';
import { DirectoryPicker, type Picked } from './DirectoryPicker';
import type { FieldsInfo } from './types';
import type { DeskConsents as DeskConsentsOut } from '../../../src/modules/dossiers';

type Consent = DeskConsentsOut['consents'][number];

export function consentSentence(t: ReturnType<typeof useT>, name: string, c: Consent): string {
  const parts = [
    c.recordedAtDesk
      ? t('desk.grantedAtDesk', { name, date: frDate(c.grantedAt), agent: c.recordedByName ?? t('desk.theCcas') })
      : t('desk.grantedByFamily', { name, date: frDate(c.grantedAt) }),
  ];
  if (c.revokedAt)
    parts.push(
      c.revokedAtDesk
        ? t('desk.revokedAtDesk', { name, date: frDate(c.revokedAt), agent: c.revokedByName ?? t('desk.theCcas') })
        : t('desk.revokedByFamily', { name, date: frDate(c.revokedAt) }),
    );
  else if (!c.live && c.expiresAt) parts.push(t('desk.expired', { date: frDate(c.expiresAt) }));
  else if (c.expiresAt) parts.push(t('desk.until', { date: frDate(c.expiresAt) }));
  return parts.join(' ');
}

export function DeskConsents({ householdId, info, version }: { householdId: string; info: FieldsInfo | null; version?: number }) {
  const t = useT();
  const base = `/api/dossiers/households/${householdId}`;
  const r = useApi<DeskConsentsOut>(`${base}/consents${version ? `?v=${version}` : ''}`);
  const name = r.data?.familyName ?? t('desk.theFamily');
  const [picked, setPicked] = useState<Picked>({ structure: null, serviceId: '' });
  const [purpose, setPurpose] = useState('orientation');
  const [parts, setParts] = useState<string[]>(['identity']);
  const [said, setSaid] = useState(false);
  const [revoking, setRevoking] = useState<Consent | null>(null);
  const [saidRevoke, setSaidRevoke] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const fieldError = (f: string) => (error instanceof ApiError ? error.field(f) : undefined);
  const grant = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice('');
    try {
      await api.post(`${base}/consents`, { structureId: picked.structure?.id ?? '', purpose, parts, familyStatement: said });
      setSaid(false);
      setNotice(t('desk.recorded'));
      r.reload();
    } catch (ex) {
      setError(ex);
    }
  };
  const revoke = async () => {
    if (!revoking) return;
    setError(null);
    try {
      await api.post(`${base}/consents/${revoking.id}/revoke`, { familyStatement: saidRevoke });
      setRevoking(null);
      setSaidRevoke(false);
      setNotice(t('desk.recorded'));
      r.reload();
    } catch (ex) {
      setError(ex);
    }
  };
  return (
    <Card title={t('desk.consents')}>
      <p className="muted">{t('desk.consentsIntro')}</p>
      {notice ? (
        <Alert tone="success" live>
          {notice}
        </Alert>
      ) : null}
      {!r.data ? (
        <LoadStatus data={r.data} error={r.error} reload={r.reload} />
      ) : r.data.consents.length === 0 ? (
        <EmptyState>{t('desk.consentsNone')}</EmptyState>
      ) : (
        <ul className="plain-list desk-consents">
          {r.data.consents.map((c) => (
            <li key={c.id}>
              <strong>{c.structureName}</strong> — {t(`desk.purpose.${c.purpose}`)} — {c.parts.map((p) => t(`desk.part.${p}`)).join(', ')}
              <div className="muted">{consentSentence(t, name, c)}</div>
              {c.live ? (
                <Button variant="secondary" onPress={() => setRevoking(c)}>
                  {t('desk.recordRevoke')} <span className="visually-hidden">{c.structureName}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Dialog
        title={t('desk.recordRevokeFor', { structure: revoking?.structureName ?? '' })}
        isOpen={!!revoking}
        onOpenChange={(o) => (o ? null : setRevoking(null))}
      >
        <div className="stack">
          <p>{t('desk.recordRevokeHelp')}</p>
          <FormErrors error={error} />
          <Checkbox isSelected={saidRevoke} onChange={setSaidRevoke}>
            {t('desk.statementRevoke', { name })}
          </Checkbox>
          <div className="row">
            <Button variant="danger" onPress={revoke}>
              {t('desk.recordRevoke')}
            </Button>
            <Button variant="ghost" onPress={() => setRevoking(null)}>
              {t('desk.cancel')}
            </Button>
          </div>
        </div>
      </Dialog>
      {info ? (
        <details className="desk-grant">
          <summary>{t('desk.recordGrant')}</summary>
          <p className="muted">{t('desk.recordGrantIntro')}</p>
          <DirectoryPicker id="consent" value={picked} onChange={setPicked} />
          <form onSubmit={grant} className="stack">
            {revoking ? null : <FormErrors error={error} />}
            <SelectField
              name="consent-purpose"
              label={t('desk.purpose')}
              value={purpose}
              onChange={setPurpose}
              options={info.purposes.map((p) => ({ value: p.id, label: t(`desk.purpose.${p.id}`) }))}
            />
            <fieldset className="stack">
              <legend>{t('desk.parts')}</legend>
              {info.parts.map((p) => (
                <Checkbox key={p.id} isSelected={parts.includes(p.id)} onChange={(v) => setParts((x) => (v ? [...x, p.id] : x.filter((y) => y !== p.id)))}>
                  {t(`desk.part.${p.id}`)}
                </Checkbox>
              ))}
            </fieldset>
            <Checkbox isSelected={said} onChange={setSaid}>
              {t('desk.statementGrant', { name })}
            </Checkbox>
            {fieldError('familyStatement') ? <p className="field-error">{fieldError('familyStatement')}</p> : null}
            <Button type="submit" variant="secondary">
              {t('desk.recordGrant')}
            </Button>
          </form>
        </details>
      ) : null}
    </Card>
  );
}
