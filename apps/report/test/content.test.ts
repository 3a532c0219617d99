import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AST_VERSION, DEFAULT_STUDY, type StudyAst } from '@studykit/core';
import { loadContent } from '@studykit/core/fs';
import { renderReport } from '@studykit/report';
import { describe, expect, it } from 'vitest';
import {
  noPdfTools,
  pdfFonts,
  pdfText,
  qpdfCheck,
  readStructure,
  squeeze,
  writeTemp,
} from '../../../packages/typeset/test/pdf-tools.js';
import { firstMissing, skipNote } from '../../../tests/skips.js';

const contentDir = fileURLToPath(new URL('../../../content', import.meta.url));

const cannotRun = firstMissing(existsSync(contentDir) ? undefined : 'no content/ folder', noPdfTools);

describe('the shipped content', () => {
  it.skipIf(cannotRun)(
    `becomes a valid booklet holding every paper title and conclusion${skipNote(cannotRun)}`,
    async () => {
      const ast = await loadContent(contentDir);
      expect(ast.papers.length).toBeGreaterThan(0);
      const [file] = await renderReport(ast);
      const path = writeTemp(file?.contents as Uint8Array);
      expect(qpdfCheck(path).status).toBe(0);
      for (const font of pdfFonts(path)) expect(font).toMatchObject({ embedded: true, subset: true });
      const text = squeeze(pdfText(path));
      for (const paper of ast.papers) {
        expect(text, paper.title).toContain(squeeze(paper.title));
        for (const conclusion of paper.conclusions) expect(text).toContain(squeeze(conclusion.text));
      }
      const { outline } = await readStructure(file?.contents as Uint8Array);
      expect(outline.flatMap((item) => item.children)).toHaveLength(ast.papers.length);
    },
    60_000,
  );
});

describe('an empty study', () => {
  it.skipIf(noPdfTools)(
    `still renders cover, contents, lineage placeholder and an empty reference list${skipNote(noPdfTools)}`,
    async () => {
      const empty: StudyAst = {
        version: AST_VERSION,
        study: DEFAULT_STUDY,
        families: [],
        papers: [],
        edges: [],
        meetings: [],
        files: [],
        diagnostics: [],
      };
      const [file] = await renderReport(empty);
      const path = writeTemp(file?.contents as Uint8Array);
      expect(qpdfCheck(path).status).toBe(0);
      const text = pdfText(path);
      expect(text).toContain('Contents');
      expect(text).toContain('References');
    },
  );
});
