/**
 * mdast → safe HTML for one slide body. Every text value is HTML-escaped, raw `html` nodes are shown
 * as literal text, links keep only http(s) targets, formulas are KaTeX's HTML (math-html.ts), an
 * image is the deck's copy of its file (a missing one shows its alt text; the deck requests nothing
 * outside its own files). The output never holds a newline: Slidev's markdown layer then sees
 * one HTML line it passes through untouched (no `---` slide breaks, no KaTeX, no markdown syntax).
 */
/// <reference types="mdast-util-math" />
// (`inlineMath` and `math`: core's AST holds them; its built typings do not carry this reference.)

import { displayWidth, safeHttpUrl } from '@studykit/view';
import type { AlignType, ListItem, PhrasingContent, RootContent, Table, TableCell } from 'mdast';
import { contentHtml } from './escape.js';
import { figureFile } from './figures.js';
import { mathHtml } from './math-html.js';

export function phrasingToHtml(nodes: readonly PhrasingContent[]): string {
  const queue = [...nodes];
  let html = '';
  for (let index = 0; index < queue.length; index += 1) {
    const node = queue[index] as PhrasingContent;
    const next = queue[index + 1];
    // A code chip keeps the bracket before it and the punctuation after it on its line: "(" never
    // ends a line with its chip on the next, and no line starts with ")".
    // (A long chip may still break inside, in a narrow column.)
    const glued = node.type === 'inlineCode' && [...node.value].length <= GLUED_CHIP;
    const before = glued ? (html.match(OPENING_END)?.[0] ?? '') : '';
    const after = glued && next?.type === 'text' ? (next.value.match(CLOSING_START)?.[0] ?? '') : '';
    if (!before && !after) {
      html += inlineToHtml(node);
      continue;
    }
    html = `${html.slice(0, html.length - before.length)}<span class="sk-glue">${before}${inlineToHtml(node)}${contentHtml(after)}</span>`;
    if (next?.type === 'text') queue[index + 1] = { type: 'text', value: next.value.slice(after.length) };
  }
  return html;
}

export const GLUED_CHIP = 22;
/** Opening brackets and quotes right before a chip (already escaped: none of them is escaped). */
export const OPENING_END = /[([{“‘«「『（]+$/u;
/** Closing brackets and punctuation right after a chip. */
export const CLOSING_START = /^[)\]}”’»」』）.,;:!?。，；：！？]+/u;

function inlineToHtml(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
      return contentHtml(node.value);
    case 'emphasis':
      return `<em>${phrasingToHtml(node.children)}</em>`;
    case 'strong':
      return `<strong>${phrasingToHtml(node.children)}</strong>`;
    case 'delete':
      return `<del>${phrasingToHtml(node.children)}</del>`;
    case 'inlineCode':
      return `<code>${contentHtml(node.value)}</code>`;
    case 'break':
      return '<br>';
    case 'html':
      return `<span class="sk-raw">${contentHtml(node.value)}</span>`;
    case 'link': {
      const href = safeHttpUrl(node.url);
      const label = phrasingToHtml(node.children);
      return href ? linkHtml(href, label) : label;
    }
    case 'linkReference':
      return phrasingToHtml(node.children);
    case 'inlineMath':
      return mathHtml(node.value, false);
    case 'image': {
      // An image inside a line of text stays a line high; on a paragraph of its own it is a figure
      // (chunks.ts). Without its file (check reported why) the alt text stands in.
      const asset = node.data?.asset;
      if (asset)
        return `<img class="sk-inline-image" src="./${figureFile(asset)}" alt="${contentHtml(node.alt ?? '')}" width="${asset.width}" height="${asset.height}">`;
      return node.alt ? `<span class="sk-image-alt">[${contentHtml(node.alt)}]</span>` : '';
    }
    case 'imageReference':
      return node.alt ? `<span class="sk-image-alt">[${contentHtml(node.alt)}]</span>` : '';
    case 'footnoteReference':
      // Core numbered the footnotes; the slide shows their text at the end of the section.
      return `<sup class="sk-fn">${contentHtml(node.label ?? node.identifier)}</sup>`;
    default: {
      // Extensions (math, directives…) end up here: show their text, never their markup.
      const other = node as { value?: unknown };
      return typeof other.value === 'string' ? contentHtml(other.value) : '';
    }
  }
}

export function linkHtml(href: string, labelHtml: string): string {
  return `<a href="${contentHtml(href)}" target="_blank" rel="noopener noreferrer">${labelHtml}</a>`;
}

/** Plain text of any node (for measuring and for sentence splitting). */
export function nodeText(node: RootContent | PhrasingContent | ListItem | TableCell): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ? `[${node.alt}]` : '';
  if ('children' in node) {
    const separator = node.type === 'list' || node.type === 'listItem' || node.type === 'table' ? '\n' : '';
    return (node.children as (RootContent | PhrasingContent)[]).map(nodeText).join(separator);
  }
  return '';
}

export function blockToHtml(node: RootContent): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${phrasingToHtml(node.children)}</p>`;
    case 'heading':
      return `<h3 class="sk-heading">${phrasingToHtml(node.children)}</h3>`;
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start = node.ordered && node.start != null && node.start !== 1 ? ` start="${node.start}"` : '';
      return `<${tag}${start}>${node.children.map(listItemToHtml).join('')}</${tag}>`;
    }
    case 'listItem':
      return `<ul>${listItemToHtml(node)}</ul>`;
    case 'table':
      return tableToHtml(node, node.children.slice(1));
    case 'code':
      return `<pre class="sk-code"><code>${node.value
        .split(/\r?\n/)
        .map((line) => contentHtml(line))
        .join('&#10;')}</code></pre>`;
    case 'blockquote':
      return `<blockquote>${node.children.map(blockToHtml).join('')}</blockquote>`;
    case 'thematicBreak':
      return '<hr>';
    case 'math':
      return mathHtml(node.value, true);
    case 'html':
      return `<p class="sk-raw">${contentHtml(node.value)}</p>`;
    case 'yaml':
    case 'definition':
    case 'footnoteDefinition':
      return '';
    default:
      return 'children' in node || 'value' in node ? `<p>${contentHtml(nodeText(node))}</p>` : '';
  }
}

export function listItemToHtml(item: ListItem): string {
  const check = item.checked == null ? '' : item.checked ? '☑ ' : '☐ ';
  // A tight item's single paragraph is rendered inline so bullets line up with the text.
  const [first, ...rest] = item.children;
  const body =
    first?.type === 'paragraph' && !item.spread
      ? phrasingToHtml(first.children) + rest.map(blockToHtml).join('')
      : item.children.map(blockToHtml).join('');
  return `<li>${check}${body}</li>`;
}

/** A table with the given header row (the table's first row) and a subset of its body rows. */
export function tableToHtml(table: Table, bodyRows: Table['children']): string {
  const [header] = table.children;
  const align = columnAlignment(table);
  const cell = (tag: 'th' | 'td', content: TableCell, index: number) => {
    const alignment = align[index];
    const classes = [
      alignment ? `sk-align-${alignment}` : '',
      hasLongWord(nodeText(content)) ? 'sk-break' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return `<${tag}${classes ? ` class="${classes}"` : ''}>${cellHtml(content.children)}</${tag}>`;
  };
  const head = header
    ? `<thead><tr>${header.children.map((c, i) => cell('th', c, i)).join('')}</tr></thead>`
    : '';
  const body = bodyRows
    .map((row) => `<tr>${row.children.map((c, i) => cell('td', c, i)).join('')}</tr>`)
    .join('');
  const columns = header?.children.length ?? 0;
  const compact = columns > 5 || tableTextWidth(table) > 110 ? ' sk-table-compact' : '';
  return `<table class="sk-table${compact}">${head}<tbody>${body}</tbody></table>`;
}

/** A number, maybe with a unit or sign: "768", "1.5B", "72.31 %", "~300B", "−2.1". */
const NUMERIC = /^[~≈<>≤≥+−-]?\s*\d[\d.,\u202f ]*\s*(%|[KMBTkmbt]|×)?$/u;

/** The GFM alignment of each column; a column without one whose filled cells are all numbers is right-aligned. */
function columnAlignment(table: Table): AlignType[] {
  const [, ...rows] = table.children;
  const columns = table.children[0]?.children.length ?? 0;
  return Array.from({ length: columns }, (_, index) => {
    const given = table.align?.[index];
    if (given) return given;
    const filled = rows.map((row) =>
      nodeText(row.children[index] ?? { type: 'tableCell', children: [] }).trim(),
    );
    const values = filled.filter(Boolean);
    return values.length > 0 && values.every((value) => NUMERIC.test(value)) ? 'right' : null;
  });
}

/** A short hyphenated word ("ChatGLM-6B", "GPT-3") is never broken at its hyphen in a narrow column. */
const HYPHENATED = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;
const NO_BREAK_LENGTH = 14;

function cellHtml(children: readonly PhrasingContent[]): string {
  return children
    .map((child) => {
      if (child.type !== 'text') return phrasingToHtml([child]);
      let html = '';
      let at = 0;
      for (const match of child.value.matchAll(HYPHENATED)) {
        if ([...match[0]].length > NO_BREAK_LENGTH) continue;
        html += `${contentHtml(child.value.slice(at, match.index))}<span class="sk-nobreak">${contentHtml(match[0])}</span>`;
        at = match.index + match[0].length;
      }
      return html + contentHtml(child.value.slice(at));
    })
    .join('');
}

/** Long unbreakable runs (URLs, identifiers) may break anywhere; other cells wrap between words. */
export function hasLongWord(text: string): boolean {
  return text.split(/\s+/).some((word) => word.length > 22);
}

/** Sum over columns of the longest cell text: a rough "how wide does this table want to be". */
export function tableTextWidth(table: Table): number {
  const widths: number[] = [];
  for (const row of table.children) {
    row.children.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, displayWidth(nodeText(cell)));
    });
  }
  return widths.reduce((sum, width) => sum + width, 0);
}
