/**
 * The one order for paths, ids and rules: by Unicode code point. `localeCompare` follows the
 * machine's LANG (Lithuanian puts `yi` before `ilama`, Danish puts `aa-` after `z`), so the same
 * content would give another AST, deck and diagnostics order on another machine.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const left = a.charCodeAt(index);
    const right = b.charCodeAt(index);
    if (left === right) continue;
    // UTF-16 code units order astral characters (surrogate pairs) before U+E000–U+FFFF; code points do not.
    return (a.codePointAt(index) as number) - (b.codePointAt(index) as number);
  }
  return a.length - b.length;
}
