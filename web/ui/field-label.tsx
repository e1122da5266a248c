/** What every form field of web/ui shares: its props, the "required" mark, a label that may be data in another language. */
import { isUntranslated } from '../app/api';
import { useT } from '../app/i18n';
import { Fr } from '../app/lang';

export interface FieldCommon {
  label: string;
  /** The label is data in another language than the page's (an aid's field as the town wrote it): an isolated island. */
  labelLang?: string;
  help?: string;
  /** Server-side error for this field (ApiError.field(path)). */
  error?: string;
}

export function Required() {
  const t = useT();
  return <span className="muted"> {t('ui.required')}</span>;
}

/** A field's error: a French message the server did not translate is a lang="fr" island in a page in another language. */
export function ErrorMessage({ text }: { text: string }) {
  return isUntranslated(text) ? <Fr>{text}</Fr> : <>{text}</>;
}

/** The ids a native control names in aria-describedby: its help and its error, when shown. */
export function describedBy(id: string, help?: string | null, error?: string | null): string | undefined {
  return [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A native field's help, under its label (`describedBy` ties it to the control). */
export function FieldHelp({ id, help }: { id: string; help?: string | null }) {
  return help ? (
    <span className="help" id={`${id}-help`}>
      {help}
    </span>
  ) : null;
}

/** A native field's error, under the control (`describedBy` ties it to the control). */
export function FieldErrorText({ id, error }: { id: string; error?: string | null }) {
  return error ? (
    <span className="error" id={`${id}-error`}>
      <ErrorMessage text={error} />
    </span>
  ) : null;
}

/** A field's label, in its own language when it is data (`labelLang`). */
export function LabelText({ label, lang }: { label: string; lang?: string }) {
  return lang ? (
    <bdi lang={lang} dir="ltr">
      {label}
    </bdi>
  ) : (
    <>{label}</>
  );
}
