import { fileURLToPath } from 'node:url';
import { formatDiagnostics } from '@studykit/core';
import { loadContent } from '@studykit/core/fs';
import { describe, expect, it } from 'vitest';

const content = fileURLToPath(new URL('../content', import.meta.url));

describe('the shipped content', () => {
  it('checks clean: no error, no warning', async () => {
    const ast = await loadContent(content);
    expect(formatDiagnostics(ast.diagnostics)).toBe('');
  });

  it('holds the twelve seed papers in four families, in reading order', async () => {
    const ast = await loadContent(content);
    expect(ast.families.map((family) => [family.id, family.papers])).toEqual([
      ['openai', ['gpt-1', 'gpt-2', 'gpt-3', 'codex', 'instructgpt', 'chatgpt']],
      ['anthropic', ['hh-rlhf']],
      ['llama', ['llama', 'alpaca']],
      ['glm', ['glm', 'glm-130b', 'chatglm-6b']],
    ]);
  });

  it('has the real lineage, including cross-family edges', async () => {
    const ast = await loadContent(content);
    const edges = ast.edges.map((edge) => `${edge.from} -${edge.kind}-> ${edge.to}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        'gpt-1 -scales-up-> gpt-2',
        'gpt-2 -scales-up-> gpt-3',
        'gpt-3 -fine-tunes-> codex',
        'gpt-3 -fine-tunes-> instructgpt',
        'instructgpt -borrows-method-> hh-rlhf',
        'llama -fine-tunes-> alpaca',
        'instructgpt -uses-data-> alpaca',
        'glm -scales-up-> glm-130b',
      ]),
    );
    expect(ast.edges.filter((edge) => edge.crossFamily).length).toBeGreaterThanOrEqual(4);
  });

  it('every paper has motivation, approach and main conclusions; figures where known', async () => {
    const ast = await loadContent(content);
    for (const paper of ast.papers) {
      expect(
        paper.sections.map((section) => section.kind),
        paper.id,
      ).toEqual(expect.arrayContaining(['motivation', 'approach', 'results']));
      expect(
        paper.conclusions.some((conclusion) => conclusion.weight === 'main'),
        paper.id,
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
