/// <reference lib="dom" />
/**
 * Formulas (KaTeX's HTML) laid out on the rendering page and measured: each one's ink box and where
 * its baseline is, so that the PDF outputs set it on the baseline of their text. Runs in the page
 * (page.evaluate sends each function's source): uses only its arguments and the page's globals.
 */

export interface FormulaMarkup {
  html: string;
  /** A `$$…$$` block (KaTeX's display mode). */
  display: boolean;
}

/** In CSS px at the font size the formulas were laid out at. */
export interface FormulaBox {
  width: number;
  /** Above the baseline. */
  height: number;
  /** Below the baseline. */
  depth: number;
  /** Where the box starts inside the formula's own element (placing it on a sheet). */
  offsetX: number;
  offsetY: number;
}

/**
 * Loads KaTeX's stylesheet (once per page), lays the formulas out at `fontPx`, waits for KaTeX's
 * faces and measures them. The style stays until `unmountFormulas`: the sheets printed next use it.
 */
export async function measureFormulas([formulas, fontPx, cssUrl, fallback]: readonly [
  readonly FormulaMarkup[],
  number,
  string,
  string,
]): Promise<FormulaBox[]> {
  if (!document.getElementById('katex-css')) {
    const link = document.createElement('link');
    link.id = 'katex-css';
    link.rel = 'stylesheet';
    link.href = cssUrl;
    const loaded = new Promise<void>((resolve, reject) => {
      link.onload = () => resolve();
      link.onerror = () => reject(new Error(`KaTeX's stylesheet did not load from ${cssUrl}`));
    });
    document.head.append(link);
    await loaded;
  }
  const style = document.createElement('style');
  style.id = 'formula-style';
  // A formula is one unbreakable box with its own line height: measured here and printed on its
  // sheet with the same layout inside it. Display formulas lose KaTeX's margins (the outputs space them).
  // KaTeX's own stack ends in Times New Roman and serif: a character its faces lack (Chinese in
  // \text{…}) is drawn by the kit's faces (`fallback`) instead of whatever the machine has.
  style.textContent = `.formula { display: inline-block; font-size: ${fontPx}px; line-height: normal; white-space: nowrap; }
.formula .katex { font-family: KaTeX_Main, ${fallback}; }
.formula .katex-display { margin: 0; }
#formula-measure { position: absolute; left: 0; top: 0; font-size: ${fontPx}px; }
.formula-marker { display: inline-block; width: 0; height: 0; vertical-align: baseline; }`;
  document.head.append(style);
  const container = document.createElement('div');
  container.id = 'formula-measure';
  container.innerHTML = formulas
    .map(({ html }) => `<div><span class="formula-marker"></span><span class="formula">${html}</span></div>`)
    .join('');
  document.body.append(container);
  container.getBoundingClientRect();
  await document.fonts.ready;
  const boxes = [...container.children].map((line): FormulaBox => {
    const marker = line.querySelector('.formula-marker') as HTMLElement;
    const formula = line.querySelector('.formula') as HTMLElement;
    const baseline = marker.getBoundingClientRect().bottom;
    const wrap = formula.getBoundingClientRect();
    // KaTeX gives every run of its math a strut exactly as tall and deep as the math (.katex-strut): the box's
    // top and bottom. The runs themselves (.katex-base) give its left and right.
    const rectsOf = (selector: string) =>
      [...formula.querySelectorAll(selector)].map((part) => part.getBoundingClientRect());
    const runs = rectsOf('.katex-base, .katex-tag');
    const struts = rectsOf('.katex-strut');
    const across = runs.length > 0 ? runs : [wrap];
    const down = struts.length > 0 ? struts : [wrap];
    const left = Math.min(...across.map((rect) => rect.left));
    const right = Math.max(...across.map((rect) => rect.right));
    const top = Math.min(...down.map((rect) => rect.top));
    const bottom = Math.max(...down.map((rect) => rect.bottom));
    return {
      width: right - left,
      height: baseline - top,
      depth: bottom - baseline,
      offsetX: left - wrap.left,
      offsetY: top - wrap.top,
    };
  });
  container.remove();
  return boxes;
}

/** Drops the formulas' style (after their sheets are printed). */
export function unmountFormulas(): void {
  document.getElementById('formula-style')?.remove();
}
