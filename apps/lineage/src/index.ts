export {
  DETAIL_MAX_SIZE,
  FAMILY_FIGURES_PATH,
  type MainView,
  mainViewFor,
  OVERVIEW_ABOVE_PAPERS,
  type RenderLineageOptions,
  renderLineage,
} from './render-lineage.js';
