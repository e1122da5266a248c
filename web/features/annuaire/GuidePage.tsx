/** Printable "guide d'orientation" of one need, by neighbourhood, for agents and partners. */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useApi } from '../../app/use-api';
import { registerMessages, useFormat, useT, useTx } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { dayName, needText, rangesText } from './localize';
import { Link, useParams } from '../../app/router';
import { useTown } from '../../app/town';
import { Alert, Button, DemoBadge, PageHeader } from '../../ui';
import './annuaire.css';
import messages from './messages';
import { displayPhone, type Need, type SearchResult, type ServiceSummary } from './types';

registerMessages('annuaire', messages);

export default function GuidePage() {
  const t = useT();
  const tx = useTx();
  const f = useFormat();
  const town = useTown();
  const { besoin } = useParams();
  const need = useApi<{ besoins: Need[] }>('/api/annuaire/besoins').data?.besoins.find((n) => n.id === besoin) ?? null;
  const [services, setServices] = useState<ServiceSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    // Every page of the need's services (a printed guide lists them all), not one page of results.
    (async () => {
      const all: ServiceSummary[] = [];
      for (let page = 1; page <= 20; page++) {
        const r = await api.get<SearchResult>(`/api/annuaire/services?besoin=${encodeURIComponent(besoin)}&tri=nom&par_page=100&page=${page}`);
        all.push(...r.services);
        if (all.length >= r.total) break;
      }
      setServices(all);
    })().catch((e) => setError(e));
  }, [besoin]);

  const groups = [...town.neighbourhoods.map((n) => ({ id: n.id, name: n.name })), { id: '', name: t('annuaire.otherQuartier') }]
    .map((g) => ({ ...g, items: (services ?? []).filter((s) => (s.quartier ?? '') === g.id) }))
    .filter((g) => g.items.length);
  const today = f.date(new Date());
  const title = t('annuaire.guideTitle', { need: (need && needText(t, need, 'label')) ?? need?.label ?? besoin });

  return (
    <div className="annuaire annuaire-guide">
      <p className="no-print">
        <Link to={`/annuaire?besoin=${besoin}`}>{t('annuaire.back')}</Link>
      </p>
      <PageHeader title={title} intro={t('annuaire.guideIntro', { town: town.name })}>
        <p className="no-print">
          <Button onPress={() => window.print()}>{t('annuaire.print')}</Button>
        </p>
      </PageHeader>
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {!services && !error ? <p>{t('annuaire.loading')}</p> : null}
      {groups.map((g) => (
        <section key={g.id || 'none'} className="guide-section" aria-labelledby={`g-${g.id || 'none'}`}>
          <h2 id={`g-${g.id || 'none'}`}>{g.name}</h2>
          {g.items.map((s) => (
            <div key={s.id} className="guide-entry">
              <h3>
                <Fr>{s.nom}</Fr> {s.demo ? <DemoBadge label={t('annuaire.demo')} /> : null}
              </h3>
              <p className="muted">{tx('annuaire.structure', { name: <Fr>{s.structure.nom}</Fr> })}</p>
              <p>
                <Fr>{[s.adresse, [s.code_postal, s.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</Fr>
                {s.telephone ? ` · ${t('annuaire.labelValue', { label: t('annuaire.phone'), value: displayPhone(s.telephone) })}` : ''}
              </p>
              {s.horaires ? (
                <p>
                  {t('annuaire.labelValue', {
                    label: t('annuaire.hours'),
                    value: s.horaires.semaine
                      .filter((d) => d.text !== 'fermé')
                      .map((d) => `${dayName(t, d.day) ?? d.day} ${rangesText(t, d.text) ?? d.text}`)
                      .join(' ; '),
                  })}
                </p>
              ) : null}
              {s.pass_famille_solo ? (
                <p>
                  {t('annuaire.passBadge')}
                  {s.pass_famille_solo_avantage ? (
                    <>
                      {' : '}
                      <Fr>{s.pass_famille_solo_avantage}</Fr>
                    </>
                  ) : null}
                </p>
              ) : null}
            </div>
          ))}
        </section>
      ))}
      <p className="muted small">{t('annuaire.printedOn', { date: today })}</p>
    </div>
  );
}
