/** The references' digest changes with a citation field, never with a paper's text. */
import { fileURLToPath } from 'node:url';
import { parse, type StudyAst } from '@studykit/core';
import { readContentFolder } from '@studykit/core/fs';
import { outputDigest } from '@studykit/core/renderer-stamp';
import { beforeAll, describe, expect, it } from 'vitest';
import { referencesInputs } from '../src/inputs.js';

const MINI = fileURLToPath(new URL('../../../tests/fixtures/content-mini', import.meta.url));
let base: StudyAst;
beforeAll(async () => {
  base = parse((await readContentFolder(MINI)).files, { currentYear: 2026 });
});
const changes = (edit: (ast: StudyAst) => void) => {
  const edited = structuredClone(base);
  edit(edited);
  return outputDigest('stamp', referencesInputs(edited)) !== outputDigest('stamp', referencesInputs(base));
};

const alpha1 = (ast: StudyAst) => paperOf(ast, 'alpha-1');

function paperOf(ast: StudyAst, id: string) {
  const found = ast.papers.find((paper) => paper.id === id);
  if (!found) throw new Error(`no paper ${id} in the fixture`);
  return found;
}

describe('referencesInputs', () => {
  it('a title, an author or a venue changes it; a section, a short name or the study title does not', () => {
    expect(changes((ast) => (alpha1(ast).title = 'Another title'))).toBe(true);
    expect(changes((ast) => alpha1(ast).authors.push('Ada Lovelace'))).toBe(true);
    expect(changes((ast) => (alpha1(ast).venue = 'ICML 2020'))).toBe(true);
    expect(changes((ast) => (alpha1(ast).sections = []))).toBe(false);
    expect(changes((ast) => (alpha1(ast).short = 'Short'))).toBe(false);
    expect(changes((ast) => (ast.study.title = 'Another study'))).toBe(false);
  });
});
