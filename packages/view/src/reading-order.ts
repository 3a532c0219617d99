import type { Family, Paper, StudyAst } from '@studykit/core';

/**
 * A family's papers in the one reading order every output uses: core's order (year, then lineage
 * depth: a paper after what it builds on, then id), so LLaMA comes before Alpaca everywhere.
 */
export function papersOf(ast: StudyAst, family: Family | string): Paper[] {
  const id = typeof family === 'string' ? family : family.id;
  return ast.papers.filter((paper) => paper.family === id);
}

export function familyOf(ast: StudyAst, familyId: string): Family {
  const family = ast.families.find((f) => f.id === familyId);
  if (!family) {
    const known = ast.families.map((f) => f.id).join(', ') || 'none';
    throw new Error(`Unknown family "${familyId}" (known families: ${known}).`);
  }
  return family;
}

/**
 * The families that have papers, in the content's order: the family diagrams, one each, and the
 * pages of lineage-families.pdf follow it.
 */
export function familiesWithPapers(ast: StudyAst): Family[] {
  const used = new Set(ast.papers.map((paper) => paper.family));
  return ast.families.filter((family) => used.has(family.id));
}
