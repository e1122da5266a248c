/** Coordinators enter a neighbourhood figure (the API also takes a whole CSV via the CLI). */
import { useState, type FormEvent } from 'react';
import { api } from '../../app/api';
import { useT } from '../../app/i18n';
import { useTown } from '../../app/town';
import { Alert, Button, FormErrors } from '../../ui';

export function IndicatorForm({ indicators, onSaved }: { indicators: { id: string; label: string }[]; onSaved: (t: unknown) => void }) {
  const t = useT();
  const town = useTown();
  const [hood, setHood] = useState(town.neighbourhoods[0]?.id ?? '');
  const [indicator, setIndicator] = useState(indicators[0]?.id ?? '');
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    try {
      const res = await api.put('/api/annuaire/territoire/indicateurs', {
        year: Number(year),
        values: [{ neighbourhood: hood || town.id, indicator, value: Number(value.replace(',', '.')) }],
      });
      setDone(true);
      onSaved(res);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} className="annuaire-form" aria-labelledby="indicator-form-title">
      <h2 id="indicator-form-title" style={{ gridColumn: '1 / -1' }}>
        {t('annuaire.enterFigure')}
      </h2>
      <FormErrors error={error} />
      {done ? (
        <Alert tone="success" live>
          {t('annuaire.figureSaved')}
        </Alert>
      ) : null}
      <div className="field">
        <label htmlFor="ind-hood">{t('annuaire.neighbourhood')}</label>
        <select id="ind-hood" value={hood} onChange={(e) => setHood(e.target.value)}>
          {town.neighbourhoods.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
          <option value={town.id}>{town.name} (ville entière)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="ind-name">{t('annuaire.indicator')}</label>
        <select id="ind-name" value={indicator} onChange={(e) => setIndicator(e.target.value)}>
          {indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="ind-year">{t('annuaire.year')}</label>
        <input id="ind-year" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="ind-value">{t('annuaire.value')}</label>
        <input id="ind-value" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} required />
      </div>
      <div className="annuaire-actions">
        <Button type="submit">{t('annuaire.save')}</Button>
      </div>
    </form>
  );
}
