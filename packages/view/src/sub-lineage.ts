import type { StudyAst } from '@studykit/core';

/**
 * The part of the study a meeting covers: its papers and their nearest ancestors (the papers they
 * build on directly), in their families, with the edges among them. Renderers draw it like any study.
 */
export function subLineage(ast: StudyAst, paperIds: readonly string[]): StudyAst {
  const chosen = new Set(paperIds);
  for (const edge of ast.edges) if (paperIds.includes(edge.to)) chosen.add(edge.from);
  const papers = ast.papers.filter((paper) => chosen.has(paper.id));
  const familyIds = new Set(papers.map((paper) => paper.family));
  return {
    ...ast,
    families: ast.families
      .filter((family) => familyIds.has(family.id))
      .map((family) => ({ ...family, papers: family.papers.filter((id) => chosen.has(id)) })),
    papers,
    edges: ast.edges.filter((edge) => chosen.has(edge.from) && chosen.has(edge.to)),
    meetings: [],
  };
}
