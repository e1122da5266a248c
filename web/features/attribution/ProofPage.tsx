/**
 * Staff: one proof a family attached to its application. A proof is a document of the family's
 * file, so reading it goes through the file: opened earlier with a reason (still valid), or now,
 * with the reason typed here. Never the API's raw answer in front of a person: this page asks
 * for the reason, says why, and shows the document once the file is open.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { CampaignDetail, StaffApplication } from '../../../src/modules/attribution';
import { registerMessages, useT } from '../../app/i18n';
import { Link, useParams } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, LoadStatus, TextField } from '../../ui';
import messages from './messages';
import { StaffCampaignPage } from './shared';
import './attribution.css';

registerMessages('attribution', messages);

type Doc = StaffApplication['documents'][number];
type Read = { state: 'reading' } | { state: 'reason' } | { state: 'shown'; url: string } | { state: 'failed'; message: string };

/** The file's bytes as a page-local address, or why not (the server's French message, never its JSON). */
async function readFile(url: string): Promise<{ ok: true; url: string } | { ok: false; status: number; code: string; message: string; field?: string }> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    return { ok: false, status: 0, code: 'network', message: 'Connexion impossible. Vérifiez votre accès à internet puis réessayez.' };
  }
  if (res.ok) return { ok: true, url: URL.createObjectURL(await res.blob()) };
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; fields?: { message: string }[] } } | null;
  const e = body?.error;
  return { ok: false, status: res.status, code: e?.code ?? 'unknown', message: e?.message ?? 'Une erreur est survenue.', field: e?.fields?.[0]?.message };
}

function Proof({ c, a, d }: { c: CampaignDetail; a: StaffApplication; d: Doc }) {
  const t = useT();
  const fileUrl = `/api/attribution/campaigns/${c.id}/documents/${d.id}/file`;
  const criterion = c.criteria.find((x) => x.code === d.criterion)?.label ?? d.criterion;
  const [read, setRead] = useState<Read>({ state: 'reading' });
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();

  function show(r: Awaited<ReturnType<typeof readFile>>) {
    if (r.ok) setRead({ state: 'shown', url: r.url });
    else if (r.code === 'dossiers/reason-required') setRead({ state: 'reason' });
    else if (r.code === 'http/validation') {
      setRead({ state: 'reason' });
      setReasonError(r.field ?? r.message);
    } else setRead({ state: 'failed', message: r.message });
  }

  // The file may already be open (with a reason, earlier): then the proof shows at once.
  useEffect(() => {
    let live = true;
    void readFile(fileUrl).then((r) => live && show(r));
    return () => {
      live = false;
    };
  }, [fileUrl]);
  useEffect(() => () => void (read.state === 'shown' && URL.revokeObjectURL(read.url)), [read]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('attribution.proofReasonMissing'));
      return;
    }
    setReasonError(undefined);
    show(await readFile(`${fileUrl}?reason=${encodeURIComponent(reason.trim())}`));
  }

  return (
    <section aria-labelledby="proof" className="card">
      <h2 id="proof" style={{ marginTop: 0 }}>
        {t('attribution.proofOf', { criterion, n: a.number })}
      </h2>
      <p className="muted">{t('attribution.proofFileName', { name: d.name })}</p>
      {read.state === 'reading' ? <p role="status">{t('attribution.proofReading')}</p> : null}
      {read.state === 'reason' ? (
        <form onSubmit={submit} noValidate>
          <Alert tone="info">{t('attribution.proofNeedsReason')}</Alert>
          <TextField label={t('attribution.proofReason')} value={reason} onChange={setReason} isRequired error={reasonError} />
          <div className="row">
            <Button type="submit">{t('attribution.proofOpen')}</Button>
            {a.householdId ? <Link to={`/dossier/agent/familles/${a.householdId}`}>{t('attribution.proofOpenFile')}</Link> : null}
          </div>
        </form>
      ) : null}
      {read.state === 'failed' ? (
        <Alert tone="error" live>
          {read.message}
        </Alert>
      ) : null}
      {read.state === 'shown' ? (
        <>
          <Alert tone="success" live>
            {t('attribution.proofShown')}
          </Alert>
          {/* An image shows here; a PDF opens in the browser's own viewer (the page's policy frames nothing). */}
          {d.mimeType === 'application/pdf' ? null : <img className="proof-view" alt={t('attribution.proofOf', { criterion, n: a.number })} src={read.url} />}
          <p className="row">
            {d.mimeType === 'application/pdf' ? (
              <a href={read.url} target="_blank" rel="noreferrer">
                {t('attribution.proofView', { name: d.name })}
              </a>
            ) : null}
            <a href={read.url} download={d.name}>
              {t('attribution.proofDownload', { name: d.name })}
            </a>
          </p>
        </>
      ) : null}
    </section>
  );
}

function Find({ c, documentId }: { c: CampaignDetail; documentId: string }) {
  const t = useT();
  const r = useApi<{ applications: StaffApplication[] }>(`/api/attribution/campaigns/${c.id}/applications`);
  const a = r.data?.applications.find((x) => x.documents.some((d) => d.id === documentId));
  const d = a?.documents.find((x) => x.id === documentId);
  return (
    <>
      <LoadStatus data={r.data} error={r.error} reload={r.reload} />
      {r.data && (!a || !d) ? <Alert tone="warning">{t('attribution.proofGone')}</Alert> : null}
      {a && d ? <Proof c={c} a={a} d={d} /> : null}
      <p>
        <Link to={`/places/gestion/${c.id}`}>{t('attribution.proofBack')}</Link>
      </p>
    </>
  );
}

export default function ProofPage() {
  const t = useT();
  const { documentId } = useParams();
  return (
    <StaffCampaignPage current="editor" heading={t('attribution.proofHeading')}>
      {(c) => <Find c={c} documentId={documentId!} />}
    </StaffCampaignPage>
  );
}
