import katex from 'katex';
import { KATEX_OPTIONS } from './options.js';

/**
 * The HTML of one formula (`display`: a `$$…$$` block, else inline), drawn with KaTeX's CSS and fonts
 * (`katexAssets`). Throws KaTeX's ParseError on TeX that check would have reported.
 */
export function texToHtml(tex: string, display: boolean): string {
  return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display });
}
