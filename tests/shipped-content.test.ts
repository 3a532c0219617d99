import { fileURLToPath } from 'node:url';
import { loadContent } from '@studykit/core/fs';
import { describe, expect, it } from 'vitest';
import { studykit, useCliRunner } from './run-cli.js';

// Its builds, one after the other, in one CLI process with a warm Chromium.
useCliRunner();

/**
 * The only tests that read the shipped content/. Every other test runs on a fixture, so that adding a
 * paper or a family the documented way (content/README.md) never breaks the suite. What is checked
 * here are facts about the seed papers, never counts: a new paper must not make any of this fail.
 */
const content = fileURLToPath(new URL('../content', import.meta.url));

/** The seed papers of each family, in reading order. */
const SEED: Record<string, string[]> = {
  openai: ['gpt-1', 'gpt-2', 'gpt-3', 'codex', 'instructgpt', 'chatgpt'],
  anthropic: ['hh-rlhf'],
  llama: ['llama', 'alpaca'],
  glm: ['glm', 'glm-130b', 'chatglm-6b'],
};

describe('the shipped content', () => {
  it('checks clean: `studykit check` (default folder content/) prints no error, no warning, exit 0', async () => {
    const result = await studykit(['check']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: expect.stringMatching(/: no problems\n$/) });
    const ast = await loadContent(content);
    expect(result.stderr).toBe(
      `${ast.papers.length} papers, ${ast.families.length} families, ${ast.meetings.length} meetings: no problems\n`,
    );
  });

  it('holds the seed papers in their families, in reading order', async () => {
    const ast = await loadContent(content);
    expect(ast.families.map((family) => family.id)).toEqual(expect.arrayContaining(Object.keys(SEED)));
    for (const [id, seeds] of Object.entries(SEED)) {
      const family = ast.families.find((candidate) => candidate.id === id);
      expect(
        family?.papers.filter((paper) => seeds.includes(paper)),
        id,
      ).toEqual(seeds);
    }
  });

  it('has the real lineage, including cross-family edges', async () => {
    const ast = await loadContent(content);
    const edges = ast.edges.map(
      (edge) => `${edge.from} -${edge.kind}-> ${edge.to}${edge.crossFamily ? ' (cross-family)' : ''}`,
    );
    expect(edges).toEqual(
      expect.arrayContaining([
        'gpt-1 -scales-up-> gpt-2',
        'gpt-2 -scales-up-> gpt-3',
        'gpt-3 -fine-tunes-> codex',
        'gpt-3 -fine-tunes-> instructgpt',
        'instructgpt -concurrent-> hh-rlhf (cross-family)',
        'llama -fine-tunes-> alpaca',
        'glm -scales-up-> glm-130b',
      ]),
    );
    // Corrected (#19): GLM-130B measures itself against GPT-3 without building on it; Alpaca's data is
    // text-davinci-003's, not the InstructGPT paper's models.
    expect(edges.filter((edge) => /gpt-3 -.*-> glm-130b|instructgpt -.*-> alpaca/.test(edge))).toEqual([]);
  });

  it('holds the corrected facts (#19): sizes as released, full author lists', async () => {
    const ast = await loadContent(content);
    const paper = (id: string) => ast.papers.find((candidate) => candidate.id === id);
    expect(paper('gpt-2')?.parameters.map((size) => size.text)).toEqual(['124M', '355M', '774M', '1558M']);
    expect(paper('hh-rlhf')?.parameters.map((size) => size.text)).toEqual([
      '13M',
      '42M',
      '197M',
      '810M',
      '3.5B',
      '13B',
      '52B',
    ]);
    expect(paper('gpt-3')?.authors).toHaveLength(31);
    expect(paper('hh-rlhf')?.authors).toHaveLength(31);
    expect(paper('gpt-3')?.sections.find((section) => section.kind === 'details')?.text).toMatch(/5120/);
    expect(paper('codex')?.sections.find((section) => section.kind === 'results')?.text).toMatch(/72\.31%/);
  });

  it('gives every seed paper a headline and speaker notes for its title slide, each section and its conclusions', async () => {
    const ast = await loadContent(content);
    for (const id of Object.values(SEED).flat()) {
      const paper = ast.papers.find((candidate) => candidate.id === id);
      expect(paper?.headline, id).toEqual(expect.any(String));
      const targets = new Set(paper?.notes.map((note) => note.target));
      const slides = ['paper', ...(paper?.sections ?? []).map((section) => section.kind), 'conclusions'];
      expect(
        slides.filter((slide) => !targets.has(slide)),
        id,
      ).toEqual([]);
    }
  });

  it('every seed paper has motivation, approach, results and main conclusions; sizes where known', async () => {
    const ast = await loadContent(content);
    for (const id of Object.values(SEED).flat()) {
      const paper = ast.papers.find((candidate) => candidate.id === id);
      expect(
        paper?.sections.map((section) => section.kind),
        id,
      ).toEqual(expect.arrayContaining(['motivation', 'approach', 'results']));
      expect(
        paper?.conclusions.some((conclusion) => conclusion.weight === 'main'),
        id,
      ).toBe(true);
    }
    const size = (id: string) => ast.papers.find((paper) => paper.id === id)?.parameters.map((s) => s.text);
    expect(size('gpt-3')).toContain('175B');
    expect(size('gpt-1')).toEqual(['117M']);
    expect(size('codex')).toContain('12B');
    expect(size('llama')).toEqual(['7B', '13B', '33B', '65B']);
    expect(size('glm-130b')).toEqual(['130B']);
  });

  it('the OpenAI family carries the GPT-3 → GPT-3.5 → ChatGPT capability table', async () => {
    const ast = await loadContent(content);
    const openai = ast.families.find((family) => family.id === 'openai');
    const table = openai?.sections.find((section) => section.children.some((node) => node.type === 'table'));
    expect(table?.text).toMatch(/text-davinci-003/);
    expect(table?.text).toMatch(/code-davinci-002/);
    expect(table?.text).toMatch(/gpt-3\.5-turbo/);
  });
});
