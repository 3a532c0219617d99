export { type BuildDecksOptions, type BuildDecksResult, buildDecks, deckPaths } from './build-decks.js';
export { buildDeck, type DeckSlide, type MermaidSource, papersOf, type SlideKind } from './deck.js';
export { deckCss } from './deck-style.js';
export { type Presentation, type StaticServer, serveFolder, servePresentation } from './serve.js';
export { type SlidevMarkdownOptions, toSlidevMarkdown } from './slide-markdown.js';
