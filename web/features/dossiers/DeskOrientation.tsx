/**
 * Orient a family to any structure or service of the directory. The family's consent is part of
 * the orientation: already given to that structure, given now at the desk (recorded as the
 * family's statement), or confirmed later by the family from its own space — nothing is sent before.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useApi } from '../../app/use-api';
import { useT } from '../../app/i18n';
import { Alert, Button, Card, Checkbox, FormErrors, RadioGroup, TextField } from '../../ui';
import { DirectoryPicker, type Picked } from './DirectoryPicker';
import type { FieldsInfo } from './types';
import type { DeskConsents } from '../../../src/modules/dossiers';

export function DeskOrientation({ householdId, info, version, onDone }: { householdId: string; info: FieldsInfo | null; version: number; onDone: () => void }) {
  const t = useT();
  const consents = useApi<DeskConsents>(`/api/dossiers/households/${householdId}/consents?v=${version}`).data;
  const [picked, setPicked] = useState<Picked>({ structure: null, serviceId: '' });
  const [parts, setParts] = useState<string[]>(['identity']);
  const [consent, setConsent] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const held = !!picked.structure && !!consents?.consents.some((c) => c.live && c.purpose === 'orientation' && c.structureId === picked.structure!.id);
  const fieldError = (f: string) => (error instanceof ApiError ? error.field(f) : undefined);
  const orient = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice('');
    try {
      const r = await api.post<{ id: string; status: string }>(`/api/dossiers/households/${householdId}/orientations`, {
        structureId: picked.structure?.id ?? '',
        serviceId: picked.serviceId || null,
        note,
        ...(held ? {} : { parts, consent: consent ?? undefined }),
      });
      setNote('');
      setConsent(null);
      setNotice(r.status === 'sent' ? t('desk.orientedSent') : t('desk.orientedAwaiting'));
      onDone();
    } catch (ex) {
      setError(ex);
    }
  };
  return (
    <Card title={t('desk.orient')}>
      <p className="muted">{t('desk.orientIntro')}</p>
      {notice ? (
        <Alert tone="success" live>
          {notice}
        </Alert>
      ) : null}
      <DirectoryPicker id="orient" value={picked} onChange={setPicked} withService />
      {picked.structure ? (
        <form onSubmit={orient} className="stack">
          <FormErrors error={error} />
          {held ? (
            <p>{t('desk.orientConsentHeld')}</p>
          ) : (
            <>
              {info ? (
                <fieldset className="stack">
                  <legend>{t('desk.orientParts')}</legend>
                  {info.parts.map((p) => (
                    <Checkbox key={p.id} isSelected={parts.includes(p.id)} onChange={(v) => setParts((x) => (v ? [...x, p.id] : x.filter((y) => y !== p.id)))}>
                      {t(`desk.part.${p.id}`)}
                    </Checkbox>
                  ))}
                  {fieldError('parts') ? <p className="field-error">{fieldError('parts')}</p> : null}
                </fieldset>
              ) : null}
              <RadioGroup
                label={t('desk.orientConsent')}
                value={consent}
                onChange={setConsent}
                error={fieldError('consent')}
                options={[
                  { value: 'at-desk', label: t('desk.consentAtDesk'), help: t('desk.consentAtDeskHelp') },
                  { value: 'family-confirms', label: t('desk.consentFamilyConfirms'), help: t('desk.consentFamilyConfirmsHelp') },
                ]}
              />
            </>
          )}
          <TextField label={t('desk.orientNote')} value={note} onChange={setNote} multiline isRequired error={fieldError('note')} />
          <Button type="submit">{t('desk.orientButton')}</Button>
        </form>
      ) : null}
    </Card>
  );
}
