const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from content (a file name, a value) with its control characters written as escapes (`\n`,
 * `\u001b`): it can neither break a diagnostic's one line nor send codes to the terminal.
 */
export function printable(text: string): string {
  return text.replace(
    /\p{Cc}/gu,
    (char) => ESCAPES[char] ?? `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
