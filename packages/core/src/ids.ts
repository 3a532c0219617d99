/**
 * The one id rule for papers, families and meetings. Ids become file and folder names, URL paths and
 * anchors in every output, so they hold only lowercase ASCII letters and digits with single hyphens
 * inside: no `#` or `?` (a deck route would end there), no `%` (a link would be decoded to another
 * path), no space or line break, and short enough for any file system once outputs nest them.
 */
import { printable } from './printable.js';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Output paths nest ids (`slides/<family>/…`, a handout per paper): far below 255-byte file names. */
export const MAX_ID_LENGTH = 64;

/** Why `value` is not an id ("it contains `#`"), or undefined when it is one. */
export function idProblem(value: string): string | undefined {
  if (value.length === 0) return 'it is empty';
  if (value.length > MAX_ID_LENGTH) {
    return `it is ${value.length} characters long (the limit is ${MAX_ID_LENGTH})`;
  }
  const stray = [...value].find((char) => !/[a-z0-9-]/.test(char));
  if (stray !== undefined) return `it contains ${describeCharacter(stray)}`;
  if (value.startsWith('-')) return 'it starts with a hyphen';
  if (value.endsWith('-')) return 'it ends with a hyphen';
  if (value.includes('--')) return 'it has two hyphens in a row';
  return undefined;
}

function describeCharacter(char: string): string {
  if (char === ' ') return 'a space';
  if (char === '\n' || char === '\r') return 'a line break';
  if (/[A-Z]/.test(char)) return `an upper-case letter (\`${char}\`)`;
  if (/[\p{Cc}\p{Cf}\p{Z}]/u.test(char)) {
    return `the invisible character U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `\`${char}\``;
}

/** An id or file name as quoted in a message: control characters escaped, a long one cut. */
export function shownName(value: string): string {
  const shown = printable(value);
  return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
}
