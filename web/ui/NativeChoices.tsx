/**
 * A radio group and a checkbox in native inputs: the same names, states and keyboard (arrows move
 * within the group, space ticks) as `RadioGroup` and `Checkbox` (react-aria), without their code and
 * start-up work on the pages that must load fast on a phone (issue 18: /aides on Lighthouse). The group
 * is a fieldset named by its legend; its help and error are tied to each radio. Props are the
 * react-aria versions', so a page swaps one for the other.
 */
import { useId } from 'react';
import { describedBy, FieldErrorText, FieldHelp, Required } from './field-label';
import type { CheckboxProps, RadioGroupProps } from './choices';

export function NativeRadioGroup({ label, help, error, value, onChange, options, isRequired, name }: RadioGroupProps & { name?: string }) {
  const id = useId();
  return (
    <fieldset
      className="field native-choices"
      role="radiogroup"
      aria-labelledby={`${id}-legend`}
      aria-required={isRequired || undefined}
      aria-invalid={error ? true : undefined}
      data-invalid={error ? true : undefined}
    >
      <legend className="label" id={`${id}-legend`}>
        {label}
        {isRequired ? <Required /> : null}
      </legend>
      <FieldHelp id={id} help={help} />
      {options.map((o) => (
        <label key={o.value} className="native-choice">
          <input
            type="radio"
            name={name ?? id}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            aria-describedby={describedBy(id, help, error)}
          />
          <span>
            {o.label}
            {o.help ? <span className="help"> — {o.help}</span> : null}
          </span>
        </label>
      ))}
      <FieldErrorText id={id} error={error} />
    </fieldset>
  );
}

export function NativeCheckbox({ children, isSelected, onChange, value, name }: CheckboxProps) {
  return (
    <label className="native-choice">
      <input type="checkbox" name={name} value={value} checked={Boolean(isSelected)} onChange={(e) => onChange?.(e.target.checked)} />
      <span>{children}</span>
    </label>
  );
}
