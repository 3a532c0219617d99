import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type StudyAst } from '@studykit/core';

export const FIXTURE_CONTENT = fileURLToPath(new URL('./fixtures/content', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The fixture content (an English family, a Chinese one, and one full of hostile strings), parsed. */
export function fixtureAst(): StudyAst {
  const files = walk(FIXTURE_CONTENT).map((path) => ({
    path: relative(FIXTURE_CONTENT, path).split('\\').join('/'),
    contents: readFileSync(path, 'utf8'),
  }));
  return parse(files, { currentYear: 2026 });
}
