/// <reference lib="dom" />
/**
 * Checks on a built deck open on Slidev's print route, run in Chromium through Playwright (each
 * function's source is sent to the page: they import nothing and use nothing declared outside
 * themselves). print-deck.ts is the Node side.
 */

/** A slide of the built deck whose content passes the frame's content edge (canvas pixels). */
export interface Overflow {
  /** 0-based slide index. */
  slide: number;
  below: number;
  right: number;
}

/** Whether the print route shows all `count` slides, each rendered (none still loading). */
export function allSlidesRendered(count: number): boolean {
  const containers = [...document.querySelectorAll('#export-content .print-slide-container')];
  return (
    containers.length === count &&
    document.querySelectorAll('.slidev-slide-loading').length === 0 &&
    containers.every((slide) => slide.querySelector('.sk-slide'))
  );
}

/**
 * Every slide whose content passes its frame's content edge: what layout-deck.ts promised (the
 * padding holds the slide number).
 */
export function findOverflows(): Overflow[] {
  const found: Overflow[] = [];
  document.querySelectorAll('#export-content .print-slide-container').forEach((container, slide) => {
    const frame = container.querySelector<HTMLElement>('.slidev-layout');
    if (!frame) return;
    const r = frame.getBoundingClientRect();
    // The print route may scale slides: measure in the frame's own pixels.
    const scale = r.width / frame.offsetWidth || 1;
    const style = getComputedStyle(frame);
    const bottom = r.bottom - Number.parseFloat(style.paddingBottom) * scale;
    const right = r.right - Number.parseFloat(style.paddingRight) * scale;
    let below = 0;
    let beyond = 0;
    const elements = [...frame.querySelectorAll('.sk-slide *')];
    // What an element inside a clipping box draws past it is not seen (KaTeX draws a root sign's or a
    // stretched delimiter's tail 400em wide inside an overflow-hidden box): that box counts instead.
    const clips = new Set(elements.filter((element) => getComputedStyle(element).overflow !== 'visible'));
    const clipped = (element: Element) => {
      for (let up = element.parentElement; up && up !== frame; up = up.parentElement)
        if (clips.has(up)) return true;
      return false;
    };
    for (const element of elements) {
      if (clipped(element)) continue;
      const b = element.getBoundingClientRect();
      if (b.width === 0 && b.height === 0) continue;
      below = Math.max(below, (b.bottom - bottom) / scale);
      beyond = Math.max(beyond, (b.right - right) / scale);
    }
    if (below > 1 || beyond > 1) found.push({ slide, below, right: beyond });
  });
  return found;
}
