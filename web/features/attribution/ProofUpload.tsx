/** The family attaches, from the application form, the document that proves a criterion (PDF, JPEG or PNG, 3 MB at most), or removes it. */
import { useState } from 'react';
import type { ApplicationForm, AttachedDocument } from '../../../src/modules/attribution';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Button } from '../../ui';

type Criterion = ApplicationForm['campaign']['criteria'][number];
const TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function ProofUpload({
  campaignId,
  criterion,
  attached,
  inFile,
  onChange,
}: {
  campaignId: string;
  criterion: Criterion;
  attached: AttachedDocument | undefined;
  /** The family's file already holds a valid document of this kind. */
  inFile: boolean;
  onChange: (doc: AttachedDocument | null) => void;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `proof-${criterion.code}`;
  async function upload(file: File | undefined) {
    if (!file) return;
    setError(null);
    if (!(TYPES as readonly string[]).includes(file.type)) return setError(t('attribution.fileTypes'));
    setBusy(true);
    try {
      const r = await api.post<{ id: string }>(`/api/attribution/campaigns/${campaignId}/documents`, {
        criterion: criterion.code,
        name: file.name,
        mimeType: file.type,
        base64: await base64Of(file),
      });
      onChange({ id: r.id, criterion: criterion.code, name: file.name, sizeBytes: file.size, uploadedAt: '' });
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields[0]?.message ?? err.message) : t('attribution.fileUnreadable'));
    } finally {
      setBusy(false);
    }
  }
  async function remove() {
    if (!attached) return;
    try {
      await api.del(`/api/attribution/campaigns/${campaignId}/documents/${attached.id}`);
      onChange(null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : null);
    }
  }
  if (!criterion.proofDocument) return null;
  return (
    <div className="proof-upload">
      {attached ? (
        <p className="attached" role="status">
          {t('attribution.attached', { name: attached.name })}{' '}
          <Button variant="ghost" className="small" onPress={remove} aria-label={t('attribution.removeProofLabel', { criterion: criterion.label })}>
            {t('attribution.remove')}
          </Button>
        </p>
      ) : (
        <>
          {inFile ? <p className="muted">{t('attribution.documentPresent')}</p> : null}
          <span className="file-pick">
            <label htmlFor={id}>
              {t(inFile ? 'attribution.attachAnother' : 'attribution.attach', { document: t(`attribution.doc.${criterion.proofDocument}`) })}
            </label>
            <input
              id={id}
              type="file"
              accept={TYPES.join(',')}
              disabled={busy}
              aria-describedby={`${id}-help`}
              onChange={(e) => {
                void upload(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </span>
          <span className="help" id={`${id}-help`}>
            {busy ? t('attribution.sending') : t('attribution.fileTypes')}
          </span>
        </>
      )}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
