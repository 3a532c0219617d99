export { advanceEm } from './advance.js';
export { Coverage, coverage, MISSING_GLYPH } from './coverage.js';
export { cssStack, FACES, FAMILIES, type Face, type FaceId, facePath, facesOf, STACKS } from './faces.js';
export {
  ALL_FACES,
  dataUri,
  fontFaceCss,
  type SubsetFont,
  type SubsetOptions,
  type SubsetStore,
  subsetFonts,
  useSubsetStore,
} from './subset.js';
