import type { Family, Span } from './ast.js';
import { bodyNodes, groupByHeading, spanOfNodes, toBlock } from './blocks.js';
import type { DiagnosticSink } from './diagnostics.js';
import { idProblem, shownName } from './ids.js';
import { checkTitle, MAX_TITLE_LENGTH } from './layout-limits.js';
import { checkProse } from './prose-length.js';
import { FAMILY_FIELDS, familySchema } from './schema.js';
import type { ParsedSource } from './source.js';
import { validateFrontmatter } from './validate-frontmatter.js';

/** A family as read from its own file; papers, period and digest are filled in once all files are read. */
export type FamilyDraft = Omit<Family, 'papers' | 'period' | 'digest'> & { fileDigest: string; idSpan: Span };

export function readFamily(source: ParsedSource, sink: DiagnosticSink): FamilyDraft | undefined {
  if (!source.frontmatter) return undefined;
  const data = validateFrontmatter(familySchema, source.frontmatter, FAMILY_FIELDS, sink);
  if (!data) return undefined;
  const problem = idProblem(data.id);
  if (problem) {
    sink.report(
      'id-invalid',
      source.frontmatter.bestSpan(['id']),
      `Family id \`${shownName(data.id)}\` is not valid: ${problem}`,
    );
    return undefined;
  }
  const nameSpan = source.frontmatter.bestSpan(['name']);
  checkTitle('Family name', data.name, MAX_TITLE_LENGTH.coverTitle, nameSpan, sink);
  const { lead, groups } = groupByHeading(bodyNodes(source.tree), 2);
  for (const group of groups) {
    const span = spanOfNodes([group.heading], source.locator);
    checkTitle('Section title', group.title, MAX_TITLE_LENGTH.sectionTitle, span, sink);
    checkProse(group.nodes, source.locator, sink);
  }
  checkProse(lead, source.locator, sink);
  return {
    id: data.id,
    name: data.name,
    organisation: data.organisation,
    order: data.order,
    colour: data.colour.toLowerCase(),
    overview: toBlock(lead),
    sections: groups.map((group) => ({
      title: group.title,
      ...toBlock(group.nodes),
      span: spanOfNodes([group.heading, ...group.nodes], source.locator),
    })),
    footnotes: source.footnotes,
    file: source.path,
    span: source.span,
    fileDigest: source.digest,
    idSpan: source.frontmatter.bestSpan(['id']),
  };
}
