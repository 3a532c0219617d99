/**
 * What a handout reads, for the CLI's output digests: exactly `renderHandout`'s options, the deck's PDF
 * by its digest and the output language's words by their language. Light: no pdf-lib, no typesetter.
 */
import { createHash } from 'node:crypto';
import { chromiumStamp } from '@studykit/browser/chromium';
import { rendererStamp } from '@studykit/core/renderer-stamp';
import { LABELS } from '@studykit/view';
import type { RenderHandoutOptions } from './render-handout.js';

export function handoutInputs(options: RenderHandoutOptions): unknown {
  const { deckPdf, slides, layout, paperSize, header, words, path } = options;
  return {
    deckPdf: createHash('sha256').update(deckPdf).digest('hex'),
    slides,
    layout: layout ?? 'notes',
    paperSize: paperSize ?? 'a4',
    header: { study: header.study, subject: header.subject, date: header.date.toISOString() },
    // The words are functions too: the catalogue they come from stands for them.
    language: Object.entries(LABELS).find(([, labels]) => labels === words)?.[0] ?? words.handout,
    path,
  };
}

/**
 * The handout renderer: its code, the typesetter's, pdf-lib and the report's faces, and the Chromium
 * that prints the formulas of the notes.
 */
export function handoutStamp(): string {
  return `${rendererStamp(import.meta.url)} ${chromiumStamp()}`;
}
