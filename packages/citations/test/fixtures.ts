import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Paper, parse, type StudyAst } from '@studykit/core';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** A shared fixture folder (content-mini, content-zh, content-hostile), parsed from its markdown. */
export function fixtureAst(name: 'content-mini' | 'content-zh' | 'content-hostile'): StudyAst {
  const folder = join(FIXTURES, name);
  const files = walk(folder)
    .filter((path) => path.endsWith('.md') && !path.endsWith('README.md'))
    .map((path) => ({
      path: relative(folder, path).split('\\').join('/'),
      contents: readFileSync(path, 'utf8'),
    }));
  const ast = parse(files, { currentYear: 2026 });
  if (ast.diagnostics.some((diagnostic) => diagnostic.severity === 'error'))
    throw new Error(`Fixture ${name} has content errors`);
  return ast;
}

/** The hostile strings the shared fixture's README promises are in its content. */
export const HOSTILE = JSON.parse(
  readFileSync(join(FIXTURES, 'content-hostile/hostile-strings.json'), 'utf8'),
) as { titles: string[]; chinese: string };

/** An AST of the given papers (each a mini-fixture paper with some fields replaced). */
export function withPapers(...changes: Partial<Paper>[]): StudyAst {
  const ast = fixtureAst('content-mini');
  const [template] = ast.papers;
  if (!template) throw new Error('content-mini has no papers');
  const papers = changes.map((change, index) => ({ ...template, id: `paper-${index + 1}`, ...change }));
  return { ...ast, papers };
}
