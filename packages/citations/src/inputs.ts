/**
 * What references.bib and references.json read, for the CLI's output digests: each paper's citation
 * fields, in the AST's order. Light: citation-js is not loaded.
 */
import type { StudyAst } from '@studykit/core';
import { rendererStamp } from '@studykit/core/renderer-stamp';

export function referencesInputs(ast: StudyAst): unknown {
  return ast.papers.map(({ id, title, authors, year, venue, url, organisation }) => ({
    id,
    title,
    authors,
    year,
    venue,
    url,
    organisation,
  }));
}

/** The citations package: its code and citation-js's version. */
export function referencesStamp(): string {
  return rendererStamp(import.meta.url);
}
