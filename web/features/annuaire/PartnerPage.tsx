/** A partner keeps their own listing current: contact, hours day by day (never the OSM syntax), Pass, children access, services' hours. */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useApi } from '../../app/use-api';
import { registerMessages, useT } from '../../app/i18n';
import { Alert, Button, DemoBadge, FormErrors, LoadStatus, PageHeader, RequireRole } from '../../ui';
import './annuaire.css';
import messages from './messages';
import { frenchDate, type StructureListing } from './types';
import { WeekHoursEditor } from './WeekHoursEditor';

registerMessages('annuaire', messages);

type Listing = StructureListing;

const TEXT_FIELDS = [
  ['telephone', 'annuaire.phone'],
  ['courriel', 'annuaire.email'],
  ['site_web', 'annuaire.website'],
  ['adresse', 'annuaire.address'],
  ['pass_famille_solo_avantage', 'annuaire.passDetails'],
] as const;

function Editor() {
  const t = useT();
  const [listing, setListing] = useState<Listing | null>(null);
  const [form, setForm] = useState<Record<string, string | boolean>>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  const load = (l: Listing) => {
    setListing(l);
    setForm({
      telephone: l.telephone ?? '',
      courriel: l.courriel ?? '',
      site_web: l.site_web ?? '',
      adresse: l.adresse ?? '',
      horaires_accueil: l.horaires_accueil ?? '',
      pass_famille_solo_avantage: l.pass_famille_solo_avantage ?? '',
      description: l.description ?? '',
      langues: l.langues.join(', '),
      pass_famille_solo: l.pass_famille_solo,
      coin_enfants: l.coin_enfants,
      poussettes: l.poussettes,
      ...Object.fromEntries(l.services.map((s) => [`svc:${s.id}`, s.horaires?.osm ?? ''])),
    });
  };
  const mine = useApi<Listing>('/api/annuaire/ma-fiche');
  useEffect(() => {
    if (mine.data) load(mine.data); // the form starts from the listing as stored
  }, [mine.data]);
  if (!listing) return <LoadStatus data={listing} error={mine.error} reload={mine.reload} />;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice('');
    try {
      const body: Record<string, unknown> = {};
      for (const [k] of TEXT_FIELDS) body[k] = (form[k] as string) || null;
      body.horaires_accueil = (form.horaires_accueil as string) || null;
      body.description = (form.description as string) || null;
      body.langues = String(form.langues)
        .split(',')
        .map((x) => x.trim().toLowerCase())
        .filter(Boolean);
      for (const k of ['pass_famille_solo', 'coin_enfants', 'poussettes']) body[k] = form[k];
      for (const s of listing.services) {
        const h = form[`svc:${s.id}`] as string;
        if (h !== (s.horaires?.osm ?? '')) await api.patch(`/api/annuaire/services/${s.id}`, { horaires_accueil: h || null });
      }
      load(await api.patch<Listing>(`/api/annuaire/structures/${listing.id}`, body));
      setNotice(t('annuaire.saved'));
    } catch (err) {
      setError(err);
    }
  };
  const confirm = async () => {
    setError(null);
    try {
      load(await api.post<Listing>(`/api/annuaire/structures/${listing.id}/verification`));
      setNotice(t('annuaire.confirmed'));
    } catch (err) {
      setError(err);
    }
  };
  const fieldError = (k: string) => (error instanceof ApiError ? error.field(k) : undefined);

  return (
    <>
      <h2>
        {listing.nom} {listing.demo ? <DemoBadge label={t('annuaire.demo')} /> : null}
      </h2>
      {listing.stale ? <Alert tone="warning">{t('annuaire.staleOwner')}</Alert> : null}
      {listing.date_verification ? <p className="muted">{t('annuaire.checked', { date: frenchDate(listing.date_verification) })}</p> : null}
      {notice ? (
        <Alert tone="success" live>
          {notice}
        </Alert>
      ) : null}
      <FormErrors error={error} />
      <p>
        <Button variant="secondary" onPress={confirm}>
          {t('annuaire.confirm')}
        </Button>
      </p>
      <form onSubmit={save} noValidate>
        {TEXT_FIELDS.map(([k, label]) => (
          <div className="field" key={k}>
            <label htmlFor={`f-${k}`}>{t(label)}</label>
            <input
              id={`f-${k}`}
              value={form[k] as string}
              onChange={(e) => setForm({ ...form, [k]: e.target.value })}
              aria-invalid={fieldError(k) ? true : undefined}
            />
            {fieldError(k) ? <span className="error">{fieldError(k)}</span> : null}
          </div>
        ))}
        <WeekHoursEditor
          id="f-horaires_accueil"
          title={t('partner.hoursTitle')}
          value={form.horaires_accueil as string}
          onChange={(v) => setForm((f) => ({ ...f, horaires_accueil: v }))}
          error={fieldError('horaires_accueil')}
        />
        <div className="field">
          <label htmlFor="f-description">{t('annuaire.description')}</label>
          <textarea id="f-description" value={form.description as string} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="f-langues">{t('annuaire.languagesField')}</label>
          <input id="f-langues" value={form.langues as string} onChange={(e) => setForm({ ...form, langues: e.target.value })} />
        </div>
        {(['pass_famille_solo', 'coin_enfants', 'poussettes'] as const).map((k) => (
          <label key={k} className="native-check" style={{ display: 'flex', gap: '0.5rem', margin: '0.5rem 0' }}>
            <input type="checkbox" checked={form[k] as boolean} onChange={(e) => setForm({ ...form, [k]: e.target.checked })} />
            <span>{t(k === 'pass_famille_solo' ? 'annuaire.pass' : k === 'coin_enfants' ? 'annuaire.coinEnfants' : 'annuaire.poussettes')}</span>
          </label>
        ))}
        <h3>{t('annuaire.services')}</h3>
        {listing.services.map((s) => (
          <details key={s.id} className="week-service">
            <summary>{t('partner.serviceHoursTitle', { name: s.nom })}</summary>
            <p className="muted">{t('partner.serviceSameAsStructure')}</p>
            <WeekHoursEditor
              id={`svc-h-${s.id}`}
              title={t('partner.serviceHoursTitle', { name: s.nom })}
              value={form[`svc:${s.id}`] as string}
              onChange={(v) => setForm((f) => ({ ...f, [`svc:${s.id}`]: v }))}
            />
          </details>
        ))}
        <Button type="submit">{t('annuaire.save')}</Button>
      </form>
    </>
  );
}

export default function PartnerPage() {
  const t = useT();
  return (
    <div className="annuaire">
      <PageHeader title={t('annuaire.partnerTitle')} intro={t('annuaire.partnerIntro')} />
      <RequireRole roles={['partner']}>
        <Editor />
      </RequireRole>
    </div>
  );
}
