/** A family's chèques history, as the family and its agent read it: when, what, which chèque, how much. */
import { useFormat, useT, useTx } from '../../app/i18n';
import { formatEuros } from '../../app/format';
import { Fr } from '../../app/lang';
import { EmptyState } from '../../ui';
import type { MyCheques } from '../../../src/modules/cheques';
import { entryText, known } from './localize';

/** "+150,00 €" for what comes in, "−40,00 €" for what goes out. */
export const signedEuros = (cents: number, locale = 'fr') => (cents > 0 ? `+${formatEuros(cents, locale)}` : formatEuros(cents, locale));

/** A history line in the reader's language; the partner's name (or an unknown phrase) stays French. */
function EntryLabel({ label }: { label: string }) {
  const t = useT();
  const tx = useTx();
  const e = entryText(label);
  if (!e) return <Fr>{label}</Fr>;
  return <>{e.partner ? tx(e.key, { partner: <Fr>{e.partner}</Fr> }) : t(e.key)}</>;
}

export function EntryList({ entries }: { entries: MyCheques['history'] }) {
  const t = useT();
  const f = useFormat();
  if (entries.length === 0) return <EmptyState>{t('cheques.historyNone')}</EmptyState>;
  return (
    <ul className="cheques-list" aria-label={t('cheques.history')}>
      {entries.map((r) => (
        <li key={r.id}>
          <span>
            <span className="muted">{f.dateTime(r.at)}</span> — <EntryLabel label={r.label} />
            {r.cancelled ? ` ${t('cheques.cancelled')}` : ''} — {known(t, `cheques.kind_${r.kind}`) ?? <Fr>{r.kindLabel}</Fr>}
          </span>
          <strong>{f.ltr(signedEuros(r.amountCents, f.locale))}</strong>
        </li>
      ))}
    </ul>
  );
}
