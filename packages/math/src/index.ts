/**
 * One TeX engine for every output: KaTeX. `studykit check` validates with it, the decks show its HTML,
 * and the PDF outputs print that same HTML in Chromium, so a formula looks alike everywhere and what
 * check accepts is what the outputs draw.
 */
export { type KatexAssets, katexAssets } from './assets.js';
export { type TexError, texError } from './check.js';
export { texToHtml } from './to-html.js';
