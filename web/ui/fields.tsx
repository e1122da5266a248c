/**
 * Form fields: a visible label, optional help, the error right under the input. One module each, so a
 * page loads only the fields it shows (the text field is plain elements, the others react-aria's).
 */
export { TextField, type TextFieldProps } from './TextField';
export { NumberField } from './NumberField';
export { SelectField } from './SelectField';
export { Checkbox, RadioGroup, Switch } from './choices';
