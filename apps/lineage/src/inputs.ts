/**
 * What the lineage reads, for the CLI's output digests: the mermaid texts it draws (lineage-texts.ts,
 * the very function `renderLineage` draws from), so a field no diagram shows (a venue, a section's
 * text) changes nothing. Light: no browser, no mermaid.
 */
import { chromiumStamp } from '@studykit/browser/chromium';
import type { StudyAst } from '@studykit/core';
import { rendererStamp } from '@studykit/core/renderer-stamp';
import { type LineageTexts, lineageTexts, type MainView } from './lineage-texts.js';

/** Every text the lineage draws: the main diagram (and which one) and each family's. */
export function lineageInputs(ast: StudyAst, main: MainView = 'auto'): LineageTexts {
  return lineageTexts(ast, main);
}

/**
 * The lineage renderer: its code and mermaid's, the fonts, and the Chromium that lays the diagrams
 * out and prints them.
 */
export function lineageStamp(): string {
  return `${rendererStamp(import.meta.url)} ${chromiumStamp()}`;
}

export { type LineageTexts, lineageTexts, type MainView } from './lineage-texts.js';
