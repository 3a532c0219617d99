/** The lineage's digest changes with what its diagrams draw, and not with what they do not. */
import { fileURLToPath } from 'node:url';
import { parse, type StudyAst } from '@studykit/core';
import { readContentFolder } from '@studykit/core/fs';
import { outputDigest } from '@studykit/core/renderer-stamp';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineageInputs } from '../src/inputs.js';

const MINI = fileURLToPath(new URL('../../../tests/fixtures/content-mini', import.meta.url));
let base: StudyAst;
beforeAll(async () => {
  base = parse((await readContentFolder(MINI)).files, { currentYear: 2026 });
});

const changes = (edit: (ast: StudyAst) => void) => {
  const edited = structuredClone(base);
  edit(edited);
  return outputDigest('stamp', lineageInputs(edited)) !== outputDigest('stamp', lineageInputs(base));
};
const alpha2 = (ast: StudyAst) => paperOf(ast, 'alpha-2');

function paperOf(ast: StudyAst, id: string) {
  const found = ast.papers.find((paper) => paper.id === id);
  if (!found) throw new Error(`no paper ${id} in the fixture`);
  return found;
}

describe('lineageInputs', () => {
  it('a name, a year or a link it draws changes it', () => {
    expect(changes(() => {})).toBe(false);
    expect(changes((ast) => (alpha2(ast).short = 'Alpha-Second'))).toBe(true);
    expect(changes((ast) => (alpha2(ast).year = 2021))).toBe(true);
    expect(changes((ast) => ast.edges.pop())).toBe(true);
  });

  it('what no diagram shows does not: a venue, a section, the study’s description', () => {
    expect(changes((ast) => (alpha2(ast).venue = 'ICML 2020'))).toBe(false);
    expect(changes((ast) => (alpha2(ast).sections = []))).toBe(false);
    expect(changes((ast) => (ast.study.subtitle = 'Another subtitle'))).toBe(false);
  });

  it('the study title does: the PDFs carry it as their document title', () => {
    expect(changes((ast) => (ast.study.title = 'Another study'))).toBe(true);
  });
});
