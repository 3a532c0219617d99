export { lineageInputs, lineageStamp } from './inputs.js';
export {
  type LineageTexts,
  lineageTexts,
  type MainView,
  mainViewFor,
  OVERVIEW_ABOVE_PAPERS,
} from './lineage-texts.js';
export {
  DETAIL_MAX_SIZE,
  FAMILY_FIGURES_PATH,
  type RenderLineageOptions,
  renderLineage,
} from './render-lineage.js';
