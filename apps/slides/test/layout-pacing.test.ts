/**
 * Pacing decisions of layoutDeck on a measuring page stand-in whose heights add up (each bullet, label
 * or paragraph 60 px, a body of 400 px; two blocks side by side take the taller one's height): a
 * lead-in stays with its list, a section a little too tall is shown smaller on one slide, and two
 * short blocks that would need two slides go side by side.
 */
import type { List, Paragraph, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { chunkBlocks } from '../src/chunks.js';
import type { SlidePlan } from '../src/deck.js';
import { type LayoutTools, layoutDeck, type Measurer } from '../src/layout-deck.js';
import { stackedRuns } from './stacked-heights.js';

const BODY = { width: 868, height: 400 };
const LINE = 60;

/** Blocks in the html: paragraphs and bullets; inside .sk-columns, the taller column counts. */
function heightOf(html: string): number {
  const count = (part: string) => (part.match(/<(p|li)[ >]/g) ?? []).length * LINE;
  if (!html.includes('sk-columns')) return count(html);
  const columns = html.split('<div>').slice(1);
  return Math.max(...columns.map(count));
}

const measurer: Measurer = {
  box: async () => BODY,
  singles: async (_frame, chunks) => ({
    available: BODY.height,
    heights: chunks.map((c) => heightOf(c.html)),
  }),
  runs: async (_frame, chunks, minZoom = 1) => ({
    available: BODY.height,
    runs: stackedRuns(chunks, heightOf, BODY.height / minZoom),
  }),
  divide: async () => [],
  formulaZooms: async (_frame, htmls) => htmls.map(() => []),
  fit: async (_frame, html) => {
    const used = heightOf(html);
    const zoom = Math.min(1, Math.floor((BODY.height / used) * 100) / 100);
    return { zoom, fits: zoom >= 0.5, used, available: BODY.height };
  },
};
const tools: LayoutTools = {
  measurer,
  drawDiagram: async () => ({ svg: '<svg></svg>', width: 1, height: 1 }),
};

const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] });
const list = (...items: string[]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((item) => ({ type: 'listItem', spread: false, children: [paragraph(item)] })),
});
const plan = (children: RootContent[]): SlidePlan => ({
  kind: 'section',
  title: 'Results',
  kicker: 'ChatGPT · 2022',
  notes: [],
  body: { type: 'flow', chunks: chunkBlocks(children, 'openai/chatgpt.md') },
});

describe('layoutDeck pacing', () => {
  it('never ends a slide on a lead-in whose list starts on the next', async () => {
    // 10 blocks of 60 px: the even split 5 + 5 would end slide one on the lead-in.
    const slides = async (leadIn: string) =>
      (
        await layoutDeck(
          [
            plan([
              paragraph('Qualitative samples only.'),
              list('a', 'b', 'c'),
              paragraph(leadIn),
              list('d', 'e', 'f', 'g', 'h'),
            ]),
          ],
          tools,
          'd',
        )
      ).slides.map((slide) => slide.bodyHtml);
    const [first] = await slides('Limitations:');
    expect(first).toContain('<p>Limitations:</p>');
    expect(first?.endsWith('<p>Limitations:</p>')).toBe(false);
    // A sentence that introduces nothing may end a slide: the test can fail.
    expect((await slides('Limitations.'))[0]?.endsWith('<p>Limitations.</p>')).toBe(true);
  });

  it('shows a section a little taller than its slide on one slide at zoom 0.9 or more', async () => {
    // 7 bullets: 420 px in a 400 px body (444 px at zoom 0.9).
    const layout = await layoutDeck([plan([list('a', 'b', 'c', 'd', 'e', 'f', 'g')])], tools, 'd');
    expect(layout.slides.map((slide) => [slide.title, slide.zoom])).toEqual([['Results', 0.95]]);
  });

  it('sets two short blocks side by side when they would need two slides', async () => {
    // Main findings (label + 3) beside secondary ones (label + 4): 540 px in a row, 300 px side by side.
    const layout = await layoutDeck(
      [plan([paragraph('Main:'), list('a', 'b', 'c'), paragraph('Secondary:'), list('d', 'e', 'f', 'g')])],
      tools,
      'd',
    );
    expect(layout.slides).toHaveLength(1);
    expect(layout.slides[0]?.bodyHtml).toMatch(
      /^<div class="sk-columns"><div><p>Main:<\/p><ul>.*<\/ul><\/div><div><p>Secondary:/,
    );
  });
});
