/**
 * Escaping for text that goes into a mermaid flowchart. Content is untrusted: a label must never end
 * its string, start a statement, carry a `%%{init}%%` directive or inject markup.
 *
 * Rule (held for every hostile label we tried): every label is quoted, and every character that is
 * not a letter, a digit, a space or harmless punctuation becomes a mermaid entity code. `& < >` use
 * the named codes (mermaid decodes those in SVG-text labels too); everything else uses the numeric
 * code point (`#35;`), which mermaid decodes in HTML labels and which `decodeNumericEntities` turns
 * back into the character in SVG-text labels after rendering.
 */
import { safeHttpUrl } from '@studykit/view';

const NAMED: Record<string, string> = { '&': '#amp;', '<': '#lt;', '>': '#gt;' };

/** Characters that mean nothing to mermaid's lexer inside a quoted string. */
const SAFE = /^[\p{L}\p{N} \-_.,/()[\]'+=!?*@$^~{}·–—]$/u;

/** Whitespace and control characters: a newline in a label would start a new statement. */
const BREAKING = /[\p{Cc}\p{Zl}\p{Zp}\s]+/gu;

/** Escape untrusted text for use inside a quoted mermaid label (`"…"`). */
export function escapeLabel(text: string): string {
  let out = '';
  for (const char of text.replace(BREAKING, ' ').trim()) {
    if (SAFE.test(char)) out += char;
    else out += NAMED[char] ?? `#${char.codePointAt(0)};`;
  }
  return out;
}

/** A quoted mermaid label; an empty one becomes a no-break space (mermaid rejects some `""`). */
export function quoteLabel(text: string): string {
  return `"${escapeLabel(text) || '#160;'}"`;
}

/**
 * In SVG-text labels mermaid leaves numeric codes as the literal text `&#35;`: turn them back into
 * characters. Unambiguous because a user's `&` and `#` are always encoded, so a literal `&#` can only
 * come from our own escaping. One pass, so decoded text is never decoded again.
 */
export function decodeNumericEntities(text: string): string {
  return text.replace(/&#(\d{1,7});/g, (whole, digits: string) => {
    const code = Number(digits);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const URL_SAFE = /^[A-Za-z0-9\-._~:/?@!$&'()*+,;=%#[\]]+$/;

/**
 * A url safe to put in a `click … href "…"` statement, or undefined: http(s) only, as the kit's link
 * rule gives it (byte for byte as written when it can be), percent-encoded only where mermaid's
 * syntax needs it so that no quote, space or `%%` (a mermaid comment) remains. Mermaid decodes the
 * href it is given (`%2F` becomes `/`): the page script puts this exact string back after rendering.
 */
export function safeHref(raw: string): string | undefined {
  // The kit's one link rule first (http(s) only), then what mermaid's syntax needs on top of it.
  const safe = safeHttpUrl(raw);
  if (!safe) return undefined;
  const url = new URL(safe);
  if (url.username || url.password) return undefined;
  let href = '';
  for (const char of safe) {
    href += URL_SAFE.test(char) ? char : encodeURIComponent(char);
  }
  // A `%` not starting a %XX escape would let `%%` through.
  href = href.replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
  return URL_SAFE.test(href) && !href.includes('%%') ? href : undefined;
}
