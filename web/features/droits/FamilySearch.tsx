/** For agents: find a family (dossiers' search) and run the simulator from its file. */
import { useState, type FormEvent } from 'react';
import { api } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { Button, FormErrors, TextField } from '../../ui';

interface Found {
  id: string;
  firstName: string | null;
  lastName: string | null;
  children: string | null;
}

export function FamilySearch() {
  const t = useT();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      // POST: a name never goes in a URL.
      setFound(await api.post<Found[]>('/api/dossiers/search', { q }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="family-search" className="card">
      <h2 id="family-search" style={{ marginTop: 0 }}>
        {t('droits.agent.searchTitle')}
      </h2>
      <p>{t('droits.agent.searchText')}</p>
      <form onSubmit={submit} className="row" style={{ alignItems: 'flex-end' }}>
        <TextField label={t('droits.agent.search')} value={q} onChange={setQ} />
        <div className="field">
          <Button type="submit">{t('droits.agent.searchButton')}</Button>
        </div>
      </form>
      <FormErrors error={error} />
      {found ? (
        found.length ? (
          <ul>
            {found.map((f) => (
              <li key={f.id}>
                <Link to={`/droits/foyer/${f.id}`}>{t('droits.agent.simulateFor', { name: [f.firstName, f.lastName].filter(Boolean).join(' ') || '—' })}</Link>
                {f.children ? <span className="muted"> — {t('droits.agent.children', { names: f.children })}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p role="status">{t('droits.agent.noFamily')}</p>
        )
      ) : null}
    </section>
  );
}
