import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/fs.js';

const fixtures = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url));
const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}.ast.json`, import.meta.url));

/**
 * Markdown → AST JSON, compared with a reviewed golden file. After an intended change run
 * `UPDATE_GOLDEN=1 pnpm vitest run --project core` and review the diff.
 */
describe.each(['content-mini', 'content-zh'])('golden AST of %s', (name) => {
  it('matches the golden JSON', async () => {
    const ast = await loadContent(`${fixtures}${name}`, { currentYear: 2026 });
    const json = `${JSON.stringify(ast, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden(name), json);
    expect(existsSync(golden(name)), `missing ${golden(name)}: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(json).toBe(readFileSync(golden(name), 'utf8'));
  });
});

describe('what the fixtures hold', () => {
  it('content-mini: families, papers, edges, conclusions, notes, tables', async () => {
    const ast = await loadContent(`${fixtures}content-mini`, { currentYear: 2026 });
    expect(ast.diagnostics).toEqual([]);
    expect(ast.families.map((family) => [family.id, family.papers, family.period])).toEqual([
      ['alpha', ['alpha-1', 'alpha-2'], { from: 2018, to: 2020 }],
      ['beta', ['beta-1'], { from: 2023, to: 2023 }],
    ]);
    expect(ast.edges.map((edge) => `${edge.from} ${edge.kind} ${edge.to} ${edge.crossFamily}`)).toEqual([
      'alpha-1 scales-up alpha-2 false',
      'alpha-2 extends beta-1 true',
      'alpha-1 borrows-method beta-1 true',
    ]);
    const [alpha1] = ast.papers;
    expect(alpha1?.parameters).toEqual([{ text: '117M', value: 117e6 }]);
    expect(alpha1?.conclusions.map((c) => [c.weight, c.text])).toEqual([
      ['main', 'Pre-training helps.'],
      ['secondary', 'Longer training helps more.'],
    ]);
    expect(alpha1?.notes.map((note) => [note.target, note.text])).toEqual([
      ['paper', 'Open with the data problem.'],
      ['approach', 'Stress the two stages.'],
    ]);
    expect(alpha1?.sections[1]?.text).toBe(
      'Pre-train a decoder with next-token prediction.\nFine-tune on each task.',
    );
    expect(alpha1?.span.start).toEqual({ line: 1, column: 1, offset: 0 });
    expect(ast.families[0]?.sections[0]?.children[0]?.type).toBe('table');
    expect(ast.papers[1]?.parameters.map((size) => size.text)).toEqual(['1.3B', '175B']);
    expect(ast.edges[2]?.label).toBe('the pre-training objective');
    expect(ast.edges[2]?.span).toMatchObject({ file: 'beta/beta-1.md', start: { line: 13, column: 9 } });
  });

  it('content-zh: Chinese headings, text and table survive', async () => {
    const ast = await loadContent(`${fixtures}content-zh`, { currentYear: 2026 });
    expect(ast.diagnostics).toEqual([]);
    const [glm130b, chatglm] = ast.papers;
    expect(glm130b?.title).toBe('GLM-130B：开放的中英双语预训练模型');
    expect(glm130b?.sections.map((section) => [section.kind, section.title])).toEqual([
      ['motivation', '动机'],
      ['approach', '方法'],
      ['results', '结果'],
    ]);
    expect(glm130b?.conclusions.map((c) => [c.weight, c.text])).toEqual([
      ['main', '千亿级模型可以在开放条件下稳定训练。'],
      ['secondary', 'INT4 量化几乎不损失性能。'],
    ]);
    expect(chatglm?.buildsOn[0]?.label).toBe('训练技巧');
    expect(ast.families[0]?.sections[0]?.text).toContain('ChatGLM-6B | 62 亿 | 中文、英文');
  });
});

describe('incremental parsing with a cache', () => {
  it('re-reads only changed files and gives the same AST as a fresh parse', async () => {
    const { readContentFolder } = await import('../src/fs.js');
    const { createParseCache, parse } = await import('../src/index.js');
    const { files } = await readContentFolder(`${fixtures}content-mini`);
    const cache = createParseCache();
    const first = parse(files, { cache, currentYear: 2026 });
    const unchangedEntry = cache.get('alpha/alpha-1.md');
    const edited = files.map((file) =>
      file.path === 'beta/beta-1.md'
        ? { ...file, contents: file.contents.replace('  - alpha-2\n', '') }
        : file,
    );
    const second = parse(edited, { cache, currentYear: 2026 });
    expect(cache.get('alpha/alpha-1.md')).toBe(unchangedEntry);
    expect(second).toEqual(parse(edited, { currentYear: 2026 }));
    expect(second.edges.length).toBe(first.edges.length - 1);
  });
});
