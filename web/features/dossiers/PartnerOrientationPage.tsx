/** A partner accepts an orientation, sees the consented fields, records the outcome. */
import { useState, type FormEvent } from 'react';
import { api } from '../../app/api';
import { useApi } from '../../app/use-api';
import { registerMessages, useT } from '../../app/i18n';
import { useParams } from '../../app/router';
import { Alert, Button, Card, FormErrors, LoadStatus, PageHeader, RadioGroup, RequireRole, TextField } from '../../ui';
import messages from './messages';
import { frDate } from '../../app/format';
import { useTown } from '../../app/town';
import { valueText } from './labels';
import './dossiers.css';
import type { PartnerOrientation, ProjectedHouseholdOut } from '../../../src/modules/dossiers';

registerMessages('dossiers', messages);

type Shared = ProjectedHouseholdOut;
type Orientation = PartnerOrientation;

const OUTCOMES = ['accompanied', 'redirected', 'no_contact', 'not_needed'];

/** "Salaire net par mois : 900,00 €": a consented field, labelled and formatted, for staff. */
function fieldLine(t: ReturnType<typeof useT>, group: string, k: string, v: unknown): string {
  return `${t(`dossiers.field.${k}`)} : ${valueText(t, `${group}.${k}`, v)}`;
}

/** What the family shared, in the third person: the partner reads about the family, not to it. */
function SharedFields({ h }: { h: Shared }) {
  const t = useT();
  const town = useTown();
  return (
    <dl className="summary">
      {h.parent ? (
        <>
          <dt>{t('dossiers.theParent')}</dt>
          <dd>
            {Object.entries(h.parent)
              .filter(([, v]) => v != null && v !== '')
              .map(([k, v]) => (k === 'firstName' || k === 'lastName' ? String(v) : fieldLine(t, 'parent', k, v)))
              .join(' · ') || '—'}
          </dd>
        </>
      ) : null}
      {h.children ? (
        <>
          <dt>{t('dossiers.theChildren')}</dt>
          <dd>
            {h.children
              .map((c) =>
                [c.firstName, c.birthDate ? `${t('dossiers.field.birthDate').toLowerCase()} ${frDate(c.birthDate)}` : null, c.schoolName]
                  .filter(Boolean)
                  .join(', '),
              )
              .join(' ; ') || '—'}
          </dd>
        </>
      ) : null}
      {h.address ? (
        <>
          <dt>{t('dossiers.theAddress')}</dt>
          <dd>
            {[
              h.address.line,
              h.address.postalCode,
              h.address.city,
              h.address.neighbourhoodId ? valueText(t, 'address.neighbourhoodId', h.address.neighbourhoodId, town.neighbourhoods) : null,
            ]
              .filter(Boolean)
              .join(', ') || '—'}
          </dd>
        </>
      ) : null}
      {h.situation ? (
        <>
          <dt>{t('dossiers.theResources')}</dt>
          <dd>
            {Object.entries(h.situation)
              .filter(([, v]) => v != null)
              .map(([k, v]) => fieldLine(t, 'situation', k, v))
              .join(' · ') || '—'}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function Detail({ id }: { id: string }) {
  const t = useT();
  const orientation = useApi<Orientation>(`/api/dossiers/partner/orientations/${id}`);
  const { data: o, reload: load } = orientation;
  const [outcome, setOutcome] = useState('accompanied');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post(`/api/dossiers/partner/orientations/${id}/outcome`, { outcome, note: note || null });
      load();
    } catch (ex) {
      setError(ex);
    }
  };
  if (!o) return <LoadStatus data={o} error={orientation.error} reload={load} />;
  return (
    <div className="stack">
      <FormErrors error={error} />
      <Card title={t(`dossiers.status.${o.status}`)}>
        <p className="muted">{frDate(o.createdAt)}</p>
        <p>{o.note}</p>
        {o.status === 'sent' ? (
          <div className="row">
            <Button onPress={() => api.post(`/api/dossiers/partner/orientations/${id}/accept`, { accept: true }).then(load, setError)}>
              {t('dossiers.accept')}
            </Button>
            <Button variant="secondary" onPress={() => api.post(`/api/dossiers/partner/orientations/${id}/accept`, { accept: false }).then(load, setError)}>
              {t('dossiers.decline')}
            </Button>
          </div>
        ) : null}
      </Card>
      {o.status === 'sent' ? (
        <Alert tone="info">{t('dossiers.acceptFirst')}</Alert>
      ) : o.household ? (
        <Card title={t('dossiers.sharedFields', { parts: o.partLabels.join(', ') })}>
          <SharedFields h={o.household} />
        </Card>
      ) : o.status !== 'declined' ? (
        <Alert tone="info">{t('dossiers.noConsent')}</Alert>
      ) : null}
      {o.status === 'accepted' ? (
        <Card title={t('dossiers.outcome')}>
          <form onSubmit={save} className="stack">
            <RadioGroup
              label={t('dossiers.outcome')}
              value={outcome}
              onChange={setOutcome}
              options={OUTCOMES.map((x) => ({ value: x, label: t(`dossiers.outcome.${x}`) }))}
            />
            <TextField label={t('dossiers.outcomeNote')} value={note} onChange={setNote} multiline />
            <Button type="submit">{t('dossiers.outcomeSave')}</Button>
          </form>
        </Card>
      ) : null}
      {o.outcome ? (
        <Alert tone="success" live>
          {t(`dossiers.outcome.${o.outcome}`)}
          {o.outcomeNote ? ` — ${o.outcomeNote}` : ''}
        </Alert>
      ) : null}
    </div>
  );
}

export default function PartnerOrientationPage() {
  const t = useT();
  const { id } = useParams();
  return (
    <>
      <PageHeader title={t('dossiers.partnerTitle')} />
      <RequireRole roles={['partner']}>
        <Detail id={id} />
      </RequireRole>
    </>
  );
}
