/**
 * The papers as CSL-JSON items, one per paper with the paper id as `id`, in the AST's order. Pure:
 * AST in, plain JSON out. Text goes without its control characters: JSON would carry a NUL or a
 * right-to-left override safely, but every reference manager that reads the file would show it.
 */
import type { Paper, StudyAst } from '@studykit/core';
import type { CslItem } from './csl-types.js';
import { toCslName } from './person-name.js';
import { plainUrl, withoutControls } from './plain-text.js';
import { arxivId, venueKind } from './venue-kind.js';

export function toCslJson(ast: StudyAst): CslItem[] {
  return ast.papers.map(toCslItem);
}

export function toCslItem(written: Paper): CslItem {
  const paper = plainPaper(written);
  const common = {
    id: paper.id,
    'citation-key': paper.id,
    title: paper.title,
    author: paper.authors.map(toCslName),
    issued: { 'date-parts': [[paper.year]] as [[number]] },
    URL: paper.url,
  };
  switch (venueKind(paper.venue)) {
    case 'preprint': {
      const number = arxivId(paper.url);
      return {
        ...common,
        type: 'article',
        publisher: paper.venue,
        ...(number ? { number: `arXiv:${number}` } : {}),
      };
    }
    case 'report':
      // APA names the issuing organisation as publisher: "Title [Technical report]. OpenAI."
      return {
        ...common,
        type: 'report',
        publisher: paper.organisation,
        ...(/\btech(?:nical)? report\b/i.test(paper.venue) ? { genre: 'Technical report' } : {}),
      };
    case 'journal':
      return { ...common, type: 'article-journal', 'container-title': paper.venue };
    case 'conference':
      return { ...common, type: 'paper-conference', 'container-title': paper.venue };
    case 'web':
      return {
        ...common,
        type: /\bblog\b/i.test(paper.venue) ? 'post-weblog' : 'webpage',
        'container-title': paper.venue,
      };
  }
}

/** The paper's citation fields as plain text, its URL as written (see plain-text.ts). */
function plainPaper(paper: Paper): Paper {
  return {
    ...paper,
    title: withoutControls(paper.title),
    authors: paper.authors.map(withoutControls),
    venue: withoutControls(paper.venue),
    organisation: withoutControls(paper.organisation),
    url: plainUrl(paper.url),
  };
}
