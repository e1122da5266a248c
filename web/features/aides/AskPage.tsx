/** Asking for one aid: the file's fields this aid needs (prefilled, read-only here), the aid's own fields, the documents (the file's valid ones attached, the others sent with the request, in one call). */
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../app/api';
import { useT, useTx } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { sendOrQueueData } from '../../app/pwa';
import { navigate, useLocation, useParams } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Alert, Button, DemoBadge, FormErrors, LinkButton, Loaded, PageHeader, RequireRole } from '../../ui';
import { toUpload as asUpload } from './upload';
import { AidFields, aidFieldLabels, EligibilityBadge, fieldsForApi, fileFieldLabel, type FieldValues } from './shared';
import type { CreatedRequest, RequestFormView } from '../../../src/modules/aides';

function Form({ form, residence }: { form: RequestFormView; residence: number | null }) {
  const t = useT();
  const tx = useTx();
  const [values, setValues] = useState<FieldValues>({});
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);
  const { user } = useSession();
  const toUpload = form.documents.filter((d) => !d.inFile);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // The request and its new documents in one call: all recorded, or nothing.
      const documents = await Promise.all(toUpload.filter((d) => files[d.kind]).map((d) => asUpload(d.kind, files[d.kind]!)));
      // Without network, the request and its documents wait on the phone and go when it returns (issue 19).
      const sent = await sendOrQueueData<CreatedRequest>(user?.id ?? '', {
        method: 'POST',
        url: '/api/aides/demandes',
        body: {
          aidId: form.aid.id,
          fields: fieldsForApi(form.requestFields, values),
          answers: residence !== null ? { residenceMonths: residence } : undefined,
          submit: true,
          documents,
        },
        label: t('pwa.askAid', { what: form.aid.title }),
        what: form.aid.title,
      });
      if (sent.queued) {
        setQueued(true);
        setBusy(false);
        return;
      }
      navigate(`/aides/demandes/${sent.data.id}?envoyee=1`);
    } catch (err) {
      setError(err as ApiError);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit}>
      <div className="item-row">
        <EligibilityBadge status={form.eligibility.status} />
        {form.aid.demo ? <DemoBadge label={t('aides.demo')} /> : null}
      </div>
      <p>
        <Fr>{form.aid.summary}</Fr>
      </p>
      <FormErrors error={error} labels={aidFieldLabels(form.requestFields)} />
      {queued ? (
        <Alert tone="info" live>
          {t('pwa.queued')}
        </Alert>
      ) : null}
      <section aria-labelledby="from-file" className="card">
        <h2 id="from-file">{t('aides.fromFile')}</h2>
        <p className="muted">{t('aides.fromFileIntro')}</p>
        <dl className="aides-dl">
          {form.fileFields.map((f) => (
            <div key={f.key} style={{ display: 'contents' }}>
              <dt>{fileFieldLabel(t, f.key) ?? <Fr>{f.label}</Fr>}</dt>
              <dd>{f.missing ? <em>{t('aides.missingInFile')}</em> : <Fr>{f.display}</Fr>}</dd>
            </div>
          ))}
        </dl>
        <LinkButton to="/dossier" variant="secondary">
          {t('aides.editFile')}
        </LinkButton>
      </section>
      {form.requestFields.length ? (
        <section aria-labelledby="to-fill">
          <h2 id="to-fill">{t('aides.toFill')}</h2>
          <AidFields fields={form.requestFields} values={values} onChange={setValues} error={error} />
        </section>
      ) : null}
      <section aria-labelledby="docs">
        <h2 id="docs">{t('aides.documents')}</h2>
        <ul className="item-list">
          {form.documents.map((d) => (
            <li key={d.kind} className="item-card">
              <strong>
                <Fr>{d.label}</Fr>
              </strong>
              {d.inFile ? (
                <p>{t('aides.inFile')}</p>
              ) : (
                <div className="aides-file">
                  <label htmlFor={`file-${d.kind}`}>{tx('aides.chooseFile', { label: <Fr>{d.label}</Fr> })}</label>
                  <input
                    id={`file-${d.kind}`}
                    type="file"
                    accept="application/pdf,image/jpeg,image/png"
                    onChange={(e) => setFiles({ ...files, [d.kind]: e.target.files?.[0] ?? null })}
                  />
                  <span className="help">{t('aides.fileHelp')}</span>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
      <Button type="submit" isDisabled={busy || queued}>
        {t('aides.send')}
      </Button>
    </form>
  );
}

export default function AskPage() {
  const t = useT();
  const tx = useTx();
  const { aidId } = useParams();
  const loc = useLocation();
  const residence = loc.search.get('residence');
  const r = useApi<RequestFormView>(`/api/aides/me/formulaire/${aidId}${residence !== null ? `?residenceMonths=${encodeURIComponent(residence)}` : ''}`);
  return (
    <RequireRole roles={['parent']}>
      <PageHeader
        title={r.data ? t('aides.formTitle', { title: r.data.aid.title }) : t('aides.title')}
        heading={r.data ? tx('aides.formTitle', { title: <Fr>{r.data.aid.title}</Fr> }) : undefined}
      />
      {r.error?.code === 'aides/no-household' ? <Alert tone="info">{t('aides.noFile')}</Alert> : null}
      <Loaded resource={r}>{(form) => <Form form={form} residence={residence !== null ? Number(residence) : null} />}</Loaded>
    </RequireRole>
  );
}
