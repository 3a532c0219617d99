import type { Study } from './ast.js';
import { bodyNodes, toBlock } from './blocks.js';
import type { DiagnosticSink } from './diagnostics.js';
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
  description: { children: [], text: '' },
  file: null,
};

export function readStudy(source: ParsedSource, sink: DiagnosticSink): Study | undefined {
  if (!source.frontmatter) return undefined;
  const data = validateFrontmatter(studySchema, source.frontmatter, STUDY_FIELDS, sink);
  if (!data) return undefined;
  return {
    title: data.title,
    subtitle: data.subtitle ?? null,
    group: data.group ?? null,
    language: data.language ?? null,
    description: toBlock(bodyNodes(source.tree)),
    file: source.path,
  };
}
