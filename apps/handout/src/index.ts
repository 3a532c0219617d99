export { HANDOUT_LAYOUTS, type HandoutLayout, pageCount, slidesPerPage } from './layouts.js';
export {
  type HandoutHeader,
  type HandoutSlide,
  type RenderHandoutOptions,
  renderHandout,
} from './render-handout.js';
