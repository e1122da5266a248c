/** Pieces shared by the listening pages: their navigation, a form's error state, a verbatim as quoted. */
import { useCallback, useState } from 'react';
import { ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { toApiError } from '../../app/use-api';
import { DemoBadge } from '../../ui/display';
import { quoted } from '../../../src/modules/diagnostic/shared';
import listeningMessages from './listening-messages';
import type { Beside, VerbatimView } from './types';

registerMessages('diagnostic.ecoute', listeningMessages);

export function ListeningNav({ current }: { current: 'questionnaires' | 'sessions' | 'session' | 'analysis' | 'personas' | 'persona' }) {
  const t = useT();
  const links = [
    { to: '/diagnostic', label: t('diagnostic.ecoute.back'), id: 'questionnaires' },
    { to: '/diagnostic/ecoute', label: t('diagnostic.ecoute.toListening'), id: 'sessions' },
    { to: '/diagnostic/ecoute/analyse', label: t('diagnostic.ecoute.toAnalysis'), id: 'analysis' },
    { to: '/diagnostic/personas', label: t('diagnostic.ecoute.toPersonas'), id: 'personas' },
  ].filter((l) => l.id !== current);
  return (
    <ul className="diag-actions">
      {links.map((l) => (
        <li key={l.id}>
          <Link to={l.to}>{l.label}</Link>
        </li>
      ))}
    </ul>
  );
}

/** A form's last error, each field's message, and `run` that clears, calls and keeps the error. */
export function useFormError() {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useCallback((path: string) => error?.fields.find((f) => f.path === path || f.path.startsWith(`${path}.`))?.message, [error]);
  const run = useCallback(async (fn: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, field, run, busy };
}

/** A verbatim as the report quotes it: « … » — who, as they consented to be named. */
export function Quote({ v, children }: { v: VerbatimView; children?: React.ReactNode }) {
  return (
    <figure className="diag-quote">
      <blockquote>
        <p>{quoted(v.text)}</p>
      </blockquote>
      <figcaption>
        — {v.attribution} {v.isDemo ? <DemoBadge /> : null}
      </figcaption>
      {children}
    </figure>
  );
}

/** « Ce que disent les parents » under a section of the results: the verbatims of the themes tied to it. */
export function Voices({ section, beside }: { section: string; beside: Beside | null }) {
  const t = useT();
  const s = beside?.sections.find((x) => x.section === section);
  if (!s) return null;
  const id = `voices-${section.replace(/\W+/g, '-')}`;
  return (
    <section className="diag-voices" aria-labelledby={id}>
      <h3 id={id}>{t('diagnostic.ecoute.voices')}</h3>
      {!s.themes.length ? (
        <p className="muted">{t('diagnostic.ecoute.voicesNoTheme')}</p>
      ) : !s.verbatims.length ? (
        <p className="muted">{t('diagnostic.ecoute.voicesNone', { themes: s.themes.map((x) => x.label).join(', ') })}</p>
      ) : (
        <div className="diag-quotes">
          {s.verbatims.map((v) => (
            <Quote key={v.id} v={v}>
              {v.inReport ? <span className="diag-tag">{t('diagnostic.ecoute.voicesInReport')}</span> : null}
            </Quote>
          ))}
        </div>
      )}
    </section>
  );
}

/** A table that scrolls sideways on a phone, reachable with the keyboard (axe: scrollable-region-focusable). */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="diag-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
