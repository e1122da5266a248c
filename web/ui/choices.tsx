/** Checkbox, radio group and switch: react-aria-components, in our styles. */
import { Checkbox as AriaCheckbox, FieldError, Label, Radio, RadioGroup as AriaRadioGroup, Switch as AriaSwitch, Text } from 'react-aria-components';
import type { ReactNode } from 'react';
import { ErrorMessage, type FieldCommon as Common } from './field-label';

/** A checkbox's props (also `NativeCheckbox`'s, its light version). */
export interface CheckboxProps {
  children: ReactNode;
  isSelected?: boolean;
  onChange?: (v: boolean) => void;
  value?: string;
  name?: string;
}

export function Checkbox({ children, ...props }: CheckboxProps) {
  return (
    <AriaCheckbox {...props} className="check">
      <span className="box" aria-hidden="true">
        {props.isSelected ? '✓' : ''}
      </span>
      <span>{children}</span>
    </AriaCheckbox>
  );
}

/** A radio group's props (also `NativeRadioGroup`'s, its light version). */
export type RadioGroupProps = Common & {
  value: string | null;
  onChange: (v: string) => void;
  options: { value: string; label: string; help?: string }[];
  isRequired?: boolean;
};

export function RadioGroup({ label, help, error, value, onChange, options, isRequired }: RadioGroupProps) {
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
      <FieldError className="error">{error ? <ErrorMessage text={error} /> : null}</FieldError>
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
