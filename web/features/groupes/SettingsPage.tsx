/**
 * Coordination's settings of every room: the danger word list (terms by category, the
 * whitelist), tried on a sentence to see its effect, and the retention period.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, FormErrors, Loaded, NumberField, PageHeader, RequireRole, SelectField, TextField } from '../../ui';
import type { Settings, WordCheck, Words } from '../../../src/modules/groupes';
import messages from './messages';
import { CATEGORIES } from './labels';
import './groupes.css';

registerMessages('groupes', messages);

type Word = Words['words'][number];

function AddWord({ kind, onAdded }: { kind: 'term' | 'whitelist'; onAdded: () => void }) {
  const t = useT();
  const [pattern, setPattern] = useState('');
  const [category, setCategory] = useState('suicide');
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post('/api/groupes/words', { kind, category: kind === 'term' ? category : null, pattern });
      setPattern('');
      setError(null);
      onAdded();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <form onSubmit={submit} className="groupes-inline-form">
      {error && !error.field('pattern') ? <FormErrors error={error} /> : null}
      {kind === 'term' ? (
        <SelectField
          label={t('groupes.category')}
          name={`category-${kind}`}
          value={category}
          onChange={setCategory}
          options={Object.entries(CATEGORIES).map(([value, label]) => ({ value, label: label.charAt(0).toUpperCase() + label.slice(1) }))}
        />
      ) : null}
      <TextField label={t('groupes.pattern')} value={pattern} onChange={setPattern} isRequired error={error?.field('pattern')} />
      <Button type="submit" variant="secondary">
        {kind === 'term' ? t('groupes.addTerm') : t('groupes.addWhitelist')}
      </Button>
    </form>
  );
}

function WordItems({ words, onRemove }: { words: Word[]; onRemove: (w: Word) => void }) {
  const t = useT();
  return (
    <ul className="groupes-words">
      {words.map((w) => (
        <li key={w.id}>
          <span>{w.pattern}</span>
          <Button variant="secondary" onPress={() => onRemove(w)} aria-label={t('groupes.removeWordLabel', { pattern: w.pattern })}>
            {t('groupes.removeWord')}
          </Button>
        </li>
      ))}
    </ul>
  );
}

function WordList() {
  const t = useT();
  const words = useApi<Words>('/api/groupes/words');
  const [error, setError] = useState<ApiError | null>(null);
  const remove = async (w: Word) => {
    try {
      await api.del(`/api/groupes/words/${w.id}`);
      setError(null);
      words.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <Loaded resource={words}>
      {(d) => (
        <>
          <FormErrors error={error} />
          <section aria-labelledby="groupes-words" className="card">
            <h2 id="groupes-words">{t('groupes.words')}</h2>
            <p>{t('groupes.wordsIntro')}</p>
            {Object.entries(CATEGORIES).map(([category, label]) => (
              <div key={category}>
                <h3>{label.charAt(0).toUpperCase() + label.slice(1)}</h3>
                <WordItems words={d.words.filter((w) => w.kind === 'term' && w.category === category)} onRemove={remove} />
              </div>
            ))}
            <AddWord kind="term" onAdded={words.reload} />
          </section>
          <section aria-labelledby="groupes-whitelist" className="card">
            <h2 id="groupes-whitelist">{t('groupes.whitelist')}</h2>
            <p>{t('groupes.whitelistIntro')}</p>
            <WordItems words={d.words.filter((w) => w.kind === 'whitelist')} onRemove={remove} />
            <AddWord kind="whitelist" onAdded={words.reload} />
          </section>
        </>
      )}
    </Loaded>
  );
}

function TryList() {
  const t = useT();
  const [text, setText] = useState('');
  const [result, setResult] = useState<WordCheck | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      setResult(await api.post<WordCheck>('/api/groupes/words/check', { text }));
      setError(null);
    } catch (err) {
      setError(err as ApiError);
      setResult(null);
    }
  }
  return (
    <section aria-labelledby="groupes-try" className="card">
      <h2 id="groupes-try">{t('groupes.tryTitle')}</h2>
      <p>{t('groupes.tryIntro')}</p>
      <form onSubmit={submit}>
        <TextField label={t('groupes.trySentence')} value={text} onChange={setText} multiline isRequired error={error?.field('text')} />
        <Button type="submit" variant="secondary">
          {t('groupes.tryButton')}
        </Button>
      </form>
      {result ? (
        <Alert tone={result.categories.length ? 'warning' : 'info'} live>
          {result.categories.length
            ? t('groupes.tryHit', {
                cats: result.categories.map((c) => CATEGORIES[c] ?? c).join(', '),
                patterns: result.patterns.map((p) => `« ${p} »`).join(', '),
              })
            : t('groupes.tryNone')}
        </Alert>
      ) : null}
    </section>
  );
}

function Retention() {
  const t = useT();
  const settings = useApi<Settings>('/api/groupes/settings');
  const [days, setDays] = useState<number | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <section aria-labelledby="groupes-retention" className="card">
      <h2 id="groupes-retention">{t('groupes.retention')}</h2>
      <p>{t('groupes.retentionIntro')}</p>
      <Loaded resource={settings}>
        {(d) => (
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              try {
                const r = await api.put<Settings>('/api/groupes/settings', { days: days ?? d.retentionDays });
                setSaved(r.retentionDays);
                setError(null);
                settings.setData(r);
              } catch (err) {
                setError(err as ApiError);
                setSaved(null);
              }
            }}
          >
            <NumberField
              label={t('groupes.retentionDays')}
              value={days ?? d.retentionDays}
              onChange={(v) => setDays(v ?? null)}
              minValue={7}
              maxValue={3650}
              error={error?.field('days')}
            />
            <Button type="submit" variant="secondary">
              {t('groupes.save')}
            </Button>
            {saved !== null ? (
              <Alert tone="success" live>
                {t('groupes.retentionSaved', { n: saved })}
              </Alert>
            ) : null}
          </form>
        )}
      </Loaded>
    </section>
  );
}

export default function SettingsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('groupes.settings')} intro={t('groupes.settingsIntro')} />
      <p>
        <Link to="/groupes">{t('groupes.back')}</Link>
      </p>
      <RequireRole roles={['coordinator', 'admin']}>
        <div className="groupes-stack">
          <TryList />
          <WordList />
          <Retention />
        </div>
      </RequireRole>
    </>
  );
}
