/** Form fields: a visible label, optional help, the error right under the input. */
import {
  Checkbox as AriaCheckbox,
  FieldError,
  Input,
  Label,
  NumberField as AriaNumberField,
  Radio,
  RadioGroup as AriaRadioGroup,
  Switch as AriaSwitch,
  Text,
  TextArea,
  TextField as AriaTextField,
  type TextFieldProps,
} from 'react-aria-components';
import type { ReactNode } from 'react';
import { useT } from '../app/i18n';

function Required() {
  const t = useT();
  return <span className="muted"> {t('ui.required')}</span>;
}

interface Common {
  label: string;
  /** The label is data in another language than the page's (an aid's field as the town wrote it): an isolated island. */
  labelLang?: string;
  help?: string;
  /** Server-side error for this field (ApiError.field(path)). */
  error?: string;
}

/** A field's label, in its own language when it is data (`labelLang`). */
function LabelText({ label, lang }: { label: string; lang?: string }) {
  return lang ? (
    <bdi lang={lang} dir="ltr">
      {label}
    </bdi>
  ) : (
    <>{label}</>
  );
}

export function TextField({ label, labelLang, help, error, multiline, ...props }: TextFieldProps & Common & { multiline?: boolean; placeholder?: string }) {
  return (
    <AriaTextField {...props} className="field" isInvalid={Boolean(error) || props.isInvalid} validationBehavior="aria">
      <Label>
        <LabelText label={label} lang={labelLang} />
        {props.isRequired ? <Required /> : null}
      </Label>
      {help ? (
        <Text slot="description" className="help">
          {help}
        </Text>
      ) : null}
      {multiline ? <TextArea placeholder={props.placeholder} /> : <Input placeholder={props.placeholder} />}
      <FieldError className="error">{error}</FieldError>
    </AriaTextField>
  );
}

export function NumberField({
  label,
  labelLang,
  help,
  error,
  value,
  onChange,
  minValue,
  maxValue,
  step,
  isRequired,
  euros,
  name,
}: Common & {
  value: number | null | undefined;
  onChange: (v: number | null) => void;
  minValue?: number;
  maxValue?: number;
  step?: number;
  isRequired?: boolean;
  euros?: boolean;
  name?: string;
}) {
  return (
    <AriaNumberField
      className="field"
      name={name}
      value={value ?? NaN}
      onChange={(v) => onChange(Number.isNaN(v) ? null : v)}
      minValue={minValue}
      maxValue={maxValue}
      step={step}
      isRequired={isRequired}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      formatOptions={euros ? { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 } : { maximumFractionDigits: 2 }}
    >
      <Label>
        <LabelText label={label} lang={labelLang} />
        {isRequired ? <Required /> : null}
      </Label>
      {help ? (
        <Text slot="description" className="help">
          {help}
        </Text>
      ) : null}
      <Input inputMode="decimal" />
      <FieldError className="error">{error}</FieldError>
    </AriaNumberField>
  );
}

export function SelectField({
  label,
  help,
  error,
  value,
  onChange,
  options,
  isRequired,
  name,
}: Common & {
  value: string;
  onChange: (v: string) => void;
  /** `lang` marks an option written in another language than the page (a language's own name, French data). */
  options: { value: string; label: string; lang?: string }[];
  isRequired?: boolean;
  name?: string;
}) {
  // A native select: the most robust control on phones and with screen readers.
  const id = `sel-${name ?? label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {isRequired ? <Required /> : null}
      </label>
      {help ? (
        <span className="help" id={`${id}-help`}>
          {help}
        </span>
      ) : null}
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[help ? `${id}-help` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined}
        required={isRequired}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <span className="error" id={`${id}-err`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function Checkbox({
  children,
  ...props
}: {
  children: ReactNode;
  isSelected?: boolean;
  onChange?: (v: boolean) => void;
  value?: string;
  name?: string;
}) {
  return (
    <AriaCheckbox {...props} className="check">
      <span className="box" aria-hidden="true">
        {props.isSelected ? '✓' : ''}
      </span>
      <span>{children}</span>
    </AriaCheckbox>
  );
}

export function RadioGroup({
  label,
  help,
  error,
  value,
  onChange,
  options,
  isRequired,
}: Common & {
  value: string | null;
  onChange: (v: string) => void;
  options: { value: string; label: string; help?: string }[];
  isRequired?: boolean;
}) {
  return (
    <AriaRadioGroup className="field" value={value} onChange={onChange} isRequired={isRequired} isInvalid={Boolean(error)} validationBehavior="aria">
      <Label className="label">{label}</Label>
      {help ? (
        <Text slot="description" className="help">
          {help}
        </Text>
      ) : null}
      {options.map((o) => (
        <Radio key={o.value} value={o.value} className="check radio">
          {({ isSelected }) => (
            <>
              <span className="box" aria-hidden="true">
                {isSelected ? '●' : ''}
              </span>
              <span>
                {o.label}
                {o.help ? <span className="help"> — {o.help}</span> : null}
              </span>
            </>
          )}
        </Radio>
      ))}
      <FieldError className="error">{error}</FieldError>
    </AriaRadioGroup>
  );
}

export function Switch({ children, isSelected, onChange }: { children: ReactNode; isSelected: boolean; onChange: (v: boolean) => void }) {
  return (
    <AriaSwitch className="switch" isSelected={isSelected} onChange={onChange}>
      <span className="track" aria-hidden="true" />
      <span>{children}</span>
    </AriaSwitch>
  );
}
