/**
 * Wide characters (CJK ideographs, kana, hangul, full-width forms) by Unicode's East Asian Width,
 * through get-east-asian-width: no hand-written range list.
 */
import { eastAsianWidth } from 'get-east-asian-width';

export function isWide(char: string): boolean {
  return eastAsianWidth(char.codePointAt(0) ?? 0) === 2;
}

/** Length in "narrow character" units: a wide character counts as two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char) ? 2 : 1;
  return width;
}
