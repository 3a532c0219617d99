/**
 * Text inside BibTeX field braces. BibTeX counts every brace, escaped or not, so `{` and `}` become
 * brace-free commands; LaTeX's special characters are escaped; Unicode (Chinese, emoji) is written
 * as is, which biber and LaTeX with UTF-8 input read directly.
 */

import { plainUrl, withoutControls } from './plain-text.js';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  // In LaTeX's default font encoding these print as ¡ ¿ — and ` is an opening quote.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '`': '\\textasciigrave{}',
};

/**
 * Plain text as a BibTeX field value. Control characters are dropped, whitespace runs (a newline
 * would be a paragraph) become one space, and an empty group splits TeX's ligatures so that "--" and
 * "''" print as typed, not as a dash or a closing quote.
 */
export function escapeBibtex(text: string): string {
  return withoutControls(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}$&%#_^~<>|`]/g, (char) => SPECIAL[char] ?? char)
    .replace(/([-',])(?=\1)/g, '$1{}');
}

/**
 * A title whose acronyms and model names keep their capitals when a style sentence-cases it
 * ("GPT-3" → "{GPT}-3", "LLaMA" → "{LLaMA}"): words with a capital after their first letter, or with
 * capitals and digits, are braced; ordinary capitalised words stay free for the style to lower.
 */
export function caseProtected(title: string): string {
  return escapeBibtex(title).replace(/[\p{L}\p{M}\p{N}]+/gu, (word) =>
    /\p{Lu}/u.test(word.slice(1)) || (/\p{Lu}/u.test(word) && /\p{N}/u.test(word)) ? `{${word}}` : word,
  );
}

/**
 * A URL for the `url` field, which biber and the url package read verbatim (`%`, `#`, `&` and `_` as
 * written): only braces and backslashes, which BibTeX counts or reads as commands, and what cannot
 * stand in a URL (spaces, controls) are percent-encoded.
 */
export function bibtexUrl(url: string): string {
  return plainUrl(url).replace(/[{}\\]/g, (char) => encodeURIComponent(char));
}
