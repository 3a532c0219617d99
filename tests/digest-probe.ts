/**
 * For the renderers' inputs tests (apps/*\/test/inputs.test.ts): the small fixture's AST, a paper of
 * it, and whether an edit of a copy changes the digest of what a renderer says it reads.
 */
import { fileURLToPath } from 'node:url';
import { type Paper, parse, type StudyAst } from '@studykit/core';
import { readContentFolder } from '@studykit/core/fs';
import { outputDigest } from '@studykit/core/renderer-stamp';

const MINI = fileURLToPath(new URL('./fixtures/content-mini', import.meta.url));

/** content-mini, parsed as of 2026. */
export async function miniAst(): Promise<StudyAst> {
  return parse((await readContentFolder(MINI)).files, { currentYear: 2026 });
}

export function paperOf(ast: StudyAst, id: string): Paper {
  const found = ast.papers.find((paper) => paper.id === id);
  if (!found) throw new Error(`no paper ${id} in the fixture`);
  return found;
}

/** Whether `edit`, applied to a copy of `base`, changes the digest of `inputsOf`. */
export function digestChanges(
  base: StudyAst,
  inputsOf: (ast: StudyAst) => unknown,
  edit: (ast: StudyAst) => void,
  edited: StudyAst = structuredClone(base),
): boolean {
  edit(edited);
  return outputDigest('stamp', inputsOf(edited)) !== outputDigest('stamp', inputsOf(base));
}
