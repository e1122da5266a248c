/**
 * Prints a sheet of payment codes (a PDF the browser downloads). A POST, since printing
 * issues new codes and retires the previous sheet's: the page sends it with its CSRF token
 * and hands the file to the browser.
 */
import { useState } from 'react';
import { ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Alert, Button, FormErrors } from '../../ui';

async function postForFile(url: string): Promise<Blob> {
  const csrf = document.cookie.match(/(?:^|;\s*)relais_csrf=([^;]+)/)?.[1] ?? '';
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: '{"format":"pdf"}' });
  if (!res.ok) {
    const e = (await res.json().catch(() => null))?.error ?? {};
    throw new ApiError(res.status, e.code ?? 'unknown', e.message ?? 'Une erreur est survenue.', e.fields ?? []);
  }
  return res.blob();
}

export function PrintCodesButton({ url }: { url: string }) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setError(null);
    setDone(false);
    setBusy(true);
    try {
      const file = URL.createObjectURL(await postForFile(url));
      const a = document.createElement('a');
      a.href = file;
      a.download = 'codes-de-paiement.pdf';
      a.click();
      setTimeout(() => URL.revokeObjectURL(file), 60_000);
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack">
      <p className="muted">{t('cheques.codesHelp')}</p>
      <Button variant="secondary" onPress={print} isDisabled={busy}>
        {busy ? t('cheques.codesBusy') : t('cheques.codesPrint')}
      </Button>
      <FormErrors error={error} />
      {done ? (
        <Alert tone="success" live>
          {t('cheques.codesDone')}
        </Alert>
      ) : null}
    </div>
  );
}
