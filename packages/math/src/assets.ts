import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What a page needs to show KaTeX's HTML: its stylesheet and the folder of the fonts it names. */
export interface KatexAssets {
  /** katex.min.css: it names its fonts as `fonts/KaTeX_*.woff2` (and .woff/.ttf) beside itself. */
  css: string;
  /** The folder holding KaTeX's fonts; copy it as `fonts/` next to the stylesheet. */
  fontsDir: string;
  /** KaTeX's version, for output digests: another version may draw differently. */
  version: string;
}

const require = createRequire(import.meta.url);

export function katexAssets(): KatexAssets {
  const css = require.resolve('katex/dist/katex.min.css');
  const { version } = require('katex/package.json') as { version: string };
  return { css, fontsDir: join(dirname(css), 'fonts'), version };
}
