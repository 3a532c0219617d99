/**
 * The papers as a BibTeX file for bibtex and biber: one entry per paper, keyed by its id, in the
 * AST's order. Pure: AST in, text out. Written by hand rather than by citation-js's BibTeX output,
 * which drops characters it cannot turn into LaTeX (all Chinese text), reads `<i>` in a title as
 * markup and ignores our keys.
 */
import type { Paper, StudyAst } from '@studykit/core';
import { bibtexUrl, caseProtected, escapeBibtex } from './bibtex-text.js';
import type { CslName } from './csl-types.js';
import { toCslName } from './person-name.js';
import { withoutControls } from './plain-text.js';
import { arxivId, venueKind } from './venue-kind.js';

/** Keys bibtex and biber both accept; paper ids (lower-case words joined by hyphens) always match. */
const BIBTEX_KEY = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

export function toBibtex(ast: StudyAst): string {
  // No sentence in a language: the file is the same for an English and a Chinese study (#21), and it
  // named content/ whatever folder the notes were in. It says only what writes it.
  const header = '% studykit build\n';
  return `${header}${ast.papers.map((paper) => `\n${bibtexEntry(paper)}\n`).join('')}`;
}

export function bibtexEntry(paper: Paper): string {
  if (!BIBTEX_KEY.test(paper.id)) throw new Error(`Paper id "${paper.id}" is not a valid BibTeX key`);
  const [type, venueFields] = typeAndVenue(paper);
  const fields: [string, string][] = [
    ['author', paper.authors.map((author) => bibtexName(toCslName(withoutControls(author)))).join(' and ')],
    ['title', caseProtected(paper.title)],
    ...venueFields,
    ['year', String(paper.year)],
    ['url', bibtexUrl(paper.url)],
  ];
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@${type}{${paper.id},\n${body}\n}`;
}

/** The entry type and the fields that name where the paper appeared (already escaped). */
function typeAndVenue(paper: Paper): [string, [string, string][]] {
  // Styles may change a venue's case as they do a title's: "ACL" and "arXiv" keep theirs.
  const venue = caseProtected(paper.venue);
  switch (venueKind(paper.venue)) {
    case 'journal':
      return ['article', [['journal', venue]]];
    case 'conference':
      return ['inproceedings', [['booktitle', venue]]];
    case 'report':
      return ['techreport', [['institution', escapeBibtex(paper.organisation)]]];
    case 'preprint': {
      const eprint = arxivId(paper.url);
      const arxiv: [string, string][] = eprint
        ? [
            ['eprint', eprint],
            ['archiveprefix', 'arXiv'],
          ]
        : [];
      return ['misc', [['howpublished', venue], ...arxiv]];
    }
    case 'web':
      return ['misc', [['howpublished', venue]]];
  }
}

/**
 * "Family, Given" (with "von" particles first and "Jr" between), so no BibTeX style has to guess the
 * split; a literal name is braced whole so that it is never split or abbreviated.
 */
function bibtexName(name: CslName): string {
  if ('literal' in name) {
    const text = escapeBibtex(name.literal);
    // A group at the name's top level that starts with a command is a BibTeX "special character".
    return text.startsWith('\\') ? `{{${text}}}` : `{${text}}`;
  }
  const particle = name['non-dropping-particle'];
  const family = particle ? `${particle} ${name.family}` : name.family;
  return [family, name.suffix, name.given]
    .filter((part): part is string => !!part)
    .map(escapeBibtex)
    .join(', ');
}
