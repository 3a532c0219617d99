import type { List, Paragraph, RootContent, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeNote, plainTitle, safeHttpUrl } from '../src/escape.js';
import { BODY_BUDGET } from '../src/layout.js';
import { blockToHtml } from '../src/mdast-html.js';
import { chunkBlocks, paginate } from '../src/paginate.js';

const text = (value: string) => ({ type: 'text' as const, value });
const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [text(value)] });
const sentence = 'This sentence is about transformers and it is long enough to fill part of a line. ';

function pages(nodes: RootContent[]) {
  return paginate(chunkBlocks(nodes, BODY_BUDGET), BODY_BUDGET);
}

describe('paginate', () => {
  it('keeps a short section on one page', () => {
    expect(pages([paragraph('Short.'), paragraph('Also short.')]).length).toBe(1);
  });

  it('splits a paragraph longer than a page at sentence ends, losing no text', () => {
    const long = sentence.repeat(40).trim();
    const result = pages([paragraph(long)]);
    expect(result.length).toBeGreaterThan(1);
    const shown = result.map((p) => p.html.replace(/<[^>]+>/g, ' ')).join(' ');
    expect(shown.replace(/\s+/g, ' ').trim()).toBe(long.replace(/\s+/g, ' '));
    for (const page of result) expect(page.zoom).toBe(1);
  });

  it('splits a long ordered list between items and continues the numbering', () => {
    const list: List = {
      type: 'list',
      ordered: true,
      start: 1,
      spread: false,
      children: Array.from({ length: 30 }, (_, i) => ({
        type: 'listItem' as const,
        spread: false,
        children: [paragraph(`Item number ${i + 1}`)],
      })),
    };
    const result = pages([list]);
    expect(result.length).toBeGreaterThan(1);
    expect(result[0]?.html.startsWith('<ol>')).toBe(true);
    const itemsOnFirst = result[0]?.html.match(/<li>/g)?.length ?? 0;
    expect(result[1]?.html.startsWith(`<ol start="${itemsOnFirst + 1}">`)).toBe(true);
    expect(result.map((p) => p.html.match(/<li>/g)?.length ?? 0).reduce((a, b) => a + b)).toBe(30);
  });

  it('splits a long table between rows and repeats the header on every page', () => {
    const row = (cells: string[]) => ({
      type: 'tableRow' as const,
      children: cells.map((c) => ({ type: 'tableCell' as const, children: [text(c)] })),
    });
    const table: Table = {
      type: 'table',
      align: [null, 'right'],
      children: [
        row(['Task', 'Score']),
        ...Array.from({ length: 40 }, (_, i) => row([`Task ${i}`, `${i}.0`])),
      ],
    };
    const result = pages([table]);
    expect(result.length).toBeGreaterThan(1);
    for (const page of result) {
      expect(page.html).toMatch(
        /^<table class="sk-table"><thead><tr><th>Task<\/th><th class="sk-align-right">Score<\/th>/,
      );
      expect(page.html.endsWith('</tbody></table>')).toBe(true);
    }
  });

  it('marks a wide table compact so it is scaled down rather than cut off', () => {
    const cells = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const table: Table = {
      type: 'table',
      children: [cells, cells].map((r) => ({
        type: 'tableRow' as const,
        children: r.map((c) => ({ type: 'tableCell' as const, children: [text(c)] })),
      })),
    };
    expect(blockToHtml(table)).toContain('class="sk-table sk-table-compact"');
  });

  it('does not leave a heading alone at the bottom of a page', () => {
    const filler = Array.from({ length: 9 }, () => paragraph(sentence));
    const nodes: RootContent[] = [
      ...filler,
      { type: 'heading', depth: 3, children: [text('Next part')] },
      paragraph('Body'),
    ];
    for (const page of pages(nodes)) expect(page.html.endsWith('</h3>')).toBe(false);
  });

  it('zooms out a page holding one piece too tall to split', () => {
    const code: RootContent = { type: 'code', value: 'x'.repeat(20000) };
    const [page] = pages([code]);
    expect(page?.zoom).toBeLessThan(1);
  });
});

describe('escaping', () => {
  it('escapes HTML and folds newlines', () => {
    expect(escapeHtml(`<a href="x">'&'</a>\n---`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; ---',
    );
  });

  it('keeps only http(s) URLs', () => {
    expect(safeHttpUrl('https://arxiv.org/abs/1')).toBe('https://arxiv.org/abs/1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
  });

  it('makes plain titles', () => {
    expect(plainTitle('Approach (2/3)')).toBe('Approach (2/3)');
    expect(plainTitle('方法 (1/2)')).toBe('方法 (1/2)');
    expect(plainTitle('{{ 7*7 }} <b>x</b>')).toBe('7 7 b x /b');
  });

  it('encodes notes, keeping paragraphs', () => {
    expect(escapeNote('a --> b\n\n{{ c }} $d$')).toBe(
      'a &#45;&#45;&#62; b\n\n&#123;&#123; c &#125;&#125; &#36;d&#36;',
    );
  });
});

describe('balanced pagination', () => {
  const bulletList = (count: number): List => ({
    type: 'list',
    ordered: false,
    spread: false,
    children: Array.from({ length: count }, (_, i) => ({
      type: 'listItem' as const,
      spread: false,
      children: [paragraph(`Short point number ${i + 1}.`)],
    })),
  });
  const itemsPerPage = (nodes: RootContent[]) => pages(nodes).map((p) => p.html.match(/<li>/g)?.length ?? 0);

  it('keeps a list on one slide when it fits the frame', () => {
    // Eleven one-line bullets: 11 × 29 px of text + 10 × 6 px gaps = 379 px of a 398 px body.
    expect(itemsPerPage([bulletList(11)])).toEqual([11]);
  });

  it('splits a list that does not fit evenly, never leaving one item alone on the next slide', () => {
    expect(itemsPerPage([bulletList(12)])).toEqual([6, 6]);
    for (let count = 12; count <= 40; count += 1) {
      const perPage = itemsPerPage([bulletList(count)]);
      expect(perPage.reduce((a, b) => a + b)).toBe(count);
      // As few slides as the greedy fill would use, and no slide more than one item fuller than another.
      expect(perPage.length).toBe(Math.ceil(count / 11));
      expect(Math.max(...perPage) - Math.min(...perPage)).toBeLessThanOrEqual(1);
    }
  });
});
