export { bibtexEntry, toBibtex } from './bibtex.js';
export { toCslItem, toCslJson } from './csl-json.js';
export type { CslItem, CslName, CslType } from './csl-types.js';
export {
  type FormatReferencesOptions,
  type FormattedReference,
  formatReferences,
  type ReferenceCache,
} from './format-references.js';
export { toCslName } from './person-name.js';
export { plainUrl, withoutControls } from './plain-text.js';
export { BIBTEX_PATH, CSL_JSON_PATH, referenceFiles } from './reference-files.js';
export { arxivId, type VenueKind, venueKind } from './venue-kind.js';
