/**
 * Escaping for text that comes from content (untrusted). Slidev compiles slide markdown as a Vue
 * template, so every piece of content text ends up HTML-escaped *and* inside a `v-pre` element
 * (see slide-markdown.ts); these helpers only do the escaping part.
 */
import { coverage } from '@studykit/fonts';
import { escapeHtml } from '@studykit/view';

/**
 * Content text as deck HTML, for a text node or a double-quoted attribute value: a character that
 * none of the deck's faces has becomes '?' (else the viewer's system font would draw it), newlines
 * become spaces, and the rest is escaped by view's `escapeHtml`, the one HTML escaper of every output.
 */
export function contentHtml(text: string): string {
  return escapeHtml(
    coverage()
      .drawable(text)
      .replace(/\r?\n|\r/g, ' '),
  );
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
 * Text of a speaker note (note-html.ts writes the markup around it): Slidev renders the last HTML
 * comment of a slide as markdown and inserts the result with v-html in the presenter view. Every
 * character that markdown, KaTeX or HTML could act on becomes a numeric entity (markdown-it decodes
 * it back to a literal character and re-escapes it), and `-` is encoded too so that no `-->` can end
 * the comment early. Whitespace runs become one space.
 */
export function noteText(text: string): string {
  return coverage()
    .drawable(text)
    .replace(/\s+/g, ' ')
    .replace(/[^\p{L}\p{N} ,.;?!'’“”，。；：？！、（）]/gu, (char) => `&#${char.codePointAt(0)};`);
}
