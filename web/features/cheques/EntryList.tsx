/** A family's chèques history, as the family and its agent read it: when, what, which chèque, how much. */
import { useT } from '../../app/i18n';
import { formatEuros, frDateTime } from '../../app/format';
import { EmptyState } from '../../ui';
import type { MyCheques } from '../../../src/modules/cheques';

/** "+150,00 €" for what comes in, "−40,00 €" for what goes out. */
export const signedEuros = (cents: number) => (cents > 0 ? `+${formatEuros(cents)}` : formatEuros(cents));

export function EntryList({ entries }: { entries: MyCheques['history'] }) {
  const t = useT();
  if (entries.length === 0) return <EmptyState>{t('cheques.historyNone')}</EmptyState>;
  return (
    <ul className="cheques-list" aria-label={t('cheques.history')}>
      {entries.map((r) => (
        <li key={r.id}>
          <span>
            <span className="muted">{frDateTime(r.at)}</span> — {r.label}
            {r.cancelled ? ` ${t('cheques.cancelled')}` : ''} — {r.kindLabel}
          </span>
          <strong>{signedEuros(r.amountCents)}</strong>
        </li>
      ))}
    </ul>
  );
}
