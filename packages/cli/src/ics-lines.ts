/**
 * Content lines of an iCalendar file (RFC 5545 §3.1): at most 75 octets each, a longer one folded
 * with CRLF and one space, never inside a UTF-8 character. The `ics` package (3.12) folds after 75
 * characters instead, up to 225 octets of Chinese, with no option to change it: its output is
 * unfolded and folded again here.
 */

const MAX_OCTETS = 75;

/** One logical line as physical lines of at most 75 octets, joined by CRLF and a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_OCTETS) {
      parts.push(part);
      // The space that marks a continuation counts towards the next line's 75 octets.
      part = ' ';
      octets = 1;
    }
    part += char;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n');
}

/** Folded text back to its logical lines: every CRLF followed by a space or a tab goes. */
export function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

/** A whole calendar (CRLF line ends) with every line folded to at most 75 octets. */
export function foldCalendar(text: string): string {
  return unfold(text).split('\r\n').map(foldLine).join('\r\n');
}
