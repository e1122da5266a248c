/** At the desk: find a family (dossiers' search, by POST: a name never goes in a URL), then open its rendez-vous. */
import { useState, type FormEvent } from 'react';
import { api } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { Button, FormErrors, TextField } from '../../ui';
import type { SearchResult } from '../../../src/modules/dossiers';

export function DeskSearch() {
  const t = useT();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<SearchResult[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setFound(await api.post<SearchResult[]>('/api/dossiers/search', { q }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="rdv-desk" className="card">
      <h2 id="rdv-desk" style={{ marginTop: 0 }}>
        {t('rendezvous.desk')}
      </h2>
      <p>{t('rendezvous.deskIntro')}</p>
      <FormErrors error={error} />
      <form onSubmit={submit} className="item-row" style={{ alignItems: 'flex-end' }}>
        <TextField label={t('rendezvous.search')} value={q} onChange={setQ} />
        <div className="field">
          <Button type="submit">{t('rendezvous.searchButton')}</Button>
        </div>
      </form>
      {found && !found.length ? <p className="muted">{t('rendezvous.noResult')}</p> : null}
      {found?.length ? (
        <ul className="item-list">
          {found.map((f) => (
            <li key={f.id} className="item-card">
              <strong>{[f.firstName, f.lastName].filter(Boolean).join(' ')}</strong>
              {f.children ? <span className="muted"> — {f.children}</span> : null}
              <br />
              <Link to={`/rendez-vous/familles/${f.id}`}>{t('rendezvous.open')}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
