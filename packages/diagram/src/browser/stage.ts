/// <reference lib="dom" />
/** Runs in the page (page.evaluate sends its source): uses only its arguments and the page's globals. */

/** The drawn SVG shown at `width` × `height` CSS px (its viewBox scales the drawing). */
export function sizeStage([width, height]: readonly [number, number]): void {
  const svg = document.querySelector<SVGSVGElement>('#stage > svg');
  if (!svg) throw new Error('nothing is drawn on the stage');
  svg.style.width = `${width}px`;
  svg.style.height = `${height}px`;
}
