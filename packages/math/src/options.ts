import type { KatexOptions } from 'katex';

/**
 * The options of every KaTeX call. `trust: false`: notes are data, so `\href{javascript:…}`,
 * `\includegraphics` and `\htmlClass` are refused, never turned into links or markup. `maxSize` and
 * `maxExpand` bound what a hostile formula can cost (a macro bomb, a 10⁶ em rule).
 */
export const KATEX_OPTIONS = {
  output: 'html',
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  maxSize: 50,
  maxExpand: 500,
} as const satisfies KatexOptions;
