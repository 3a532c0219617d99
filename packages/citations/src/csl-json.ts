/**
 * The papers as CSL-JSON items, one per paper with the paper id as `id`, in the AST's order. Pure:
 * AST in, plain JSON out.
 */
import type { Paper, StudyAst } from '@studykit/core';
import type { CslItem } from './csl-types.js';
import { toCslName } from './person-name.js';
import { arxivId, venueKind } from './venue-kind.js';

export function toCslJson(ast: StudyAst): CslItem[] {
  return ast.papers.map(toCslItem);
}

export function toCslItem(paper: Paper): CslItem {
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
