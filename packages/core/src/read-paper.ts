import type { BuildsOn, Paper, RelationKind, Span } from './ast.js';
import { RELATION_KINDS } from './ast.js';
import { bodyNodes } from './blocks.js';
import type { DiagnosticSink } from './diagnostics.js';
import { idProblem, shownName } from './ids.js';
import { checkHeadline, checkTitle, MAX_TITLE_LENGTH } from './layout-limits.js';
import { PAPER_FIELDS, type PaperFrontmatter, paperSchema } from './schema.js';
import { readPaperBody } from './sections.js';
import { toSize } from './size.js';
import { fileStem, type ParsedSource } from './source.js';
import { didYouMean } from './suggest.js';
import { validateFrontmatter } from './validate-frontmatter.js';

export const EARLIEST_YEAR = 1950;

/** A paper as read from its own file; `organisation` falls back to the family's later. */
export type PaperDraft = Omit<Paper, 'organisation'> & {
  organisation?: string;
  idSpan: Span;
  familySpan: Span;
};

export function readPaper(
  source: ParsedSource,
  sink: DiagnosticSink,
  currentYear: number,
): PaperDraft | undefined {
  const stem = fileStem(source.path);
  const stemProblem = idProblem(stem);
  if (stemProblem) {
    sink.report(
      'id-filename',
      source.locator.span(0, 0),
      `File name \`${shownName(source.path.split('/').pop() ?? '')}\` is not a valid id: ${stemProblem}`,
    );
  }
  // The body is checked even when the frontmatter is broken, so one run shows every problem.
  const body = readPaperBody(
    bodyNodes(source.tree),
    source.locator,
    sink,
    source.end,
    Boolean(source.frontmatter),
  );
  const frontmatter = source.frontmatter;
  if (!frontmatter) return undefined;
  const data = validateFrontmatter(paperSchema, frontmatter, PAPER_FIELDS, sink);
  if (!data) return undefined;

  let valid = true;
  const problem = idProblem(data.id);
  if (problem) {
    sink.report(
      'id-invalid',
      frontmatter.bestSpan(['id']),
      `Paper id \`${shownName(data.id)}\` is not valid: ${problem}`,
    );
    valid = false;
  } else if (!stemProblem && data.id !== stem) {
    sink.report(
      'id-filename',
      frontmatter.bestSpan(['id']),
      `Paper id \`${data.id}\` differs from its file name \`${stem}.md\``,
    );
    valid = false;
  }
  if (!isHttpUrl(data.url)) {
    sink.report('url-invalid', frontmatter.bestSpan(['url']), `Url \`${data.url}\` is not an http(s) URL`);
    valid = false;
  }
  if (data.year < EARLIEST_YEAR || data.year > currentYear) {
    sink.report(
      'year-range',
      frontmatter.bestSpan(['year']),
      `Year ${data.year} is outside ${EARLIEST_YEAR}–${currentYear}`,
    );
    valid = false;
  }
  checkTitle('Title', data.title, MAX_TITLE_LENGTH.paperTitle, frontmatter.bestSpan(['title']), sink);
  checkTitle('Short name', data.short, MAX_TITLE_LENGTH.short, frontmatter.bestSpan(['short']), sink);
  if (data.headline !== undefined) checkHeadline(data.headline, frontmatter.bestSpan(['headline']), sink);
  const buildsOn = readBuildsOn(data, source, sink);
  if (!buildsOn) valid = false;
  if (!valid || !buildsOn) return undefined;

  const parameters =
    data.parameters === undefined ? [] : Array.isArray(data.parameters) ? data.parameters : [data.parameters];
  return {
    id: data.id,
    family: data.family,
    title: data.title,
    short: data.short,
    ...(data.headline !== undefined ? { headline: data.headline } : {}),
    year: data.year,
    authors: data.authors,
    venue: data.venue,
    url: data.url,
    ...(data.organisation ? { organisation: data.organisation } : {}),
    parameters: parameters.map(toSize),
    ...(data.tokens !== undefined ? { tokens: toSize(data.tokens) } : {}),
    tags: data.tags ?? [],
    buildsOn,
    ...body,
    footnotes: source.footnotes,
    file: source.path,
    span: source.span,
    digest: source.digest,
    idSpan: frontmatter.bestSpan(['id']),
    familySpan: frontmatter.bestSpan(['family']),
  };
}

function readBuildsOn(
  data: PaperFrontmatter,
  source: ParsedSource,
  sink: DiagnosticSink,
): BuildsOn[] | undefined {
  const frontmatter = source.frontmatter;
  if (!frontmatter) return undefined;
  const entries: BuildsOn[] = [];
  let valid = true;
  (data.builds_on ?? []).forEach((entry, index) => {
    const normalised = typeof entry === 'string' ? { id: entry } : entry;
    const idPath = typeof entry === 'string' ? ['builds_on', index] : ['builds_on', index, 'id'];
    const span = frontmatter.bestSpan(idPath);
    if (normalised.id === data.id) {
      sink.report('builds-on-self', span, `Paper \`${data.id}\` lists itself in builds_on`);
      valid = false;
      return;
    }
    const kind = normalised.kind ?? 'extends';
    if (!isRelationKind(kind)) {
      const suggestion = didYouMean(kind, RELATION_KINDS);
      sink.report(
        'builds-on-kind',
        frontmatter.bestSpan(['builds_on', index, 'kind']),
        `Unknown relation kind \`${kind}\``,
        `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Use one of: ${RELATION_KINDS.join(', ')}.`,
      );
      valid = false;
      return;
    }
    entries.push({
      id: normalised.id,
      kind,
      ...(normalised.label ? { label: normalised.label } : {}),
      span,
    });
  });
  return valid ? entries : undefined;
}

function isRelationKind(kind: string): kind is RelationKind {
  return (RELATION_KINDS as readonly string[]).includes(kind);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
