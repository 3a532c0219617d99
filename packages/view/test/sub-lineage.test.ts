import { describe, expect, it } from 'vitest';
import { subLineage } from '../src/index.js';
import { familyFile, meetingFile, paperFile, study } from './study.js';

// gpt-1 → gpt-2 → gpt-3 → instructgpt; gpt-2 → alpaca (another family); llama-1 → alpaca.
const ast = study([
  familyFile('gpt', 'GPT', 1),
  familyFile('llama', 'LLaMA', 2),
  familyFile('glm', 'GLM', 3),
  paperFile({ id: 'gpt-1', family: 'gpt', year: 2018 }),
  paperFile({ id: 'gpt-2', family: 'gpt', year: 2019, buildsOn: ['gpt-1'] }),
  paperFile({ id: 'gpt-3', family: 'gpt', year: 2020, buildsOn: [{ id: 'gpt-2', kind: 'scales-up' }] }),
  paperFile({ id: 'instructgpt', family: 'gpt', year: 2022, buildsOn: ['gpt-3'] }),
  paperFile({ id: 'llama-1', family: 'llama', year: 2023 }),
  paperFile({ id: 'alpaca', family: 'llama', year: 2023, buildsOn: ['llama-1', 'gpt-2'] }),
  paperFile({ id: 'glm-130b', family: 'glm', year: 2022 }),
  meetingFile('2026-11-19', ['gpt-3']),
]);

const ids = (papers: { id: string }[]) => papers.map((p) => p.id);
const edges = (study: typeof ast) => study.edges.map((e) => `${e.from}→${e.to}`).sort();

describe('subLineage', () => {
  it("holds a meeting's papers and what they build on directly, not their grandparents", () => {
    const sub = subLineage(ast, ['gpt-3']);
    expect(ids(sub.papers)).toEqual(['gpt-2', 'gpt-3']);
    expect(edges(sub)).toEqual(['gpt-2→gpt-3']);
    expect(sub.edges[0]?.kind).toBe('scales-up');
  });

  it("keeps only the families it touches, each listing only the meeting's papers", () => {
    const sub = subLineage(ast, ['alpaca']);
    expect(sub.families.map((f) => [f.id, f.papers])).toEqual([
      ['gpt', ['gpt-2']],
      ['llama', ['llama-1', 'alpaca']],
    ]);
    expect(edges(sub)).toEqual(['gpt-2→alpaca', 'llama-1→alpaca']);
  });

  it('draws the edges among the chosen papers, also between two of the meeting', () => {
    const sub = subLineage(ast, ['gpt-2', 'instructgpt']);
    expect(ids(sub.papers)).toEqual(['gpt-1', 'gpt-2', 'gpt-3', 'instructgpt']);
    // gpt-2 → gpt-3 joins two chosen papers though the meeting names neither edge.
    expect(edges(sub)).toEqual(['gpt-1→gpt-2', 'gpt-2→gpt-3', 'gpt-3→instructgpt']);
  });

  it('stops at the direct parents whatever order the edges come in', () => {
    // The edge into the meeting's paper comes first (its family is first), the one into its parent later.
    const crossing = study([
      familyFile('late', 'Late', 1),
      familyFile('early', 'Early', 2),
      paperFile({ id: 'root', family: 'early', year: 2018 }),
      paperFile({ id: 'parent', family: 'early', year: 2019, buildsOn: ['root'] }),
      paperFile({ id: 'child', family: 'late', year: 2020, buildsOn: ['parent'] }),
    ]);
    expect(edges(crossing)).toEqual(['parent→child', 'root→parent']);
    expect(crossing.edges[0]?.to).toBe('child');
    expect(ids(subLineage(crossing, ['child']).papers).sort()).toEqual(['child', 'parent']);
  });

  it('is a study of its own: no meetings, the rest unchanged', () => {
    const sub = subLineage(ast, ['gpt-3']);
    expect(ast.meetings).toHaveLength(1);
    expect(sub.meetings).toEqual([]);
    expect(sub.study).toEqual(ast.study);
    expect(ast.papers).toHaveLength(7);
  });
});
