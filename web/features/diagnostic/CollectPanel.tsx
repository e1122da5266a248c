/** Collecting answers of a published questionnaire: who may answer, single-use links, kiosk, CSV import. */
import { useState, type ChangeEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useApi } from '../../app/use-api';
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { Button } from '../../ui/Button';
import { Alert, Card } from '../../ui/display';
import { NumberField, RadioGroup, TextField } from '../../ui/fields';
import { FormErrors } from '../../ui/FormErrors';
import type { Access, QuestionnaireView } from './types';
import { Qr } from '../../ui/Qr';

interface LinkRow {
  id: string;
  label: string | null;
  usedAt: string | null;
}

export function CollectPanel({ q, onChange }: { q: QuestionnaireView; onChange: (q: QuestionnaireView) => void }) {
  const t = useT();
  const [count, setCount] = useState<number | null>(10);
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<string[]>([]);
  const linkList = useApi<{ links: LinkRow[] }>(`/api/diagnostic/questionnaires/${q.id}/links`);
  const links = linkList.data?.links ?? [];
  const [error, setError] = useState<unknown>(null);
  const [importResult, setImportResult] = useState<string | null>(null);
  const [importError, setImportError] = useState<ApiError | null>(null);
  const origin = window.location.origin;

  const setAccess = async (access: string) => {
    try {
      onChange(await api.put<QuestionnaireView>(`/api/diagnostic/questionnaires/${q.id}`, { access }));
    } catch (err) {
      setError(err);
    }
  };

  const makeLinks = async () => {
    setError(null);
    try {
      const r = await api.post<{ links: Array<{ path: string }> }>(`/api/diagnostic/questionnaires/${q.id}/links`, { count: count ?? 1, label: label || null });
      setCreated(r.links.map((l) => origin + l.path));
      linkList.reload();
    } catch (err) {
      setError(err);
    }
  };

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setImportResult(null);
    setImportError(null);
    if (!file) return;
    try {
      const csv = await file.text();
      const r = await api.post<{ imported: number; warnings: string[] }>(`/api/diagnostic/questionnaires/${q.id}/import`, { csv, fileName: file.name });
      setImportResult([t('diagnostic.imported', { n: r.imported }), ...r.warnings].join(' '));
    } catch (err) {
      setImportError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    } finally {
      e.target.value = '';
    }
  };

  const used = links.filter((l) => l.usedAt).length;
  return (
    <Card title={t('diagnostic.collect')}>
      <FormErrors error={error} />
      <RadioGroup
        label={t('diagnostic.accessLabel')}
        value={q.access}
        onChange={(v) => void setAccess(v as Access)}
        options={[
          { value: 'links', label: t('diagnostic.accessLinks') },
          { value: 'open', label: t('diagnostic.accessOpen') },
        ]}
      />
      {q.access === 'open' ? (
        <div className="diag-public">
          <p>
            {t('diagnostic.publicAddress')} : <Link to={`/enquete/${q.id}`}>{`${origin}/enquete/${q.id}`}</Link>
          </p>
          <figure className="diag-qr">
            <Qr text={`${origin}/enquete/${q.id}`} label={t('diagnostic.qrPublic', { title: q.title })} size={180} />
            <figcaption className="muted">{t('diagnostic.qrHelp')}</figcaption>
          </figure>
        </div>
      ) : null}

      <h3>{t('diagnostic.linksList')}</h3>
      <FormErrors error={linkList.error} />
      <p className="muted">{t('diagnostic.linksUsed', { used, total: links.length })}</p>
      <div className="row">
        <NumberField label={t('diagnostic.linksCount')} value={count} onChange={setCount} minValue={1} maxValue={500} />
        <TextField label={t('diagnostic.linksLabel')} value={label} onChange={setLabel} />
      </div>
      <Button variant="secondary" onPress={makeLinks}>
        {t('diagnostic.linksCreate')}
      </Button>
      {created.length ? (
        <>
          <Alert tone="success" live>
            {t('diagnostic.linksCreated', { n: created.length })}
          </Alert>
          <TextField label={t('diagnostic.linksList')} multiline value={created.join('\n')} isReadOnly />
          <details className="diag-qr-sheet">
            <summary>{t('diagnostic.qrLinks', { n: created.length })}</summary>
            <p className="muted">{t('diagnostic.qrLinksHelp')}</p>
            <ul className="diag-qr-grid">
              {created.map((l, i) => (
                <li key={l}>
                  <Qr text={l} label={t('diagnostic.qrLink', { n: i + 1 })} size={140} />
                  <span>{t('diagnostic.qrLinkCaption', { n: i + 1, label: label || q.title })}</span>
                </li>
              ))}
            </ul>
          </details>
        </>
      ) : null}

      <h3>{t('diagnostic.kiosk')}</h3>
      <p>
        <Link to={`/diagnostic/${q.id}/kiosque`}>{t('diagnostic.kioskOpen')}</Link>
      </p>

      <h3>{t('diagnostic.importTitle')}</h3>
      <p className="help" id="diag-import-help">
        {t('diagnostic.importHelp')}
      </p>
      <div className="field">
        <label htmlFor="diag-import">{t('diagnostic.importFile')}</label>
        <input id="diag-import" type="file" accept=".csv,text/csv" aria-describedby="diag-import-help" onChange={importFile} />
      </div>
      {importResult ? (
        <Alert tone="success" live>
          {importResult}
        </Alert>
      ) : null}
      {importError ? (
        <div role="alert">
          <Alert tone="error" title={importError.message} />
          {importError.fields.length ? (
            <div style={{ overflowX: 'auto' }}>
              <table>
                <caption>{t('diagnostic.importErrors')}</caption>
                <tbody>
                  {importError.fields.map((f, i) => (
                    <tr key={i}>
                      <td>{f.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
