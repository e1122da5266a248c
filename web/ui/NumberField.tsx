/** A number (or an amount in euros) typed in the reader's own format: react-aria's NumberField. */
import { FieldError, Input, Label, NumberField as AriaNumberField, Text } from 'react-aria-components';
import { ErrorMessage, LabelText, Required, type FieldCommon as Common } from './field-label';

/** A number field's props (also `NativeNumberField`'s, its light version). */
export type NumberFieldProps = Common & {
  value: number | null | undefined;
  onChange: (v: number | null) => void;
  minValue?: number;
  maxValue?: number;
  step?: number;
  isRequired?: boolean;
  euros?: boolean;
  name?: string;
};

export function NumberField({ label, labelLang, help, error, value, onChange, minValue, maxValue, step, isRequired, euros, name }: NumberFieldProps) {
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
      <FieldError className="error">{error ? <ErrorMessage text={error} /> : null}</FieldError>
    </AriaNumberField>
  );
}
