import type { List, RootContent } from 'mdast';
import type {
  BodySectionKind,
  Conclusion,
  ConclusionWeight,
  Section,
  SectionKind,
  Span,
  SpeakerNote,
} from './ast.js';
import { SECTION_KINDS } from './ast.js';
import { groupByHeading, type HeadingGroup, plainText, spanOfNodes, toBlock } from './blocks.js';
import type { DiagnosticSink } from './diagnostics.js';
import { checkTitle, MAX_TITLE_LENGTH } from './layout-limits.js';
import type { Locator } from './location.js';
import { checkProse } from './prose-length.js';

/** Heading text (lower case) → section kind; English and Chinese names. */
const SECTION_NAMES: Record<string, SectionKind> = {
  motivation: 'motivation',
  动机: 'motivation',
  approach: 'approach',
  方法: 'approach',
  方案: 'approach',
  方案概述: 'approach',
  details: 'details',
  细节: 'details',
  results: 'results',
  结果: 'results',
  conclusions: 'conclusions',
  conclusion: 'conclusions',
  结论: 'conclusions',
  notes: 'notes',
  'speaker notes': 'notes',
  备注: 'notes',
};

const WEIGHT_NAMES: Record<string, ConclusionWeight> = {
  main: 'main',
  主要: 'main',
  主要结论: 'main',
  secondary: 'secondary',
  次要: 'secondary',
  次要结论: 'secondary',
};

const TITLES: Record<SectionKind, string> = {
  motivation: 'Motivation',
  approach: 'Approach',
  details: 'Details',
  results: 'Results',
  conclusions: 'Conclusions',
  notes: 'Notes',
};

export function sectionKindOf(title: string): SectionKind | undefined {
  return SECTION_NAMES[title.trim().toLowerCase()];
}

export interface PaperBody {
  sections: Section[];
  conclusions: Conclusion[];
  notes: SpeakerNote[];
}

/** Splits a paper's body into its sections, conclusions and speaker notes, checking their order. */
export function readPaperBody(
  nodes: RootContent[],
  locator: Locator,
  sink: DiagnosticSink,
  fileEnd: Span,
  /** Without frontmatter the whole file is "lead text": that is reported once, as missing frontmatter. */
  hasFrontmatter = true,
): PaperBody {
  const topHeadings = nodes.filter((node) => node.type === 'heading' && node.depth === 1);
  for (const heading of topHeadings) {
    sink.report(
      'section-unknown',
      spanOfNodes([heading], locator),
      'A `#` heading in a paper is ignored: the title comes from the `title` field',
    );
  }
  const { lead, groups } = groupByHeading(
    nodes.filter((node) => !topHeadings.includes(node)),
    2,
  );
  if (lead.length > 0 && hasFrontmatter) {
    sink.report(
      'section-unknown',
      spanOfNodes(lead, locator),
      'Text before the first `##` heading belongs to no section and is not shown',
    );
  }

  const body: PaperBody = { sections: [], conclusions: [], notes: [] };
  const seen = new Map<SectionKind, string>();
  let furthest = -1;
  let conclusionsHeading: HeadingGroup | undefined;
  let afterMissingConclusions: HeadingGroup | undefined;

  for (const group of groups) {
    const headingSpan = spanOfNodes([group.heading], locator);
    checkTitle('Section title', group.title, MAX_TITLE_LENGTH.sectionTitle, headingSpan, sink);
    const kind = sectionKindOf(group.title);
    if (!kind) {
      sink.report(
        'section-unknown',
        headingSpan,
        `Unknown section \`${group.title}\` is kept as an extra section`,
      );
      checkProse(group.nodes, locator, sink);
      body.sections.push(sectionOf('extra', group, locator));
      continue;
    }
    const index = SECTION_KINDS.indexOf(kind);
    const earlier = seen.get(kind);
    if (earlier !== undefined) {
      sink.report(
        'section-order',
        headingSpan,
        `Section \`${group.title}\` appears twice (first as \`${earlier}\`)`,
      );
    } else if (index < furthest) {
      const later = SECTION_KINDS[furthest] as SectionKind;
      sink.report(
        'section-order',
        headingSpan,
        `Section \`${group.title}\` must come before \`${seen.get(later) ?? TITLES[later]}\``,
      );
    }
    seen.set(kind, seen.get(kind) ?? group.title);
    furthest = Math.max(furthest, index);
    if (kind !== 'notes') checkProse(group.nodes, locator, sink);
    if (kind === 'conclusions') {
      conclusionsHeading = group;
      body.conclusions.push(...readConclusions(group, locator, sink));
    } else if (kind === 'notes') {
      if (!conclusionsHeading) afterMissingConclusions ??= group;
      body.notes.push(...readNotes(group, locator));
    } else {
      body.sections.push(sectionOf(kind, group, locator));
    }
  }

  if (!conclusionsHeading) {
    const where = afterMissingConclusions ? spanOfNodes([afterMissingConclusions.heading], locator) : fileEnd;
    sink.report(
      'conclusions-missing',
      where,
      afterMissingConclusions
        ? 'Paper has no `## Conclusions` section (expected before `## Notes`)'
        : 'Paper has no `## Conclusions` section',
    );
  } else if (body.conclusions.length === 0) {
    sink.report(
      'conclusions-missing',
      spanOfNodes([conclusionsHeading.heading], locator),
      'Section `Conclusions` has no items',
    );
  }
  return body;
}

function sectionOf(kind: BodySectionKind, group: HeadingGroup, locator: Locator): Section {
  return {
    kind,
    title: group.title,
    ...toBlock(group.nodes),
    span: spanOfNodes([group.heading, ...group.nodes], locator),
  };
}

/** `### Main` / `### Secondary` lists; items before any sub-heading count as main. */
function readConclusions(group: HeadingGroup, locator: Locator, sink: DiagnosticSink): Conclusion[] {
  const conclusions: Conclusion[] = [];
  let weight: ConclusionWeight = 'main';
  for (const node of group.nodes) {
    if (node.type === 'heading') {
      const title = plainText([node]).trim();
      const named = WEIGHT_NAMES[title.toLowerCase()];
      if (!named) {
        sink.report(
          'section-unknown',
          spanOfNodes([node], locator),
          `Unknown conclusions heading \`${title}\`: its items count as main`,
          'Use `### Main` or `### Secondary` under `## Conclusions`.',
        );
      }
      weight = named ?? 'main';
      continue;
    }
    const items = node.type === 'list' ? (node as List).children : [node];
    for (const item of items) {
      const children = (item.type === 'listItem' ? item.children : [item]) as RootContent[];
      conclusions.push({ weight, ...toBlock(children), span: spanOfNodes([item], locator) });
    }
  }
  return conclusions;
}

/** Text right under `## Notes` is for the paper's title slide; `### <Section>` targets that section. */
function readNotes(group: HeadingGroup, locator: Locator): SpeakerNote[] {
  const { lead, groups } = groupByHeading(group.nodes, 3);
  const notes: SpeakerNote[] = [];
  if (lead.length > 0) notes.push({ target: 'paper', ...toBlock(lead), span: spanOfNodes(lead, locator) });
  for (const sub of groups) {
    if (sub.nodes.length === 0) continue;
    notes.push({
      target: sectionKindOf(sub.title) ?? sub.title.toLowerCase(),
      ...toBlock(sub.nodes),
      span: spanOfNodes(sub.nodes, locator),
    });
  }
  return notes;
}
