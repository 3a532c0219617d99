/**
 * Writes a deck as Slidev markdown. Content never reaches Slidev's markdown or Vue layers as
 * markup: each slide is one line of escaped HTML inside a `v-pre` element (no `{{ }}`, no
 * directives, no markdown syntax, no `---` line), titles in frontmatter are reduced to plain text,
 * and notes are entity-encoded inside the closing comment.
 */
import type { StudyAst } from '@studykit/core';
import { buildDeck, type DeckOptions, type DeckSlide, familyOf } from './deck.js';
import { escapeHtml, escapeNote, plainTitle } from './escape.js';
import { CANVAS_WIDTH, DIAGRAM_HEIGHT } from './layout.js';

export interface SlidevMarkdownOptions extends DeckOptions {
  /** Keep speaker notes in the deck (default true). */
  withNotes?: boolean;
}

/** A tiny inline favicon: the default one is fetched from a CDN. */
export const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%23334155'/%3E%3C/svg%3E";

export function toSlidevMarkdown(
  ast: StudyAst,
  familyId: string,
  options: SlidevMarkdownOptions = {},
): string {
  const family = familyOf(ast, familyId);
  const slides = buildDeck(ast, familyId, options);
  const withNotes = options.withNotes ?? true;
  const headmatter = {
    theme: 'default',
    title: plainTitle(family.name) || family.id,
    info: false,
    colorSchema: 'light',
    aspectRatio: '16/9',
    canvasWidth: CANVAS_WIDTH,
    routerMode: 'hash',
    favicon: FAVICON,
    fonts: { provider: 'none', sans: 'Liberation Sans', serif: 'Liberation Serif', mono: 'DejaVu Sans Mono' },
    transition: 'none',
    drawings: { enabled: false },
    download: false,
    record: false,
    mdc: false,
    comark: false,
    presenter: true,
    selectable: true,
    layout: 'default',
  };
  return slides
    .map((slide, index) => slideMarkdown(slide, index === 0 ? headmatter : {}, withNotes))
    .join('\n')
    .concat('\n');
}

function slideMarkdown(slide: DeckSlide, extra: Record<string, unknown>, withNotes: boolean): string {
  const frontmatter: Record<string, unknown> = {
    ...extra,
    ...(Object.keys(extra).length === 0 ? { title: plainTitle(slide.title) || slide.kind } : {}),
    class: `sk-page sk-page-${slide.kind}`,
  };
  if (slide.zoom !== 1) frontmatter.zoom = slide.zoom;
  const yaml = Object.entries(frontmatter)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  const parts = [`---\n${yaml}\n---`, '', slideHtml(slide)];
  if (slide.mermaid) parts.push('', mermaidBlock(slide.mermaid, slide.diagramZoom ?? 1));
  const notes = withNotes ? slide.notes.map(escapeNote).filter(Boolean).join('\n\n') : '';
  if (notes) parts.push('', `<!--\n${notes}\n-->`);
  return `${parts.join('\n')}\n`;
}

function slideHtml(slide: DeckSlide): string {
  const header = `<header class="sk-header"><p class="sk-kicker">${escapeHtml(slide.kicker)}</p><h1>${escapeHtml(slide.title)}</h1></header>`;
  // The lineage slide's body is the mermaid block that follows this element.
  const body = slide.mermaid ? '' : `<div class="sk-body">${slide.bodyHtml}</div>`;
  return `<div v-pre class="sk-slide sk-${slide.kind}">${header}${body}</div>`;
}

/**
 * The lineage app escapes labels; this only keeps the text inside its fence: no line may close the
 * fence, start a new slide or be taken for frontmatter.
 */
function mermaidBlock(mermaid: string, zoom: number): string {
  const lines = mermaid
    .replace(/`/g, '#96;')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => (/^\s*-{3,}\s*$/.test(line) ? '' : line));
  return [
    `<SkFitDiagram class="sk-diagram" :max-zoom="${zoom}" :height="${DIAGRAM_HEIGHT}">`,
    '',
    '```mermaid',
    ...lines,
    '```',
    '',
    '</SkFitDiagram>',
  ].join('\n');
}

/** Number of slides in markdown written by toSlidevMarkdown (each slide's frontmatter has our class). */
export function slideCount(markdown: string): number {
  return markdown.match(/^class: "sk-page sk-page-/gm)?.length ?? 0;
}
