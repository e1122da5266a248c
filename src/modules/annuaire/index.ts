/** What other modules may use from the annuaire. */
export { annuaireModule } from './annuaire.module';
export { searchDirectory, type SearchQuery, type ServiceSummary } from './search-services';
export { findStructures, getService, getStructure, updateStructure } from './annuaire.service';
export { checkDirectoryReference, type DirectoryReferenceProblem } from './references';
export { isOpenAt, nextOpening, statusPhrase } from './opening-hours';
export { CATEGORIES } from './categories';
/** The API's answers, inferred from the response schemas (the web imports these, type-only). */
export type { SearchResult, ServiceDetail, StructureListing, Needs, Territory } from './annuaire.schemas';
