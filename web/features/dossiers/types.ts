/** Shapes of the dossiers API, as the pages use them: inferred from the module's response schemas (type-only). */
import type { ChildInput, FieldsInfo, HouseholdOut } from '../../../src/modules/dossiers';

export type { FieldsInfo };
/** A child as the form edits it (the request's shape). */
export type Child = ChildInput;
export type Household = HouseholdOut;
export type DocumentMeta = Household['documents'][number];
export type FieldUsage = FieldsInfo['fields'][number];

/** Dates are written by the one formatting layer (web/app/format.ts). */
export { frDate, frDateTime } from '../../app/format';
