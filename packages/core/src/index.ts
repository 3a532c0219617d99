export { type AssetRead, type AssetReader, assetsFrom } from './assets.js';
export * from './ast.js';
export { plainText } from './blocks.js';
export { compareCodePoints } from './compare.js';
export { DiagnosticSink, hasErrors, sortDiagnostics, toVFileMessage } from './diagnostics.js';
export { formatDiagnostics, summarizeDiagnostics } from './format.js';
export { ID_PATTERN } from './ids.js';
export { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from './image-file.js';
export type { OutputFile, OutputFolder, ProgressEvent, ProgressListener } from './output.js';
export {
  createParseCache,
  FAMILY_FILE,
  isContentPath,
  type ParseCache,
  type ParseOptions,
  parse,
} from './parse.js';
export { DEFAULT_STUDY, STUDY_FILE } from './read-study.js';
export { RULES, type Rule, type RuleId } from './rules.js';
export { formatSize, largestSize, toSize } from './size.js';
export type { ContentFile } from './source.js';
