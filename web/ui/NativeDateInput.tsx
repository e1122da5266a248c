/**
 * A date, a time or a date and time, with its label and the server's error beside it — named for
 * the native input it replaced (`<input type="date|time|datetime-local">`), whose format follows
 * the browser's language: a desktop Chromium set to en-US showed mm/dd/yyyy and 12 h times on a
 * French page. It now renders web/ui/DateField's segments in the page's language (jj/mm/aaaa,
 * 24 h), loaded when first shown (LazyDateField), with the same values: `YYYY-MM-DD`, `HH:mm`,
 * `YYYY-MM-DDTHH:mm`.
 */
import { LazyDateField, LazyTimeField } from './LazyDateField';

export function NativeDateInput({
  id,
  type = 'date',
  label,
  value,
  onChange,
  isRequired,
  error,
}: {
  id: string;
  type?: 'date' | 'time' | 'datetime-local';
  label: string;
  value: string;
  onChange: (v: string) => void;
  isRequired?: boolean;
  error?: string | null;
}) {
  const common = { id, label, value, onChange, isRequired, error };
  return type === 'time' ? <LazyTimeField {...common} /> : <LazyDateField {...common} withTime={type === 'datetime-local'} />;
}
