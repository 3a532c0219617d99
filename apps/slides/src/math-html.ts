/**
 * A formula as deck HTML: KaTeX's HTML, typeset now (the deck runs no script for it) with
 * `trust: false` (@studykit/math), made inert for every layer it passes through. Its text is
 * entity-encoded (no `{{`, `$`, `*` or `-->` survives as a character for Vue, Slidev's markdown or a
 * note's comment to act on) and a `-` in an attribute value becomes `&#45;` (KaTeX writes negative
 * margins; a note must never hold `--`).
 */
import { texToHtml } from '@studykit/math';
import { contentHtml } from './escape.js';

/** KaTeX's own escapes in text (its `escape`): decoded before the text is encoded our way. */
const KATEX_ESCAPES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
};

export function mathHtml(tex: string, display: boolean): string {
  let html: string;
  try {
    html = texToHtml(tex, display);
  } catch {
    // `studykit check` reports the formula at its line; the slide shows what was written.
    return `<code class="sk-math-error">${contentHtml(tex)}</code>`;
  }
  const inert = inertHtml(html.replace(/\r?\n/g, ' '));
  return display ? `<div class="sk-math">${inert}</div>` : inert;
}

/** Tags keep their names; attribute values lose `-`; text keeps only letters, digits and spaces. */
export function inertHtml(html: string): string {
  return html.replace(/(<[^>]*>)|([^<]+)/g, (_, tag: string | undefined, text: string | undefined) =>
    tag !== undefined
      ? tag.replace(/"[^"]*"/g, (value) => value.replace(/-/g, '&#45;'))
      : encodeText(text ?? ''),
  );
}

function encodeText(text: string): string {
  return text
    .replace(/&(?:amp|lt|gt|quot|#x27);/g, (entity) => KATEX_ESCAPES[entity] ?? entity)
    .replace(/[^\p{L}\p{N} ]/gu, (char) => `&#${char.codePointAt(0)};`);
}
