import type { Family, Meeting, Paper, StudyAst } from '@studykit/core';

/**
 * A family's papers in the one reading order every output uses: core's order (year, then lineage
 * depth: a paper after what it builds on, then id), so LLaMA comes before Alpaca everywhere.
 */
export function papersOf(ast: StudyAst, family: Family | string): Paper[] {
  const id = typeof family === 'string' ? family : family.id;
  return ast.papers.filter((paper) => paper.family === id);
}

/** The family with this id; an unknown id throws `Unknown family "x" (known families: a, b).` */
export function familyOf(ast: StudyAst, familyId: string): Family {
  return byId(ast.families, familyId, 'family', 'families');
}

/** The meeting with this id; an unknown id throws `Unknown meeting "x" (known meetings: a, b).` */
export function meetingOf(ast: StudyAst, meetingId: string): Meeting {
  return byId(ast.meetings, meetingId, 'meeting', 'meetings');
}

function byId<T extends { id: string }>(items: readonly T[], id: string, noun: string, nouns: string): T {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) {
    const known = items.map((candidate) => candidate.id).join(', ') || 'none';
    throw new Error(`Unknown ${noun} "${id}" (known ${nouns}: ${known}).`);
  }
  return item;
}

/**
 * The families that have papers, in the content's order: the family diagrams, one each, and the
 * pages of lineage-families.pdf follow it.
 */
export function familiesWithPapers(ast: StudyAst): Family[] {
  const used = new Set(ast.papers.map((paper) => paper.family));
  return ast.families.filter((family) => used.has(family.id));
}
