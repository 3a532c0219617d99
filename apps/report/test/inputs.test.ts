/** The report's digest changes with what it prints, and not with a family it leaves out. */
import { fileURLToPath } from 'node:url';
import { parse, type StudyAst } from '@studykit/core';
import { readContentFolder } from '@studykit/core/fs';
import { outputDigest } from '@studykit/core/renderer-stamp';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ReportBuildOptions, reportInputs } from '../src/inputs.js';

const MINI = fileURLToPath(new URL('../../../tests/fixtures/content-mini', import.meta.url));
const ALL: ReportBuildOptions = { paperSize: 'a4', families: null, date: null, lineage: 'drawn' };
let base: StudyAst;
beforeAll(async () => {
  base = parse((await readContentFolder(MINI)).files, { currentYear: 2026 });
});

const changes = (edit: (ast: StudyAst) => void, options = ALL, edited = structuredClone(base)) => {
  edit(edited);
  return (
    outputDigest('stamp', reportInputs(edited, options)) !==
    outputDigest('stamp', reportInputs(base, options))
  );
};
const beta1 = (ast: StudyAst) => paperOf(ast, 'beta-1');

function paperOf(ast: StudyAst, id: string) {
  const found = ast.papers.find((paper) => paper.id === id);
  if (!found) throw new Error(`no paper ${id} in the fixture`);
  return found;
}

describe('reportInputs', () => {
  it("the study's title and description, a paper's text and venue change it", () => {
    expect(changes(() => {})).toBe(false);
    expect(changes((ast) => (ast.study.title = 'Another study'))).toBe(true);
    expect(changes((ast) => (ast.study.description.text = 'Something else'))).toBe(true);
    expect(changes((ast) => (beta1(ast).venue = 'EMNLP 2023'))).toBe(true);
    expect(changes((ast) => (beta1(ast).sections = []))).toBe(true);
  });

  it('a family it does not print does not; the diagrams it embeds and its options do', () => {
    const alphaOnly = { ...ALL, families: ['alpha'] };
    expect(changes((ast) => (beta1(ast).venue = 'EMNLP 2023'), alphaOnly)).toBe(false);
    const digest = (options: ReportBuildOptions) => outputDigest('stamp', reportInputs(base, options));
    expect(digest({ ...ALL, lineage: 'redrawn' })).not.toBe(digest(ALL));
    expect(digest({ ...ALL, paperSize: 'letter' })).not.toBe(digest(ALL));
  });
});
