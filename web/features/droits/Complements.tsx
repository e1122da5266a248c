/**
 * What other modules add beside the national benefits for the household just estimated
 * (their `hooks.droits.complements`, e.g. the town's local aids): POST /api/droits/complements
 * with the same household, nothing stored.
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { LoadStatus } from '../../ui';
import { Fr } from '../../app/lang';
import type { ComplementItem, SimulatorComplements } from '../../../src/modules/droits';
import { OfferItem } from '../../ui/OfferItem';
import messages from './complements-messages';
import type { HouseholdInput } from './types';

registerMessages('droits.complements', messages);

export function Complements({ household }: { household: HouseholdInput }) {
  const t = useT();
  const [data, setData] = useState<SimulatorComplements | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const body = JSON.stringify(household);
  useEffect(() => {
    let live = true;
    setError(null);
    api.post<SimulatorComplements>('/api/droits/complements', JSON.parse(body)).then(
      (d) => live && setData(d),
      (e) => live && setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', 'Une erreur est survenue.')),
    );
    return () => {
      live = false;
    };
  }, [body, attempt]);
  if (!data) return <LoadStatus data={data} error={error} reload={() => setAttempt((n) => n + 1)} />;
  const item = (o: ComplementItem) => (
    <OfferItem key={o.key} offer={o} badge={t(`droits.complements.${o.likelihood}`)} level={4} idPrefix="c" className="benefit">
      <Link to={o.href}>
        {t('droits.complements.see')}{' '}
        <span className="visually-hidden">
          <Fr>{o.title}</Fr>
        </span>
      </Link>
    </OfferItem>
  );
  return (
    <>
      {data.sections.map((s) => {
        const likely = s.items.filter((o) => o.likelihood !== 'no');
        const others = s.items.filter((o) => o.likelihood === 'no');
        return (
          <section key={s.module} aria-labelledby={`complements-${s.module}`}>
            <h3 id={`complements-${s.module}`}>
              <Fr>{s.title}</Fr>
            </h3>
            <p>{t('droits.complements.intro')}</p>
            {likely.length ? <ul className="benefits">{likely.map(item)}</ul> : null}
            {others.length ? (
              <details>
                <summary>{t('droits.complements.others', { n: others.length })}</summary>
                <ul className="benefits">{others.map(item)}</ul>
              </details>
            ) : null}
            <p>
              <Link to={s.more.href}>
                <Fr>{s.more.label}</Fr>
              </Link>
            </p>
          </section>
        );
      })}
    </>
  );
}
