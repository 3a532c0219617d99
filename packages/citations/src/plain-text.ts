/**
 * What text from content may carry into a file other tools read. Control characters are no text:
 * NUL, BEL, ESC and the other C0 and C1 controls, and the bidirectional controls (U+202E RIGHT-TO-LEFT
 * OVERRIDE and its kin), which reorder what a reader sees around them ("Trojan Source"). A reference
 * manager or a calendar passes them on to everything it shows, so they never leave the kit.
 */

/** Line and paragraph breaks and tabs: they separate words, so they become spaces. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
const CONTROLS = /[\p{Cc}\p{Bidi_Control}]/gu;

/** Text with its breaks as spaces and every other control character dropped. */
export function withoutControls(text: string): string {
  return text.replace(BREAKS, ' ').replace(CONTROLS, '');
}

/**
 * A URL as written, with the characters that cannot stand in one as written (white space, controls)
 * percent-encoded, as a browser encodes them when it follows the link. Nothing else changes: `%2F`
 * stays `%2F`.
 */
export function plainUrl(url: string): string {
  return url.trim().replace(/[\s\p{Cc}\p{Bidi_Control}]/gu, (char) => encodeURIComponent(char));
}
