export {
  REPORT_PATH,
  type RenderReportOptions,
  renderReport,
  reportDate,
  selectFamilies,
} from './document.js';
