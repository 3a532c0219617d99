/// <reference lib="dom" />
/**
 * Printing several drawn SVGs as one PDF, a page each the size of its diagram (CSS named pages).
 * Runs in the page (page.evaluate sends each function's source): uses only its arguments and the
 * page's globals.
 */

export interface Sheet {
  /**
   * What the page shows: a drawn SVG's markup (without its XML declaration, stretched to the page),
   * or other markup the caller made (a formula, an <img> of a content SVG) laid out at its own size.
   */
  html: string;
  /** Page size in CSS px. */
  width: number;
  height: number;
}

/** Hides the stage and lays out one named page per sheet; resolves once their fonts are ready. */
export async function mountSheets(sheets: readonly Sheet[]): Promise<void> {
  const style = document.createElement('style');
  style.id = 'print-sheets';
  // One spare pixel a page: rounding must never spill a sliver onto a page of its own.
  style.textContent = `#stage { display: none; }\n${sheets
    .map(
      (sheet, index) =>
        `@page sheet${index} { size: ${sheet.width}px ${sheet.height + 1}px; margin: 0; }\n` +
        `.sheet${index} { page: sheet${index}; position: relative; width: ${sheet.width}px; height: ${sheet.height}px; overflow: hidden; line-height: 0; }`,
    )
    .join('\n')}`;
  const container = document.createElement('div');
  container.id = 'print-sheets-body';
  container.innerHTML = sheets
    .map((sheet, index) => `<div class="sheet${index}">${sheet.html}</div>`)
    .join('');
  sheets.forEach((sheet, index) => {
    const svg = container.querySelector<SVGSVGElement>(`.sheet${index} > svg`);
    if (!svg) return;
    svg.style.width = `${sheet.width}px`;
    svg.style.height = `${sheet.height}px`;
  });
  document.head.append(style);
  document.body.append(container);
  await document.fonts.ready;
}

/** Back to the stage alone, ready for the next diagram. */
export function unmountSheets(): void {
  document.getElementById('print-sheets')?.remove();
  document.getElementById('print-sheets-body')?.remove();
}

/** The title Chromium writes into the PDF it prints next (its /Title). */
export function titleDocument(title: string): void {
  document.title = title;
}
