/**
 * "J'ai besoin de…": a need in plain words, a few criteria, then the list (first in the
 * page, for screen readers and slow phones) and the map: beside the list on a wide screen,
 * behind a tab on a phone; Leaflet and the outlines load only when the map is shown.
 * After a search the page moves to the results and the extra criteria fold away.
 * The criteria live in the address, so a result can be shared or bookmarked.
 */
import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../../app/use-api';
import { registerMessages, useT, useTx } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { Link, navigate, useLocation } from '../../app/router';
import { useTown } from '../../app/town';
import { Alert, Button, PageHeader } from '../../ui';
import './annuaire.css';
import messages from './messages';
import { needText } from './localize';
import { ServiceCard } from './ServiceCard';
import type { Need, SearchResult } from './types';

registerMessages('annuaire', messages);

const ServiceMap = lazy(() => import('./ServiceMap'));
const WHEN = [
  ['maintenant', 'annuaire.openNow'],
  ['samedi-matin', 'annuaire.saturdayMorning'],
  ['apres-18h', 'annuaire.evening'],
] as const;
const PER_PAGE = 20;
const WIDE = '(min-width: 60rem)';

/** True while the screen is wide enough for the map beside the list (follows rotation and resizing). */
function useWide(): boolean {
  const [wide, setWide] = useState(() => typeof window !== 'undefined' && Boolean(window.matchMedia?.(WIDE).matches));
  useEffect(() => {
    const mq = window.matchMedia?.(WIDE);
    if (!mq) return;
    const on = () => setWide(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return wide;
}

export default function AnnuairePage() {
  const t = useT();
  const tx = useTx();
  const town = useTown();
  const { search } = useLocation();
  const wide = useWide();
  const [showMap, setShowMap] = useState(true);
  const [tab, setTab] = useState<'liste' | 'carte'>('liste');
  const [jump, setJump] = useState(false);

  const besoin = search.get('besoin') ?? '';
  const [q, setQ] = useState(search.get('q') ?? '');
  const [near, setNear] = useState(search.get('pres_de') ?? '');
  const [when, setWhen] = useState<string[]>(search.getAll('ouvert'));
  const [flags, setFlags] = useState({ pass: search.get('pass') === 'true', label: search.get('label') === 'true', enfants: search.get('enfants') === 'true' });
  const chosen = when.length + Object.values(flags).filter(Boolean).length;
  const [moreOpen, setMoreOpen] = useState(false);
  const page = Number(search.get('page') ?? '1') || 1;

  const needsRes = useApi<{ besoins: Need[] }>('/api/annuaire/besoins');
  const needs = needsRes.data?.besoins ?? [];

  const params = new URLSearchParams(search.toString());
  params.set('par_page', String(PER_PAGE));
  // The last results stay on screen while the next ones load (no flicker between criteria).
  const { data: result, error, loading } = useApi<SearchResult>(`/api/annuaire/services?${params}`, { keepPrevious: true });

  const go = (over: Record<string, string | string[] | null> = {}) => {
    const p = new URLSearchParams();
    const values: Record<string, string | string[] | null> = {
      q: q.trim() || null,
      besoin: besoin || null,
      pres_de: near || null,
      ouvert: when,
      pass: flags.pass ? 'true' : null,
      label: flags.label ? 'true' : null,
      enfants: flags.enfants ? 'true' : null,
      ...over,
    };
    for (const [k, v] of Object.entries(values)) {
      if (Array.isArray(v)) v.forEach((x) => p.append(k, x));
      else if (v) p.set(k, v);
    }
    navigate(`/annuaire${p.toString() ? `?${p}` : ''}`);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMoreOpen(false);
    setJump(true);
    go();
  };

  // Once the results of a search are in, the page moves to them (the first one was screens below).
  useEffect(() => {
    if (!jump || loading) return;
    setJump(false);
    const h = document.getElementById('results-title');
    h?.focus({ preventScroll: true });
    h?.scrollIntoView({ block: 'start' });
  }, [jump, loading]);

  const need = needs.find((n) => n.id === besoin);
  const pages = result ? Math.max(1, Math.ceil(result.total / PER_PAGE)) : 1;
  const place = town.neighbourhoods.find((n) => n.id === result?.origine?.quartier)?.name;

  const resultsList = (
    <section aria-labelledby="results-title" aria-busy={loading}>
      <h2 id="results-title" aria-live="polite" tabIndex={-1}>
        {loading && !result
          ? t('annuaire.loading')
          : result?.total_plus
            ? t('annuaire.resultsMore', { n: result.total })
            : result && place
              ? t('annuaire.resultsNear', { n: result.total, place })
              : t('annuaire.results', { n: result?.total ?? 0 })}
      </h2>
      {result?.mots.length ? <p className="muted">{t('annuaire.correctedWords', { words: result.mots.join(' ') })}</p> : null}
      {wide ? (
        <p className="no-print">
          <Button variant="secondary" onPress={() => setShowMap(!showMap)} aria-expanded={showMap}>
            {showMap ? t('annuaire.hideMap') : t('annuaire.showMap')}
          </Button>
        </p>
      ) : null}
      {result && result.total === 0 ? <p>{t('annuaire.noResult')}</p> : null}
      <ol className="annuaire-results" aria-label={t('annuaire.list')}>
        {result?.services.map((s) => (
          <li key={s.id}>
            <ServiceCard s={s} />
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav className="annuaire-pager" aria-label={t('annuaire.page', { page, pages })}>
          {page > 1 ? (
            <Button variant="secondary" onPress={() => go({ page: String(page - 1) })}>
              {t('annuaire.previous')}
            </Button>
          ) : null}
          <span>{t('annuaire.page', { page, pages })}</span>
          {page < pages ? (
            <Button variant="secondary" onPress={() => go({ page: String(page + 1) })}>
              {t('annuaire.next')}
            </Button>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
  const mapSection = (
    <section className="annuaire-map-col no-print" aria-labelledby="map-title">
      <h2 id="map-title">{t('annuaire.map')}</h2>
      <p className="muted small">{t('annuaire.mapHelp')}</p>
      <Suspense fallback={<p>{t('annuaire.loading')}</p>}>
        <ServiceMap services={result?.services ?? []} center={town.center} label={t('annuaire.map')} tiles={town.map?.tiles} />
      </Suspense>
    </section>
  );

  // The needs come first on the page: until they are in, nothing below is drawn, so that it
  // does not jump down when they arrive (Lighthouse's layout shift, issue 18); the footer
  // waits below the screen meanwhile.
  if (needsRes.loading) {
    return (
      <div className="annuaire" style={{ minHeight: '100vh' }}>
        <PageHeader title={t('annuaire.title')} intro={t('annuaire.intro')} />
        <p role="status">{t('annuaire.loading')}</p>
      </div>
    );
  }

  return (
    <div className="annuaire">
      <PageHeader title={t('annuaire.title')} intro={t('annuaire.intro')} />

      <section aria-labelledby="needs-title">
        <h2 id="needs-title">{t('annuaire.needs')}</h2>
        <ul className="annuaire-needs">
          <li>
            <button
              type="button"
              aria-pressed={!besoin}
              onClick={() => {
                setJump(true);
                go({ besoin: null, page: null });
              }}
            >
              <strong>{t('annuaire.allNeeds')}</strong>
            </button>
          </li>
          {needs.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                aria-pressed={besoin === n.id}
                onClick={() => {
                  setJump(true);
                  go({ besoin: n.id, page: null });
                }}
              >
                <strong>{needText(t, n, 'need') ?? <Fr>{n.need}</Fr>}</strong>
                <span className="muted">{needText(t, n, 'label') ?? <Fr>{n.label}</Fr>}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <form className="annuaire-form" onSubmit={onSubmit} role="search" aria-label={t('annuaire.submit')}>
        <div>
          <div className="field">
            <label htmlFor="annuaire-q">{t('annuaire.search')}</label>
            <span className="help" id="annuaire-q-help">
              {t('annuaire.searchHelp')}
            </span>
            <input id="annuaire-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} aria-describedby="annuaire-q-help" autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="annuaire-near">{t('annuaire.near')}</label>
            <select id="annuaire-near" value={near} onChange={(e) => setNear(e.target.value)}>
              <option value="">{t('annuaire.nearNone')}</option>
              {town.neighbourhoods.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <details className="annuaire-more" open={moreOpen} onToggle={(e) => setMoreOpen((e.target as HTMLDetailsElement).open)}>
          <summary>{chosen ? t('annuaire.moreCriteriaChosen', { n: chosen }) : t('annuaire.moreCriteria')}</summary>
          <fieldset>
            <legend>{t('annuaire.when')}</legend>
            {WHEN.map(([value, key]) => (
              <label key={value} className="native-check">
                <input
                  type="checkbox"
                  checked={when.includes(value)}
                  onChange={(e) => setWhen(e.target.checked ? [...when, value] : when.filter((w) => w !== value))}
                />
                <span>{t(key)}</span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('annuaire.options')}</legend>
            {(['pass', 'label', 'enfants'] as const).map((k) => (
              <label key={k} className="native-check">
                <input type="checkbox" checked={flags[k]} onChange={(e) => setFlags({ ...flags, [k]: e.target.checked })} />
                <span>
                  {k === 'label'
                    ? tx('annuaire.label', { name: <Fr>« Ville solidaire avec les parents solos »</Fr> })
                    : t(k === 'enfants' ? 'annuaire.children' : `annuaire.${k}`)}
                </span>
              </label>
            ))}
          </fieldset>
        </details>
        <div className="annuaire-actions">
          <Button type="submit">{t('annuaire.submit')}</Button>
          {need ? <Link to={`/annuaire/guide/${need.id}`}>{t('annuaire.guideLink', { need: needText(t, need, 'label') ?? need.label })}</Link> : null}
          <Link to="/annuaire/territoire">{t('annuaire.territory')}</Link>
        </div>
      </form>

      {error ? (
        <Alert tone="error" live>
          {error.message}
        </Alert>
      ) : null}

      {wide ? (
        <div className="annuaire-layout" data-map={showMap ? 'true' : 'false'}>
          {resultsList}
          {showMap ? mapSection : null}
        </div>
      ) : (
        <>
          {/* Two plain toggle buttons (no component library on this page's first load): the list, or the map. */}
          <div className="annuaire-view-switch no-print" role="group" aria-label={t('annuaire.viewAs')}>
            <button type="button" aria-pressed={tab === 'liste'} onClick={() => setTab('liste')}>
              {t('annuaire.tabList', { n: result?.total ?? 0 })}
            </button>
            <button type="button" aria-pressed={tab === 'carte'} onClick={() => setTab('carte')}>
              {t('annuaire.map')}
            </button>
          </div>
          {tab === 'liste' ? resultsList : mapSection}
        </>
      )}
    </div>
  );
}
