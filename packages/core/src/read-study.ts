import type { Image } from 'mdast';
import type { Span, Study } from './ast.js';
import { bodyNodes, toBlock } from './blocks.js';
import type { DiagnosticSink } from './diagnostics.js';
import { readFigures } from './figures.js';
import { STUDY_FIELDS, studySchema } from './schema.js';
import type { ParsedSource } from './source.js';
import { validateFrontmatter } from './validate-frontmatter.js';

/** `study.md` sits at the root of the content folder (a family's folder holds papers only). */
export const STUDY_FILE = 'study.md';

/** What the outputs call a study that does not describe itself. */
export const DEFAULT_STUDY: Study = {
  title: 'Reading notes',
  subtitle: null,
  group: null,
  language: null,
  logo: null,
  accent: null,
  theme: 'light',
  description: { children: [], text: '' },
  file: null,
};

export function readStudy(source: ParsedSource, sink: DiagnosticSink): Study | undefined {
  if (!source.frontmatter) return undefined;
  const { frontmatter } = source;
  const data = validateFrontmatter(studySchema, frontmatter, STUDY_FIELDS, sink);
  if (!data) return undefined;
  return {
    title: data.title,
    subtitle: data.subtitle ?? null,
    group: data.group ?? null,
    language: data.language ?? null,
    logo: data.logo
      ? readLogo(data.logo, data.group ?? data.title, frontmatter.bestSpan(['logo']), source, sink)
      : null,
    accent: data.accent ?? null,
    theme: data.theme ?? 'light',
    description: toBlock(bodyNodes(source.tree)),
    file: source.path,
  };
}

/**
 * `logo:` read as a figure written where the YAML value is: the same checks (remote, outside, missing,
 * unsupported) at that value's file:line:col, and its file joined to the node like any figure's.
 */
function readLogo(path: string, alt: string, span: Span, source: ParsedSource, sink: DiagnosticSink): Image {
  // Its alt text is the group's name (else the study's title): in the study's language, never the kit's.
  const logo: Image = {
    type: 'image',
    url: path,
    alt,
    position: { start: { ...span.start }, end: { ...span.end } },
  };
  source.images.push(...readFigures([[logo]], source, sink));
  return logo;
}
