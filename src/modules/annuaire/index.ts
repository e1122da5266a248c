/** What other modules may use from the annuaire. */
export { annuaireModule } from './annuaire.module';
export { searchDirectory, type SearchQuery, type ServiceSummary } from './search-services';
export { findStructures, getService, getStructure, updateStructure } from './annuaire.service';
export { checkDirectoryReference, type DirectoryReferenceProblem } from './references';
export { isOpenAt, nextOpening, statusPhrase } from './opening-hours';
export { CATEGORIES } from './categories';
/** Territory figures imported by pilotage become the directory's ratios' denominators (in the import's transaction). */
export { recordTerritoryFigures } from './territory';
/** The API's answers, inferred from the response schemas (the web imports these, type-only). */
export type { SearchResult, ServiceDetail, StructureListing, Needs, Territory } from './annuaire.schemas';
