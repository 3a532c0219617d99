/** `references.bib` and `references.json` at the top of the output folder; the CLI writes them. */
import type { OutputFile, StudyAst } from '@studykit/core';
import { toBibtex } from './bibtex.js';
import { toCslJson } from './csl-json.js';

export const BIBTEX_PATH = 'references.bib';
export const CSL_JSON_PATH = 'references.json';

export function referenceFiles(ast: StudyAst): OutputFile[] {
  return [
    { path: BIBTEX_PATH, contents: toBibtex(ast) },
    { path: CSL_JSON_PATH, contents: `${JSON.stringify(toCslJson(ast), null, 2)}\n` },
  ];
}
