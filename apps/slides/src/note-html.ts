/**
 * Speaker notes as the presenter view shows them: each block of the note is one line of HTML (a
 * paragraph, a list, a display formula), which Slidev's markdown layer passes through as an HTML
 * block without reading markdown in it. Text is entity-encoded (escape.ts `noteText`) and formulas are
 * KaTeX's inert HTML (math-html.ts), so nothing in a note can run, be interpreted, or end its comment.
 */
import type { Block } from '@studykit/core';
import { noteSpans } from '@studykit/view';
import type { ListItem, PhrasingContent, RootContent } from 'mdast';
import type { SlideNote } from './deck.js';
import { noteText } from './escape.js';
import { mathHtml } from './math-html.js';
import { nodeText } from './mdast-html.js';

/** A note (or the part of one that a slide of a split section gets) as a slide carries it. */
export function slideNote(note: Block): SlideNote {
  return { text: note.text, html: noteHtml(note.children), spans: noteSpans(note), children: note.children };
}

/** A note's paragraphs, each one line, separated by a blank line. */
export function noteHtml(children: readonly RootContent[]): string {
  return children
    .map(noteBlock)
    .filter((line) => line.length > 0)
    .join('\n\n');
}

function noteBlock(node: RootContent): string {
  switch (node.type) {
    case 'paragraph':
      return paragraph(node.children);
    case 'heading':
      return `<p><strong>${phrasing(node.children)}</strong></p>`;
    case 'math':
      return mathHtml(node.value, true);
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      return `<${tag}>${node.children.map(listItem).join('')}</${tag}>`;
    }
    case 'code':
      return `<p><code>${noteText(node.value)}</code></p>`;
    case 'blockquote':
      return node.children.map(noteBlock).join('');
    case 'yaml':
    case 'definition':
    case 'footnoteDefinition':
    case 'html':
    case 'thematicBreak':
      return node.type === 'html' ? paragraphText(node.value) : '';
    default:
      return paragraphText(nodeText(node));
  }
}

function paragraph(children: readonly PhrasingContent[]): string {
  const html = phrasing(children).trim();
  return html ? `<p>${html}</p>` : '';
}

function paragraphText(text: string): string {
  const html = noteText(text).trim();
  return html ? `<p>${html}</p>` : '';
}

function listItem(item: ListItem): string {
  return `<li>${item.children
    .map((child) => (child.type === 'paragraph' ? phrasing(child.children) : noteBlock(child)))
    .join(' ')}</li>`;
}

function phrasing(nodes: readonly PhrasingContent[]): string {
  return nodes.map(inline).join('');
}

function inline(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
      return noteText(node.value);
    case 'inlineMath':
      return mathHtml(node.value, false);
    case 'emphasis':
      return `<em>${phrasing(node.children)}</em>`;
    case 'strong':
      return `<strong>${phrasing(node.children)}</strong>`;
    case 'delete':
      return `<del>${phrasing(node.children)}</del>`;
    case 'inlineCode':
      return `<code>${noteText(node.value)}</code>`;
    case 'break':
      return ' ';
    case 'link':
    case 'linkReference':
      return phrasing(node.children);
    default:
      return noteText(nodeText(node));
  }
}
