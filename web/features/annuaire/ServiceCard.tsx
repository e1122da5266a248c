/** One service as a family reads it: status, hours, how to go, phone, badges. */
import { useState } from 'react';
import { useFormat, useT, useTx } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { Link } from '../../app/router';
import { useTown } from '../../app/town';
import { DemoBadge } from '../../ui';
import { dayName, languageName, rangesText, statusText } from './localize';
import { displayPhone, type ServiceSummary } from './types';

/**
 * The week's hours, folded in a list: the table is made only when unfolded (20 cards with 7
 * rows each were half of the directory page's elements, issue 18).
 */
function Hours({ s, full }: { s: ServiceSummary; full: boolean }) {
  const t = useT();
  const tx = useTx();
  const [open, setOpen] = useState(full);
  if (!s.horaires) return null;
  return (
    <details className="annuaire-hours" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('annuaire.hours')}</summary>
      {open ? (
        <table>
          <caption className="visually-hidden">{tx('annuaire.serviceHours', { name: <Fr>{s.nom}</Fr> })}</caption>
          <tbody>
            {s.horaires.semaine.map((d) => (
              <tr key={d.day}>
                <th scope="row">{dayName(t, d.day) ?? <Fr>{d.day}</Fr>}</th>
                <td>{rangesText(t, d.text) ?? <Fr>{d.text}</Fr>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </details>
  );
}

export function ServiceCard({ s, headingLevel = 3, full = false }: { s: ServiceSummary; headingLevel?: 2 | 3; full?: boolean }) {
  const t = useT();
  const tx = useTx();
  const f = useFormat();
  const town = useTown();
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const quartier = town.neighbourhoods.find((n) => n.id === s.quartier)?.name;
  const address = [s.adresse, [s.code_postal, s.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <article className="annuaire-card" aria-labelledby={full ? undefined : `svc-${s.id}`} aria-label={full ? s.nom : undefined}>
      {full ? null : (
        <H id={`svc-${s.id}`} className="annuaire-card-title">
          <Link to={`/annuaire/services/${s.id}`}>
            <Fr>{s.nom}</Fr>
          </Link>
        </H>
      )}
      <p className="muted annuaire-structure">
        <Link to={`/annuaire/structures/${s.structure.id}`}>{tx('annuaire.structure', { name: <Fr>{s.structure.nom}</Fr> })}</Link>
      </p>
      <p className="annuaire-badges">
        {s.demo ? <DemoBadge label={t('annuaire.demo')} /> : null}
        {s.horaires ? (
          <span className="badge" data-tone={s.horaires.ouvert_maintenant ? 'success' : 'neutral'}>
            {statusText(t, s.horaires.statut) ?? <Fr>{s.horaires.statut}</Fr>}
          </span>
        ) : null}
        {s.pass_famille_solo ? (
          <span className="badge" data-tone="accent">
            {t('annuaire.passBadge')}
          </span>
        ) : null}
        {s.label_ville_solidaire ? (
          <span className="badge" data-tone="accent">
            {t('annuaire.labelBadge')}
          </span>
        ) : null}
        {s.accessible_enfants.coin_enfants || s.accessible_enfants.poussettes ? <span className="badge">{t('annuaire.childrenBadge')}</span> : null}
      </p>
      {full ? (
        <p>
          <Fr>{s.description}</Fr>
        </p>
      ) : (
        <p className="annuaire-desc">
          <Fr>{s.description}</Fr>
        </p>
      )}
      <dl className="annuaire-facts">
        {address ? (
          <>
            <dt>{t('annuaire.howToGo')}</dt>
            <dd>
              <Fr>
                {address}
                {quartier ? ` (${quartier})` : ''}
              </Fr>
              {s.distance_m !== null
                ? ` — ${t('annuaire.distance', { km: f.number(s.distance_m / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}`
                : ''}
              {s.latitude !== null && s.longitude !== null ? (
                <>
                  <br />
                  <a href={`https://www.openstreetmap.org/directions?to=${s.latitude}%2C${s.longitude}`} rel="noopener" target="_blank">
                    {t('annuaire.route')}
                  </a>
                  {' · '}
                  <a href={`geo:${s.latitude},${s.longitude}`}>{t('annuaire.openInMaps')}</a>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {s.telephone ? (
          <>
            <dt>{t('annuaire.phone')}</dt>
            <dd>
              <a href={`tel:${s.telephone.replace(/\s+/g, '')}`} aria-label={t('annuaire.call', { phone: displayPhone(s.telephone) })} dir="ltr">
                {displayPhone(s.telephone)}
              </a>
            </dd>
          </>
        ) : null}
        {s.pass_famille_solo_avantage ? (
          <>
            <dt>{t('annuaire.passDetails')}</dt>
            <dd>
              <Fr>{s.pass_famille_solo_avantage}</Fr>
            </dd>
          </>
        ) : null}
        {s.frais ? (
          <>
            <dt>{t('annuaire.price')}</dt>
            <dd>
              {s.frais === 'gratuit' ? t('annuaire.free') : t('annuaire.paying')}
              {s.frais_precisions ? (
                <>
                  {' — '}
                  <Fr>{s.frais_precisions}</Fr>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      {s.horaires ? <Hours s={s} full={full} /> : null}
      {full && s.langues.length ? <p>{t('annuaire.languages', { list: s.langues.map((l) => languageName(t, l) ?? l).join(', ') })}</p> : null}
      {full && (s.accessible_enfants.coin_enfants || s.accessible_enfants.poussettes) ? (
        <ul>
          {s.accessible_enfants.coin_enfants ? <li>{t('annuaire.coinEnfants')}</li> : null}
          {s.accessible_enfants.poussettes ? <li>{t('annuaire.poussettes')}</li> : null}
        </ul>
      ) : null}
      {full && s.conditions_acces ? (
        <p>
          <strong>{t('annuaire.labelValue', { label: t('annuaire.conditions'), value: '' })}</strong>
          <Fr>{s.conditions_acces}</Fr>
        </p>
      ) : null}
      {s.stale ? (
        <p className="annuaire-stale" role="note">
          {t('annuaire.stale')}
        </p>
      ) : null}
      {s.date_verification ? <p className="muted small">{t('annuaire.checked', { date: f.date(s.date_verification) })}</p> : null}
    </article>
  );
}
