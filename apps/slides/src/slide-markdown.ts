/**
 * Writes a deck as Slidev markdown. Content never reaches Slidev's markdown or Vue layers as
 * markup: each slide is one line of escaped HTML inside a `v-pre` element (no `{{ }}`, no
 * directives, no markdown syntax, no `---` line), titles in frontmatter are reduced to plain text,
 * and notes are lines of HTML with entity-encoded text inside the closing comment (note-html.ts).
 */
import type { DeckTheme, StudyLanguage } from '@studykit/core';
import { FAMILIES } from '@studykit/fonts';
import type { DeckSlide } from './deck.js';
import { contentHtml, plainTitle } from './escape.js';
import { CANVAS_WIDTH } from './layout.js';

export interface SlidevMarkdownOptions {
  /** The deck's title (the family's name). */
  title: string;
  /** The deck's language: its `<html lang>` (screen readers, hyphenation, the browser's font choice). */
  language?: StudyLanguage;
  /** Keep speaker notes in the deck (default true). */
  withNotes?: boolean;
  /** The group's colour scheme (study.md `theme`; default light). */
  theme?: DeckTheme;
}

/** A tiny inline favicon: the default one is fetched from a CDN. */
export const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%23334155'/%3E%3C/svg%3E";

export function toSlidevMarkdown(slides: readonly DeckSlide[], options: SlidevMarkdownOptions): string {
  const withNotes = options.withNotes ?? true;
  const headmatter = {
    theme: 'default',
    title: plainTitle(options.title) || 'deck',
    // The browser tab shows the deck's title alone, not Slidev's "<title> - Slidev".
    titleTemplate: '%s',
    lang: options.language === 'zh' ? 'zh-Hans' : 'en',
    info: false,
    colorSchema: options.theme ?? 'light',
    aspectRatio: '16/9',
    canvasWidth: CANVAS_WIDTH,
    routerMode: 'hash',
    favicon: FAVICON,
    // The deck's own subset faces (style.css): no font service, no system fallbacks.
    fonts: {
      provider: 'none',
      fallbacks: false,
      sans: [FAMILIES.sans, FAMILIES.cjk, FAMILIES.emoji].join(','),
      serif: [FAMILIES.sans, FAMILIES.cjk, FAMILIES.emoji].join(','),
      mono: [FAMILIES.mono, FAMILIES.cjk, FAMILIES.emoji].join(','),
    },
    transition: 'none',
    drawings: { enabled: false },
    // Slidev's in-browser exporter page (#/export) prints the built site; `download` would also start
    // Slidev's own export on the fixed port 12445, where two decks built at once collide.
    download: false,
    browserExporter: true,
    record: false,
    // The images are the deck's own assets (Vite's URLs); Slidev's preloader would ask for the paths
    // as written in the slide instead.
    preloadImages: false,
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
  const yaml = Object.entries(frontmatter)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  const parts = [`---\n${yaml}\n---`, '', slideHtml(slide)];
  const notes = withNotes
    ? slide.notes
        .map((note) => note.html)
        .filter(Boolean)
        .join('\n\n')
    : '';
  if (notes) parts.push('', `<!--\n${notes}\n-->`);
  return `${parts.join('\n')}\n`;
}

/** The slide's HTML on one line; layout-deck.ts measured exactly this structure. */
export function slideHtml(slide: DeckSlide): string {
  const header = `<header class="sk-header"><p class="sk-kicker">${contentHtml(slide.kicker)}</p><h1>${contentHtml(slide.title)}</h1></header>`;
  const zoom = slide.zoom === 1 ? '' : ` style="zoom: ${slide.zoom}"`;
  const body = `<div class="sk-body"><div class="sk-zoom"${zoom}>${slide.bodyHtml}</div></div>`;
  return `<div v-pre class="sk-slide sk-${slide.kind}">${header}${body}</div>`;
}

/** Number of slides in markdown written by toSlidevMarkdown (each slide's frontmatter has our class). */
export function slideCount(markdown: string): number {
  return markdown.match(/^class: "sk-page sk-page-/gm)?.length ?? 0;
}
