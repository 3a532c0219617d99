export {
  type DeckSlide,
  type MermaidSource,
  planDeck,
  planMeetingDeck,
  type SlideKind,
  type SlidePlan,
} from './deck.js';
export { type DeckPreview, DeckPreviewer, type PreviewSlide } from './deck-preview.js';
export { deckCss } from './deck-style.js';
export { layoutDeck, SlideOverflowError } from './layout-deck.js';
export { SlideMeasurer } from './measure-page.js';
export {
  type DeckManifest,
  type DeckSpec,
  type DiagramDrawer,
  deckPaths,
  deckSpecs,
  type RenderDecksOptions,
  type RenderDecksResult,
  readManifest,
  renderDecks,
} from './render-decks.js';
export { type SlidevMarkdownOptions, slideHtml, toSlidevMarkdown } from './slide-markdown.js';
