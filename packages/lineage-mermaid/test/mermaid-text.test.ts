import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Paper } from '@studykit/core';
import { LABELS } from '@studykit/view';
import { describe, expect, test } from 'vitest';
import { paperLabel, toMermaid } from '../src/mermaid-text.js';
import { RELATION_STYLES } from '../src/relation-styles.js';
import { FIXTURE, study } from './fixture.js';
import { HOSTILE_LABELS } from './hostile.js';

const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));

/** Compare with the golden file; `UPDATE_GOLDEN=1` rewrites it after a deliberate change. */
function expectGolden(name: string, actual: string) {
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden(name), actual);
  expect(actual).toBe(readFileSync(golden(name), 'utf8'));
}

function paperById(id: string): Paper {
  const paper = FIXTURE.papers.find((candidate) => candidate.id === id);
  if (!paper) throw new Error(`fixture has no paper ${id}`);
  return paper;
}

/** Node id → label, from `nX["…"]` definitions. */
function nodes(text: string): Map<string, string> {
  return new Map(
    [...text.matchAll(/^\s*(n\d+)\["([^"]*)"\]/gm)].map((m) => [m[1] as string, m[2] as string]),
  );
}

describe('toMermaid', () => {
  test('matches the golden diagram for the fixture', () => {
    expectGolden('lineage.mmd', toMermaid(FIXTURE));
    expectGolden('lineage-glm.mmd', toMermaid(FIXTURE, { family: 'glm' }));
  });

  test('draws every paper once, labelled with short name, year and largest size', () => {
    const text = toMermaid(FIXTURE);
    const labels = [...nodes(text).values()];
    expect(labels).toHaveLength(FIXTURE.papers.length);
    for (const paper of FIXTURE.papers) expect(labels).toContain(paperLabel(paper));
    expect(labels).toContain('GPT-3 · 2020 · 175B');
    expect(labels).toContain('ChatGPT · 2022');
  });

  test('draws every builds_on edge with its kind’s arrow, between the right nodes', () => {
    const text = toMermaid(FIXTURE);
    const idOf = new Map([...nodes(text)].map(([id, label]) => [label, id]));
    for (const edge of FIXTURE.edges) {
      const from = idOf.get(paperLabel(paperById(edge.from)));
      const to = idOf.get(paperLabel(paperById(edge.to)));
      const arrow = RELATION_STYLES[edge.kind].arrow;
      const label = edge.label ? `\\|"${edge.label}"\\|` : '';
      expect(text).toMatch(new RegExp(`^  ${from} ${arrow.replace(/[.]/g, '\\.')}${label} ${to}$`, 'm'));
    }
    const links = text.split('\n').filter((line) => /^ {2}n\d+ \S+ n\d+$/.test(line) || /\|"/.test(line));
    expect(links.filter((line) => !line.includes('~~~'))).toHaveLength(FIXTURE.edges.length);
  });

  test('one subgraph per family, coloured with a hex classDef, and a legend for the kinds used', () => {
    const text = toMermaid(FIXTURE);
    for (const family of FIXTURE.families) expect(text).toContain(`["${family.name.replace('/', '/')}"]`);
    expect(text.match(/^ {2}subgraph f\d+\[/gm)).toHaveLength(FIXTURE.families.length);
    expect(text).toContain('classDef fam1 fill:#10a37f');
    expect(text).toContain('classDef fam4 fill:#cc3333'); // #c33 expanded
    for (const kind of new Set(FIXTURE.edges.map((edge) => edge.kind)))
      expect(text).toContain(`["${LABELS.en.relationNames[kind]}"]`);
  });

  test('papers are declared in year order inside each family', () => {
    const text = toMermaid(FIXTURE, { family: 'openai' });
    const years = [...nodes(text).values()].map((label) => Number(label.split(' · ')[1]));
    expect(years).toEqual([...years].sort());
  });

  test('links each paper to its url, and only http(s) urls', () => {
    const ast = study(
      [{ id: 'f', name: 'F', colour: '#123456', order: 1 }],
      [
        { id: 'a', family: 'f', short: 'A', year: 2020, url: 'javascript:alert(1)' },
        { id: 'b', family: 'f', short: 'B', year: 2021, url: 'https://example.org/x?q="a b"&p=100%%' },
        { id: 'c', family: 'f', short: 'C', year: 2022, url: 'data:text/html,<script>' },
      ],
    );
    const clicks = toMermaid(ast)
      .split('\n')
      .filter((line) => line.includes('click'));
    expect(clicks).toEqual(['  click n2 href "https://example.org/x?q=%22a%20b%22&p=100%25%25" _blank']);
    expect(toMermaid(FIXTURE)).toContain('click n3 href "https://arxiv.org/abs/2005.14165" _blank');
  });

  test('a family diagram holds its papers, the edges among them and dimmed outside predecessors', () => {
    const text = toMermaid(FIXTURE, { family: 'llama' });
    const labels = [...nodes(text).values()];
    expect(labels.sort()).toEqual([
      'Alpaca · 2023 · 7B',
      'GPT-3 · 2020 · 175B',
      'InstructGPT · 2022 · 175B',
      'LLaMA · 2023 · 65B',
    ]);
    expect(text).toMatch(/^ {2}n\d+\["GPT-3 · 2020 · 175B"\]:::outside$/m);
    expect(text).not.toContain('GPT-2');
    expect(() => toMermaid(FIXTURE, { family: 'nope' })).toThrow(
      /Unknown family "nope" \(known families: [^)]+\)\./,
    );
  });

  test('hostile text stays inside its quotes: ids are generated, no statement is injected', () => {
    const ast = study(
      [{ id: 'evil', name: HOSTILE_LABELS.join(' '), colour: '#abc', order: 1 }],
      HOSTILE_LABELS.map((label, i) => ({
        id: `p${i}`,
        family: 'evil',
        short: label,
        year: 2000 + i,
        ...(i > 0 ? { buildsOn: [{ id: `p${i - 1}`, label }] } : {}),
      })),
    );
    const text = toMermaid(ast);
    const clean = toMermaid(
      study(
        [{ id: 'evil', name: 'x', colour: '#abc', order: 1 }],
        HOSTILE_LABELS.map((_, i) => ({
          id: `p${i}`,
          family: 'evil',
          short: 'x',
          year: 2000 + i,
          ...(i > 0 ? { buildsOn: [{ id: `p${i - 1}`, label: 'x' }] } : {}),
        })),
      ),
    );
    // Same statements, line for line, as with harmless labels: only the quoted text differs.
    const shape = (t: string) => t.split('\n').map((line) => line.replace(/"[^"]*"/g, '""'));
    expect(shape(text)).toEqual(shape(clean));
    expect(text).not.toMatch(/%%\{/);
    expect(text).not.toContain('`');
    // Core validates colours as hex (renderers trust the AST); #rgb is drawn as #rrggbb.
    expect(text).toContain('classDef fam1 fill:#aabbcc');
    expect(text).toContain('中文标签');
  });
});

describe('the legend option', () => {
  test('is drawn by default and left out with legend: false (decks have no room for it)', () => {
    expect(toMermaid(FIXTURE)).toContain('Relation kinds');
    const withoutLegend = toMermaid(FIXTURE, { legend: false });
    expect(withoutLegend).not.toContain('Relation kinds');
    expect(withoutLegend).not.toMatch(/^\s*k\d+a@/m);
    for (const paper of FIXTURE.papers) expect(withoutLegend).toContain(paper.short.split(' ')[0] as string);
  });
});

describe('concurrent work', () => {
  test('is a dotted grey line without an arrowhead, named in the legend', () => {
    const text = toMermaid(
      study(
        [
          { id: 'a', name: 'Lab A', colour: '#10a37f', order: 1 },
          { id: 'b', name: 'Lab B', colour: '#d97757', order: 2 },
        ],
        [
          { id: 'first', family: 'a', short: 'First', year: 2022 },
          {
            id: 'second',
            family: 'b',
            short: 'Second',
            year: 2022,
            buildsOn: [{ id: 'first', kind: 'concurrent', label: 'same idea, same spring' }],
          },
        ],
      ),
    );
    const idOf = new Map([...nodes(text)].map(([id, label]) => [label, id]));
    const [first, second] = [idOf.get('First · 2022'), idOf.get('Second · 2022')];
    expect(text).toMatch(new RegExp(`^  ${first} ---\\|"same idea, same spring"\\| ${second}$`, 'm'));
    expect(text).toMatch(/linkStyle 0,1 stroke:#64748b,stroke-width:2px,stroke-dasharray:2 4$/m);
    expect(text).toContain(`"${LABELS.en.relationNames.concurrent}"`);
    expect(LABELS.en.relationNames.concurrent).toBe('concurrent work');
  });
});

describe('the only option (one era of a family on its own slide)', () => {
  test('draws those papers in the family box and what they build on as dim stubs outside it', () => {
    const era = toMermaid(FIXTURE, { family: 'openai', only: ['gpt-3', 'codex'], legend: false });
    const box = era.slice(era.indexOf('subgraph f1'), era.indexOf('  end'));
    expect(box).toContain('"GPT-3 · 2020 · 175B"');
    expect(box).toContain('"Codex · 2021 · 12B"');
    expect(box).not.toContain('GPT-2');
    // GPT-2 (an earlier era) is a stub, GPT-1 (not built on by this era) is left out.
    expect(era).toMatch(/^ {2}n\d+\["GPT-2 · 2019 · 1\.5B"\]:::outside$/m);
    expect(era).not.toContain('GPT-1');
  });
});
