/** A parentothèque item's photo: shown in the catalogue, sent by the committee (metadata removed by the server). */
import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Button, FormErrors } from '../../ui';

export function ItemPhoto({ id, title }: { id: string; title: string }) {
  const t = useT();
  return <img className="entraide-photo" src={`/api/entraide/items/${id}/photo`} alt={t('entraide.photoAlt', { title })} loading="lazy" />;
}

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });
}

export function PhotoUpload({ id, title, onDone }: { id: string; title: string; onDone: () => void }) {
  const t = useT();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.put(`/api/entraide/items/${id}/photo`, { base64: file ? await base64Of(file) : '' });
      setError(null);
      setFile(null);
      onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <form onSubmit={submit} className="stack">
      <FormErrors error={error} />
      <label htmlFor={inputId}>{t('entraide.photoFile', { title })}</label>
      <input id={inputId} type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <p className="help">{t('entraide.photoHelp')}</p>
      <Button type="submit" variant="secondary">
        {t('entraide.photoSend', { title })}
      </Button>
    </form>
  );
}
