/** Any structure (and one of its services) of the directory, found by its name or a service's name: the desk's picker. */
import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../../app/use-api';
import { useT } from '../../app/i18n';
import { Button, EmptyState, LoadStatus, SelectField, TextField } from '../../ui';
import type { DirectoryStructure } from '../../../src/modules/dossiers';

export interface Picked {
  structure: DirectoryStructure | null;
  serviceId: string;
}

export function DirectoryPicker({
  id,
  value,
  onChange,
  withService = false,
}: {
  id: string;
  value: Picked;
  onChange: (p: Picked) => void;
  withService?: boolean;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const found = useApi<DirectoryStructure[]>(query ? `/api/dossiers/directory?q=${encodeURIComponent(query)}` : null);
  const list = found.data ?? [];
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQuery(text.trim());
  };
  const structure = value.structure;
  // New results: the first one is chosen unless the choice is still among them.
  useEffect(() => {
    if (found.data && !found.data.some((s) => s.id === value.structure?.id)) onChange({ structure: found.data[0] ?? null, serviceId: '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [found.data]);
  return (
    <div className="stack">
      <form className="desk-search" role="search" onSubmit={search}>
        <TextField label={t('desk.structureSearch')} value={text} onChange={setText} name={`${id}-q`} />
        <Button variant="secondary" type="submit">
          {t('desk.structureSearchButton')}
        </Button>
      </form>
      {query ? (
        found.data ? (
          list.length ? (
            <>
              <SelectField
                name={`${id}-structure`}
                label={t('desk.structureChoice')}
                value={structure?.id ?? ''}
                onChange={(v) => onChange({ structure: list.find((s) => s.id === v) ?? null, serviceId: '' })}
                options={list.map((s) => ({ value: s.id, label: s.commune ? `${s.nom} — ${s.commune}` : s.nom }))}
              />
              {withService && structure?.services.length ? (
                <SelectField
                  name={`${id}-service`}
                  label={t('desk.orientService')}
                  value={value.serviceId}
                  onChange={(v) => onChange({ structure, serviceId: v })}
                  options={[{ value: '', label: t('desk.orientWholeStructure') }, ...structure.services.map((sv) => ({ value: sv.id, label: sv.nom }))]}
                />
              ) : null}
            </>
          ) : (
            <EmptyState>{t('desk.structureNone')}</EmptyState>
          )
        ) : (
          <LoadStatus data={found.data} error={found.error} reload={found.reload} />
        )
      ) : null}
    </div>
  );
}
