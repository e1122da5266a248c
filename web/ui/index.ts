/** Our accessible components (react-aria-components) and the styles every page shares. */
import './lists.css';

export { Button, LinkButton } from './Button';
export { TextField, NumberField, SelectField, Checkbox, RadioGroup, Switch } from './fields';
export { Alert, PageHeader, Card, DemoBadge, EmptyState, ProgressSteps, DataTable, BarChart, type Column } from './display';
export { Dialog } from './Dialog';
export { FormErrors } from './FormErrors';
export { RequireRole } from './RequireRole';
export { Loaded, LoadStatus } from './Loaded';
export { FormCard } from './FormCard';
export { NativeDateInput } from './NativeDateInput';
