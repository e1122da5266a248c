/**
 * The directory structures that take part in an action (their partner accounts then read
 * it): found by a search in the annuaire, added and removed one by one.
 */
import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useT } from '../../app/i18n';
import { Button, TextField } from '../../ui';

interface Structure {
  id: string;
  nom: string;
}

export function PartnerStructures({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const t = useT();
  const [names, setNames] = useState<Record<string, string>>({});
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Structure[] | null>(null);
  useEffect(() => {
    for (const id of value) {
      if (names[id]) continue;
      api.get<{ nom: string }>(`/api/annuaire/structures/${id}`).then(
        (s) => setNames((n) => ({ ...n, [id]: s.nom })),
        () => setNames((n) => ({ ...n, [id]: t('pilotage.unknownStructure') })),
      );
    }
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps
  async function search() {
    const r = await api.get<{ services: { structure: Structure }[] }>(`/api/annuaire/services?q=${encodeURIComponent(q)}&par_page=20`);
    const unique = new Map(r.services.map((s) => [s.structure.id, s.structure]));
    setFound([...unique.values()]);
    setNames((n) => ({ ...n, ...Object.fromEntries([...unique.values()].map((s) => [s.id, s.nom])) }));
  }
  return (
    <fieldset>
      <legend>{t('pilotage.partnerStructures')}</legend>
      <p className="muted" style={{ marginTop: 0 }}>
        {t('pilotage.partnerStructuresHelp')}
      </p>
      {value.length ? (
        <ul className="actions-list">
          {value.map((id) => (
            <li key={id}>
              <span style={{ flex: '1 1 12rem' }}>{names[id] ?? '…'}</span>
              <Button variant="secondary" onPress={() => onChange(value.filter((x) => x !== id))}>
                {t('pilotage.remove')}
                <span className="visually-hidden"> {names[id] ?? ''}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <TextField
          label={t('pilotage.searchStructure')}
          value={q}
          onChange={setQ}
          // Enter searches here instead of saving the whole action.
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void search();
            }
          }}
        />
        <Button variant="secondary" onPress={() => search()} className="field-aligned">
          {t('pilotage.search')}
        </Button>
      </div>
      {found ? (
        found.length ? (
          <ul className="actions-list" aria-label={t('pilotage.searchResults')}>
            {found.map((s) => (
              <li key={s.id}>
                <span style={{ flex: '1 1 12rem' }}>{s.nom}</span>
                {value.includes(s.id) ? (
                  <span className="muted">{t('pilotage.added')}</span>
                ) : (
                  <Button variant="secondary" onPress={() => onChange([...value, s.id])}>
                    {t('pilotage.add')}
                    <span className="visually-hidden"> {s.nom}</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted" role="status">
            {t('pilotage.noStructure')}
          </p>
        )
      ) : null}
    </fieldset>
  );
}
