/// <reference lib="dom" />
/**
 * Font loading on a page, run in Chromium through Playwright's `page.evaluate` (each function's source
 * is sent to the page: they import nothing and use nothing declared outside themselves).
 */

/** Asks for each face (a CSS `font` shorthand) and waits until every one has loaded or failed. */
export async function loadFonts(names: string[]): Promise<void> {
  await Promise.all(names.map((name) => document.fonts.load(name)));
  await document.fonts.ready;
}

/** The families of the page's faces that did not load. */
export function unloadedFonts(): string[] {
  return [...document.fonts].filter((face) => face.status !== 'loaded').map((face) => face.family);
}

/** Resolves once every face the page has asked for so far has loaded or failed. */
export async function fontsReady(): Promise<void> {
  await document.fonts.ready;
}
