import type { Meeting, Span } from './ast.js';
import type { DiagnosticSink } from './diagnostics.js';
import { readFigures } from './figures.js';
import { idProblem, shownName } from './ids.js';
import { readInlineMarkdown } from './inline-markdown.js';
import { checkTitle, MAX_TITLE_LENGTH } from './layout-limits.js';
import { MEETING_FIELDS, meetingSchema } from './schema.js';
import { fileStem, type ParsedSource } from './source.js';
import { validateFrontmatter } from './validate-frontmatter.js';

/** Meeting files live in `meetings/` at the root of the content folder, one per meeting. */
export function isMeetingPath(path: string): boolean {
  return /^meetings\/[^/]+\.md$/i.test(path);
}

/** A meeting as read from its file; its paper ids are checked once every paper is known. */
export interface MeetingDraft extends Meeting {
  /** Where each listed paper id is written, for diagnostics. */
  paperSpans: Span[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written as YYYY-MM-DD (YAML may hand over a Date for an unquoted one). */
function calendarDate(value: string | Date): string | undefined {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
  const match = DATE.exec(text);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text ? text : undefined;
}

export function readMeeting(source: ParsedSource, sink: DiagnosticSink): MeetingDraft | undefined {
  // The file name is the meeting's id: its deck's folder and address.
  const id = fileStem(source.path);
  const idInvalid = idProblem(id);
  if (idInvalid) {
    sink.report(
      'id-filename',
      source.locator.span(0, 0),
      `Meeting file name \`${shownName(source.path.split('/').pop() ?? '')}\` is not a valid id: ${idInvalid}`,
    );
  }
  const frontmatter = source.frontmatter;
  if (!frontmatter) return undefined;
  const data = validateFrontmatter(meetingSchema, frontmatter, MEETING_FIELDS, sink);
  if (!data) return undefined;
  const date = calendarDate(data.date);
  if (!date) {
    sink.report(
      'meeting-date',
      frontmatter.bestSpan(['date']),
      `Meeting date \`${data.date instanceof Date ? data.date.toISOString() : data.date}\` is not a YYYY-MM-DD calendar day`,
    );
    return undefined;
  }
  if (data.title !== undefined) {
    checkTitle(
      'Meeting title',
      data.title,
      MAX_TITLE_LENGTH.coverTitle,
      frontmatter.bestSpan(['title']),
      sink,
    );
  }
  let valid = true;
  data.papers.forEach((id, index) => {
    const first = data.papers.indexOf(id);
    if (first !== index) {
      sink.report(
        'meeting-paper-duplicate',
        frontmatter.bestSpan(['papers', index]),
        `Paper \`${id}\` is listed twice (first as paper ${first + 1})`,
      );
      valid = false;
    }
  });
  if (!valid || idInvalid) return undefined;
  // Questions are markdown like the notes (a formula, emphasis), read where the YAML writes them.
  const questions = (data.questions ?? []).map((question, index) =>
    readInlineMarkdown(question, frontmatter.bestSpan(['questions', index]), source.text, source.locator),
  );
  source.images.push(
    ...readFigures(
      questions.map((question) => question.children),
      source,
      sink,
    ),
  );
  return {
    id,
    date,
    title: data.title ?? null,
    presenter: data.presenter ?? null,
    papers: data.papers,
    questions,
    file: source.path,
    span: source.span,
    paperSpans: data.papers.map((_, index) => frontmatter.bestSpan(['papers', index])),
  };
}
