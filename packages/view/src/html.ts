const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * The one HTML escaper of every output: text from content (untrusted) made safe for an HTML text
 * node or a quoted attribute value (double or single quotes). Only the five characters HTML acts on
 * change; everything else, newlines included, is kept as it is.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}
