import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StudyAst } from '@studykit/core';
import { describe, expect, test } from 'vitest';
import { syntheticLineage } from '../../../tests/corpus/index.mjs';
import {
  CAPTURE_LIMITS,
  escapeLabel,
  mainViewFor,
  OVERVIEW_ABOVE_PAPERS,
  oneLine,
  pdfScaleFor,
  pngScaleFor,
  toOverviewMermaid,
} from '../src/index.js';
import { FIXTURE, study } from './fixture.js';

/** Family node → its two label lines, from `nX["name<br>facts"]:::famX`. */
function familyNodes(text: string): { name: string; facts: string }[] {
  return [...text.matchAll(/^ {2}n\d+\["([^"<]*)<br>([^"]*)"\]:::fam\d+$/gm)].map((m) => ({
    name: m[1] as string,
    facts: m[2] as string,
  }));
}

/** `nA -->|"N links"| nB` → counts. */
function arrows(text: string): { from: string; to: string; count: number }[] {
  return [...text.matchAll(/^ {2}(n\d+) -->\|"(\d+) links?"\| (n\d+)$/gm)].map((m) => ({
    from: m[1] as string,
    count: Number(m[2]),
    to: m[3] as string,
  }));
}

describe('toOverviewMermaid', () => {
  const ast = syntheticLineage(200) as StudyAst;
  const text = toOverviewMermaid(ast);

  test('matches the golden overview of the fixture (UPDATE_GOLDEN=1 rewrites it)', () => {
    const golden = fileURLToPath(new URL('./golden/lineage-overview.mmd', import.meta.url));
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, toOverviewMermaid(FIXTURE));
    expect(toOverviewMermaid(FIXTURE)).toBe(readFileSync(golden, 'utf8'));
  });

  test('one node per family: its name, paper count and years, in order of the first paper', () => {
    const nodes = familyNodes(text);
    expect(nodes).toHaveLength(ast.families.length);
    expect(nodes[0]).toEqual({ name: 'Family 1 (OpenAI)', facts: '25 papers · 2000–2006' });
    for (const family of ast.families) {
      const papers = ast.papers.filter((paper) => paper.family === family.id);
      const years = papers.map((paper) => paper.year);
      const node = nodes.find((n) => n.name === escapeLabel(family.name));
      expect(node, family.name).toBeDefined();
      expect(node?.facts).toBe(`${papers.length} papers · ${Math.min(...years)}–${Math.max(...years)}`);
    }
  });

  test('cross-family links are aggregated per ordered pair and counted', () => {
    const found = arrows(text);
    const crossFamily = ast.edges.filter((edge) => edge.crossFamily);
    expect(found.reduce((sum, arrow) => sum + arrow.count, 0)).toBe(crossFamily.length);
    expect(new Set(found.map((a) => `${a.from} ${a.to}`)).size).toBe(found.length);
    expect(found.every((a) => a.from !== a.to)).toBe(true);
    // Thicker the more links an arrow stands for.
    expect(text).toMatch(/linkStyle [\d,]+ stroke:#9ca3af,stroke-width:1\.5px/);
    expect(text).toMatch(/linkStyle [\d,]+ stroke:#374151,stroke-width:4px/);
  });

  test('reads on its own: a note says what a box and an arrow are and where the papers are', () => {
    expect(text).toContain('200 papers in 8 families');
    expect(text).toContain('lineage-#lt;family#gt;.svg');
    expect(text.split('\n')[0]).toMatch(/^%% Overview of the lineage: 200 papers in 8 families/);
  });

  test('hostile family names stay inside their quotes; papers without a family are counted, not lost', () => {
    const hostile = study(
      [
        { id: 'evil', name: '"]; end %%{init: {"theme":"dark"}}%% <br> click', colour: '#123', order: 1 },
        { id: 'good', name: 'Good', colour: '#456', order: 2 },
      ],
      [
        { id: 'a', family: 'evil', short: 'A', year: 2020 },
        { id: 'b', family: 'good', short: 'B', year: 2021, buildsOn: [{ id: 'a' }] },
        { id: 'c', family: 'nowhere', short: 'C', year: 2022, buildsOn: [{ id: 'b' }] },
      ],
    );
    const mmd = toOverviewMermaid(hostile);
    const body = mmd.split('\n').slice(1).join('\n');
    expect(body).not.toContain('%%');
    expect(body).not.toMatch(/<(?!br>)/);
    expect(familyNodes(mmd).map((node) => node.facts)).toEqual([
      '1 paper · 2020',
      '1 paper · 2021',
      '1 paper · 2022',
    ]);
    expect(familyNodes(mmd).at(-1)?.name).toBe('Papers without a family');
    expect(arrows(mmd)).toEqual([
      { from: 'n1', to: 'n2', count: 1 },
      { from: 'n2', to: 'n3', count: 1 },
    ]);
  });

  test('a Chinese study gets Chinese words', () => {
    const chinese = study(
      [
        { id: 'glm', name: '清华 GLM 系列', colour: '#c33', order: 1 },
        { id: 'llama', name: '开源模型', colour: '#0668e1', order: 2 },
      ],
      [
        { id: 'a', family: 'glm', short: '通用语言模型', year: 2021 },
        { id: 'b', family: 'llama', short: 'LLaMA', year: 2023, buildsOn: [{ id: 'a' }] },
      ],
    );
    const mmd = toOverviewMermaid({ ...chinese, study: { ...chinese.study, language: 'zh' } });
    expect(mmd).toContain('"1 条关联"');
    expect(mmd).toContain('1 篇论文 · 2021');
  });
});

describe('mainViewFor', () => {
  test(`more than ${OVERVIEW_ABOVE_PAPERS} papers: the overview; fewer: the detail if it fits; one family: the detail`, () => {
    expect(mainViewFor(syntheticLineage(200) as StudyAst)).toBe('overview');
    expect(mainViewFor(syntheticLineage(OVERVIEW_ABOVE_PAPERS + 1) as StudyAst)).toBe('overview');
    expect(mainViewFor(syntheticLineage(OVERVIEW_ABOVE_PAPERS) as StudyAst)).toBe('try-detail');
    expect(mainViewFor(syntheticLineage(1000, { familyCount: 1 }) as StudyAst)).toBe('detail');
    expect(mainViewFor(syntheticLineage(1000) as StudyAst, 'detail')).toBe('detail');
    expect(mainViewFor(syntheticLineage(12, { familyCount: 3 }) as StudyAst, 'overview')).toBe('overview');
  });
});

describe('capture limits', () => {
  test('the PNG is 2× when it fits, else 1×, else a fraction; never past the pixel or side limit', () => {
    expect(pngScaleFor(2204, 943)).toBe(2);
    expect(pngScaleFor(4916, 3666)).toBe(1);
    expect(pngScaleFor(10_511, 6_277)).toBe(0.69);
    expect(pngScaleFor(20_000, 500)).toBe(0.81); // the 16,384 px side
    expect(pngScaleFor(40_000, 9_000)).toBe(0.29);
    expect(pngScaleFor(80_000, 20_000)).toBeUndefined(); // would need 0.14×
    for (const [w, h] of [
      [2204, 943],
      [17_487, 3_000],
      [33_000, 6_700],
      [5_000, 30_000],
    ] as const) {
      const scale = pngScaleFor(w, h) ?? 0;
      expect(w * scale * h * scale).toBeLessThanOrEqual(CAPTURE_LIMITS.pngPixels);
      expect(Math.max(w, h) * scale).toBeLessThanOrEqual(CAPTURE_LIMITS.pngSide);
    }
  });

  test('the PDF page is the diagram, scaled down past 200 inches', () => {
    expect(pdfScaleFor(2204, 943)).toBe(1);
    expect(pdfScaleFor(38_400, 1_000)).toBe(0.5);
    expect(pdfScaleFor(1_000, 19_200)).toBe(1);
  });
});

describe('oneLine', () => {
  test("drops Playwright's call log and colour codes: one line", () => {
    const playwright = new Error(
      'locator.screenshot: Timeout 29895ms exceeded.\nCall log:\n\u001b[2m  - taking element screenshot\u001b[22m\n\u001b[2m    - disabled all CSS animations\u001b[22m\n',
    );
    expect(oneLine(playwright)).toBe('locator.screenshot: Timeout 29895ms exceeded.');
    const launch = new Error(
      'browserType.launch: Target closed\n=========================== logs ===========================\n<launching> /usr/bin/chromium\n',
    );
    expect(oneLine(launch)).toBe('browserType.launch: Target closed');
    const closed = new Error(
      'browserType.launch: Target page, context or browser has been closed\nBrowser logs:\n\n<launching> /bin/false --headless\n[pid=1] <gracefully close start>',
    );
    expect(oneLine(closed)).toBe('browserType.launch: Target page, context or browser has been closed');
    expect(oneLine('a\n  b\tc')).toBe('a b c');
    expect(oneLine('x'.repeat(1000))).toHaveLength(240);
  });
});
