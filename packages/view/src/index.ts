/**
 * What every renderer derives from the AST, in one place (pandoc's Writers.Shared): the link rule,
 * the reading order, the output language and its words, periods and relation phrases, colours and
 * character widths. Renderers import these instead of keeping their own copies.
 */
export { channels, expandHex, shade, textColourOn, tint } from './colour.js';
export { type DeckTarget, deckTargets } from './decks.js';
export { escapeHtml } from './html.js';
export { LABELS, type Labels } from './labels.js';
export { labelsOf, outputLanguage } from './language.js';
export { safeHttpUrl } from './links.js';
export { type NoteParagraph, type NoteSpan, noteSpans } from './note-spans.js';
export { deckPdfPath, familyDiagramPath, handoutPath, OUTPUT_PATHS } from './output-paths.js';
export { familiesWithPapers, familyOf, meetingOf, papersOf } from './reading-order.js';
export { subLineage } from './sub-lineage.js';
export { displayWidth, isWide } from './text-width.js';
export { periodText, relationPhrase, splitConcurrent } from './wording.js';
