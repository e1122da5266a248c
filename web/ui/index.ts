/**
 * Our accessible components (react-aria-components and plain elements). Their shared styles are in the
 * first load (web/app/main.tsx imports lists.css): this barrel has no effect of its own, so a page gets
 * only the components it names (vite.config.ts, treeshake).
 */
export { Button, LinkButton } from './Button';
export { TextField, NumberField, SelectField, Checkbox, RadioGroup, Switch } from './fields';
export { Alert, PageHeader, Card, DemoBadge, EmptyState, ProgressSteps, DataTable, BarChart, type Column } from './display';
export { Dialog } from './Dialog';
export { FormErrors } from './FormErrors';
export { RequireRole } from './RequireRole';
export { Loaded, LoadStatus } from './Loaded';
export { FormCard } from './FormCard';
export { NativeDateInput } from './NativeDateInput';
export { MonthField } from './MonthField';
export { NativeNumberField } from './NativeNumberField';
export { NativeRadioGroup, NativeCheckbox } from './NativeChoices';
