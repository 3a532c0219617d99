/**
 * Vector PDFs printed by Chromium from drawn diagrams: one diagram on a page its size, or several
 * already drawn SVGs a page each. Dated `date` with an /ID from their content (reproduciblePdf), so
 * the same diagrams give the same bytes.
 */
import { reproduciblePdf } from '@studykit/browser';
import type { Page } from 'playwright-core';
import { mountSheets, type Sheet, titleDocument, unmountSheets } from './browser/print-sheets.js';
import { sizeStage } from './browser/stage.js';
import { CAPTURE_LIMITS, type CaptureLimits, pdfScaleFor } from './capture-limits.js';
import { type RenderedSvg, XML_DECLARATION } from './draw-svg.js';

export interface PrintOptions {
  /** The date the PDF carries (/CreationDate and /ModDate). */
  date: Date;
  /** Its /Title. */
  title: string;
}

/** The diagram on the stage as one vector page its size (scaled down to fit a PDF page when larger). */
export async function printDiagram(
  page: Page,
  width: number,
  height: number,
  limits: CaptureLimits,
  options: PrintOptions,
): Promise<Uint8Array> {
  const scale = pdfScaleFor(width, height, limits);
  const [pageWidth, pageHeight] = [Math.ceil(width * scale), Math.ceil(height * scale)];
  await page.evaluate(sizeStage, [width * scale, height * scale] as const);
  await page.evaluate(titleDocument, options.title);
  const pdf = await withTimeout(
    page.pdf({
      width: `${pageWidth}px`,
      // One spare pixel: rounding must never spill a sliver onto a second page.
      height: `${pageHeight + 1}px`,
      margin: { top: '0', right: '0', bottom: '0', left: '0' },
      printBackground: true,
      pageRanges: '1',
    }),
    limits.timeoutMs,
    'page.pdf',
  );
  return reproduciblePdf(pdf, options.date);
}

/**
 * Already drawn SVGs as one vector PDF, a page each, every page the size of its diagram (CSS named
 * pages). Their embedded fonts are left out: the page has the same faces whole (and one document
 * cannot hold several subsets under one family name).
 */
export function printSheets(
  page: Page,
  diagrams: readonly RenderedSvg[],
  limits: Pick<CaptureLimits, 'pdfSide' | 'timeoutMs'>,
  options: PrintOptions,
): Promise<Uint8Array> {
  return printMarkup(page, sheetsFor(diagrams, limits.pdfSide), limits, options);
}

/** Sheets of markup (a formula, an image), a page each the size of its sheet, as one vector PDF. */
export async function printMarkup(
  page: Page,
  sheets: readonly Sheet[],
  limits: Pick<CaptureLimits, 'timeoutMs'>,
  options: PrintOptions,
): Promise<Uint8Array> {
  await page.evaluate(mountSheets, sheets);
  try {
    await page.evaluate(titleDocument, options.title);
    const pdf = await withTimeout(
      page.pdf({ preferCSSPageSize: true, printBackground: true }),
      limits.timeoutMs,
      'page.pdf',
    );
    return reproduciblePdf(pdf, options.date);
  } finally {
    await page.evaluate(unmountSheets);
  }
}

function sheetsFor(diagrams: readonly RenderedSvg[], pdfSide: number): Sheet[] {
  return diagrams.map(({ svg, width, height }) => {
    const scale = pdfScaleFor(width, height, { ...CAPTURE_LIMITS, pdfSide });
    return {
      html: svg.replace(XML_DECLARATION, '').replace(/@font-face\s*\{[^}]*\}/g, ''),
      width: Math.ceil(width * scale),
      height: Math.ceil(height * scale),
    };
  });
}

/** Playwright's page.pdf takes no timeout: a print that hangs fails after `ms` instead. */
function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: Timeout ${ms}ms exceeded`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
