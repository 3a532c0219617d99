/**
 * Escaping for text that comes from content (untrusted). Slidev compiles slide markdown as a Vue
 * template, so every piece of content text ends up HTML-escaped *and* inside a `v-pre` element
 * (see slide-markdown.ts); these helpers only do the escaping part.
 */
import { coverage } from '@studykit/fonts';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escape text for an HTML text node or a double-quoted attribute value. Newlines become spaces, and a
 * character that none of the deck's faces has becomes '?' (else the viewer's system font would draw it).
 */
export function escapeHtml(text: string): string {
  return coverage()
    .drawable(text)
    .replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char)
    .replace(/\r?\n|\r/g, ' ');
}

/**
 * Text for places that Slidev treats as markdown *and* a Vue template without our v-pre wrapper
 * (slide titles in the headmatter and per-slide frontmatter): keep letters, digits, spaces and a few
 * harmless punctuation marks, drop everything else.
 */
export function plainTitle(text: string): string {
  return text
    .replace(/[^\p{L}\p{N} \-().,:/+]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Speaker notes: Slidev renders the last HTML comment of a slide as markdown and inserts the result
 * with v-html in the presenter view. Every character that markdown, KaTeX or HTML could act on
 * becomes a numeric entity (markdown-it decodes it back to a literal character and re-escapes it), and
 * `-` is encoded too so that no `-->` can end the comment early. Paragraph breaks are kept.
 */
export function escapeNote(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) =>
      coverage()
        .drawable(paragraph)
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[^\p{L}\p{N} ,.;?!'’“”，。；：？！、（）]/gu, (char) => `&#${char.codePointAt(0)};`),
    )
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}
