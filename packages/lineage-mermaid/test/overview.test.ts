import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StudyAst } from '@studykit/core';
import { describe, expect, test } from 'vitest';
import { syntheticLineage } from '../../../tests/corpus/index.mjs';
import { escapeLabel, toOverviewMermaid } from '../src/index.js';
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
