import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../src/digest.js';
import { loadContent, readContentFolder } from '../src/fs.js';
import type { ImageAsset, Point, Span, StudyAst } from '../src/index.js';

const fixtures = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url));
const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));

const isPoint = (value: unknown): value is Point =>
  typeof value === 'object' && value !== null && 'line' in value && 'column' in value && 'offset' in value;
const isSpan = (value: unknown): value is Span =>
  typeof value === 'object' && value !== null && 'file' in value && 'start' in value && isPoint(value.start);
/** The file text as core reads it: a UTF-8 BOM is dropped before positions and digests. */
const withoutBom = (contents: string) => contents.replace(/^\uFEFF/, '');
const at = (point: Point) => `${point.line}:${point.column}`;

/**
 * The AST as a reviewer reads it: no mdast `position`s and no digests (the spot checks below cover
 * both), and each span as one string, `file line:column-line:column`, without offsets.
 */
function reviewable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviewable);
  if (typeof value !== 'object' || value === null) return value;
  if (isSpan(value)) return `${value.file} ${at(value.start)}-${at(value.end)}`;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, entry]) => key !== 'position' && key !== 'digest' && entry !== undefined)
      .map(([key, entry]) => [key, reviewable(entry)]),
  );
}

/** JSON on one line, spaced as Biome formats it (`{ "a": 1, "b": [2, 3] }`). */
function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries = Object.entries(value).map(([key, entry]) => `${JSON.stringify(key)}: ${oneLine(entry)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/**
 * JSON as a reviewer reads it, and as Biome would format it: a value whose line fits in 100
 * characters stays on one line, anything longer is one entry a line.
 */
function formatJson(value: unknown, indent = '', prefix = ''): string {
  const flat = oneLine(value);
  if (indent.length + prefix.length + flat.length <= 100 || typeof value !== 'object' || value === null)
    return flat;
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((entry) => `${inner}${formatJson(entry, inner)}`)
    : Object.entries(value).map(([key, entry]) => {
        const name = `${JSON.stringify(key)}: `;
        return `${inner}${name}${formatJson(entry, inner, name)}`;
      });
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return entries.length === 0 ? `${open}${close}` : `${open}\n${entries.join(',\n')}\n${indent}${close}`;
}

/**
 * The golden files of a fixture: `<fixture>.ast.json` for the study, families, edges, meetings,
 * files and diagnostics, and `<fixture>.<paper id>.ast.json` for each paper.
 */
function goldenFiles(fixture: string, ast: StudyAst): Map<string, unknown> {
  const { papers, files, ...rest } = ast;
  const golden = new Map<string, unknown>([
    [`${fixture}.ast.json`, reviewable({ ...rest, files: files.map((file) => file.path) })],
  ]);
  for (const paper of papers) golden.set(`${fixture}.${paper.id}.ast.json`, reviewable(paper));
  return golden;
}

const goldenOf = (fixture: string) =>
  readdirSync(goldenDir).filter(
    (file) =>
      file === `${fixture}.ast.json` || (file.startsWith(`${fixture}.`) && file.endsWith('.ast.json')),
  );

/**
 * Markdown → AST, compared with reviewed golden files (see goldenFiles). After an intended change
 * run `UPDATE_GOLDEN=1 pnpm vitest run --project core` and review the diff.
 */
describe.each(['content-mini', 'content-zh', 'content-figures'])('golden AST of %s', (name) => {
  it('matches the golden JSON, one file per paper', async () => {
    const ast = await loadContent(`${fixtures}${name}`, { currentYear: 2026 });
    const expected = goldenFiles(name, ast);
    if (process.env.UPDATE_GOLDEN === '1') {
      for (const file of goldenOf(name)) rmSync(join(goldenDir, file));
      for (const [file, value] of expected) writeFileSync(join(goldenDir, file), `${formatJson(value)}\n`);
    }
    expect(goldenOf(name).sort(), 'golden files (run with UPDATE_GOLDEN=1)').toEqual(
      [...expected.keys()].sort(),
    );
    for (const [file, value] of expected)
      expect(`${formatJson(value)}\n`, file).toBe(readFileSync(join(goldenDir, file), 'utf8'));
  });
});

/** Every `{ file, … }` object of the AST (the study, families, papers, meetings) and every edge, with its file. */
function* withFile(ast: StudyAst): Generator<[string, unknown]> {
  for (const item of [ast.study, ...ast.families, ...ast.papers, ...ast.meetings])
    if (item.file) yield [item.file, item];
  for (const edge of ast.edges) yield [edge.span.file, edge];
}

/** Each mdast node below `value` (objects with a `type` inside a `children` array). */
function* mdastNodes(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const entry of value) yield* mdastNodes(entry);
  else if (typeof value === 'object' && value !== null) {
    if ('type' in value && typeof value.type === 'string') yield value as Record<string, unknown>;
    // `data` holds what renderers get from core (an image's asset, mdast-util-math's hast hints), not nodes.
    for (const [key, entry] of Object.entries(value))
      if (key !== 'position' && key !== 'data') yield* mdastNodes(entry);
  }
}

/** Each point below `value`, mdast positions and spans alike. */
function* points(value: unknown): Generator<Point> {
  if (isPoint(value)) yield value;
  else if (Array.isArray(value)) for (const entry of value) yield* points(entry);
  else if (typeof value === 'object' && value !== null)
    for (const entry of Object.values(value)) yield* points(entry);
}

/** The 1-based line and column of an offset, as the AST counts them (UTF-16 code units). */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * What the goldens leave out, checked here instead: every mdast node has a position, every point's
 * line and column agree with its offset, text nodes sit where their text is written, spans start
 * and end where they should, and digests are the sha256 of the file text.
 */
describe.each(['content-mini', 'content-zh', 'content-figures'])('positions and digests of %s', (name) => {
  it('every mdast node has a position, and every point agrees with the file text', async () => {
    const ast = await loadContent(`${fixtures}${name}`, { currentYear: 2026 });
    const { files } = await readContentFolder(`${fixtures}${name}`);
    const text = new Map(files.map((file) => [file.path, withoutBom(file.contents)]));
    let checked = 0;
    let texts = 0;
    for (const [file, item] of withFile(ast)) {
      const contents = text.get(file) ?? '';
      for (const node of mdastNodes(item)) expect(node.position, `${file}: ${node.type}`).toBeDefined();
      for (const point of points(item)) {
        expect(lineColumn(contents, point.offset), `${file} offset ${point.offset}`).toEqual({
          line: point.line,
          column: point.column,
        });
        checked++;
      }
      for (const node of mdastNodes(item))
        if (node.type === 'text' || node.type === 'inlineCode') {
          const { start, end } = node.position as { start: Point; end: Point };
          const written = contents.slice(start.offset, end.offset);
          expect(written, `${file} ${at(start)}`).toBe(
            node.type === 'text' ? node.value : `\`${node.value}\``,
          );
          texts++;
        }
    }
    expect(checked).toBeGreaterThan(100);
    expect(texts).toBeGreaterThan(10);
  });

  it('spans cover what they stand for: a section from its heading, a conclusion its text, an edge its id', async () => {
    const ast = await loadContent(`${fixtures}${name}`, { currentYear: 2026 });
    const { files } = await readContentFolder(`${fixtures}${name}`);
    const text = new Map(files.map((file) => [file.path, withoutBom(file.contents)]));
    const written = (span: Span) => text.get(span.file)?.slice(span.start.offset, span.end.offset) ?? '';
    for (const paper of ast.papers) {
      expect(written(paper.span)).toBe(text.get(paper.file));
      for (const section of paper.sections)
        expect(written(section.span)).toMatch(new RegExp(`^## ${section.title}\n`));
      for (const conclusion of paper.conclusions) expect(written(conclusion.span)).toMatch(/^[-*] /);
      // The text of a formula is its TeX, without the dollars around it.
      for (const conclusion of paper.conclusions)
        expect(written(conclusion.span).replaceAll('$', '')).toContain(conclusion.text);
    }
    for (const edge of ast.edges) expect(written(edge.span)).toBe(edge.from);
  });

  it("digests: a file's is the sha256 of its text (without a BOM) and of the images it shows, a family's covers its papers'", async () => {
    const ast = await loadContent(`${fixtures}${name}`, { currentYear: 2026 });
    const { files } = await readContentFolder(`${fixtures}${name}`);
    // The images each file shows, in the order it shows them; each asset's digest is its file's sha256.
    const shown = new Map<string, string[]>();
    for (const [file, item] of withFile(ast)) {
      const images = [...mdastNodes(item)]
        .filter((node) => node.type === 'image')
        .sort((a, b) => offsetOf(a) - offsetOf(b))
        .map((node) => (node.data as { asset: ImageAsset }).asset);
      for (const asset of images) {
        const bytes = readFileSync(`${fixtures}${name}/${asset.file}`);
        expect(asset.digest).toBe(createHash('sha256').update(bytes).digest('hex'));
      }
      if (images.length > 0)
        shown.set(
          file,
          images.map((asset) => asset.digest),
        );
    }
    expect(ast.files).toEqual(
      files.map((file) => {
        const text = sha256(withoutBom(file.contents));
        const images = shown.get(file.path);
        return { path: file.path, digest: images ? sha256(text, ...images) : text };
      }),
    );
    for (const paper of ast.papers)
      expect(paper.digest).toBe(ast.files.find((f) => f.path === paper.file)?.digest);
    const digestOf = (file: string) => ast.files.find((f) => f.path === file)?.digest ?? '';
    for (const family of ast.families)
      expect(family.digest).toBe(
        sha256(digestOf(family.file), ...family.papers.map((id) => digestOf(`${family.id}/${id}.md`))),
      );
  });
});

function offsetOf(node: Record<string, unknown>): number {
  return (node.position as { start: Point }).start.offset;
}

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
