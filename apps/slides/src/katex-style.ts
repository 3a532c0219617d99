/**
 * KaTeX's stylesheet and fonts as a deck carries them: the fonts are written beside the kit's own in
 * `fonts/` (woff2 only: every Chromium reads it), and each KaTeX family falls back to the kit's sans
 * stack instead of the viewer's Times New Roman, so a character KaTeX has no glyph for (Chinese in
 * `\text{}`) is still drawn by a deck font.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cssStack } from '@studykit/fonts';
import { katexAssets } from '@studykit/math';

export interface KatexDeckAssets {
  /** katex.min.css with its fonts at `./fonts/<file>` and the kit's faces as fallbacks. */
  css: string;
  /** The woff2 files its @font-face rules name, to write in the deck's `fonts/`. */
  fonts: { fileName: string; woff2: Uint8Array }[];
  /** Each face as a CSS `font` shorthand, for a page that must load them before measuring. */
  faces: string[];
  version: string;
}

let loading: Promise<KatexDeckAssets> | undefined;

/** Read once per process: every deck with a formula carries the same files. */
export function katexDeckAssets(): Promise<KatexDeckAssets> {
  loading ??= load();
  return loading;
}

async function load(): Promise<KatexDeckAssets> {
  const assets = katexAssets();
  const original = await readFile(assets.css, 'utf8');
  const files: string[] = [];
  const faces: string[] = [];
  const css = rewriteKatexCss(original, cssStack('sans'), (face) => {
    files.push(face.file);
    faces.push(`${face.style} ${face.weight} 16px '${face.family}'`);
  });
  const fonts = await Promise.all(
    files.map(async (fileName) => ({
      fileName,
      woff2: new Uint8Array(await readFile(join(assets.fontsDir, fileName))),
    })),
  );
  return { css, fonts, faces, version: assets.version };
}

export interface KatexFace {
  family: string;
  style: string;
  weight: string;
  /** The woff2 file name. */
  file: string;
}

/** Pure: the stylesheet rewritten as above; `onFace` hears of each @font-face kept. */
export function rewriteKatexCss(css: string, fallback: string, onFace: (face: KatexFace) => void): string {
  // One pass: a family named inside an @font-face rule is that face's name, not a use of it.
  return css
    .replace(/@font-face\{[^}]*\}|font-family:"?KaTeX_\w+"?(?=[;}])/g, (match) =>
      match.startsWith('@') ? fontFace(match, onFace) : `${match},${fallback}`,
    )
    .replace(/(font:normal [\d.]+em KaTeX_Main),[^;}]*/g, `$1,${fallback}`)
    .replace(/\/\*[\s\S]*?\*\//g, '');
}

function fontFace(rule: string, onFace: (face: KatexFace) => void): string {
  const field = (name: string) => new RegExp(`${name}:([^;}]+)`).exec(rule)?.[1]?.replace(/"/g, '') ?? '';
  const file = /url\(fonts\/([\w-]+\.woff2)\)/.exec(rule)?.[1];
  if (!file) return '';
  const face = {
    family: field('font-family'),
    style: field('font-style'),
    weight: field('font-weight'),
    file,
  };
  onFace(face);
  return `@font-face{font-display:block;font-family:${face.family};font-style:${face.style};font-weight:${face.weight};src:url(./fonts/${file}) format("woff2")}`;
}
