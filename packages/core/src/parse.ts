import { type AssetReader, AssetTable, withAssets } from './assets.js';
import type { Diagnostic, Family, Meeting, Paper, Span, Study, StudyAst } from './ast.js';
import { AST_VERSION } from './ast.js';
import { compareCodePoints } from './compare.js';
import { DiagnosticSink, hasErrors, sortDiagnostics } from './diagnostics.js';
import { sha256 } from './digest.js';
import type { ImageReference } from './figures.js';
import { idProblem } from './ids.js';
import { buildLineage, lineageDepths } from './lineage.js';
import { type FamilyDraft, readFamily } from './read-family.js';
import { isMeetingPath, type MeetingDraft, readMeeting } from './read-meeting.js';
import { type PaperDraft, readPaper } from './read-paper.js';
import { DEFAULT_STUDY, readStudy, STUDY_FILE } from './read-study.js';
import { type ContentFile, fileStem, readSource } from './source.js';
import { didYouMean } from './suggest.js';

export interface ParseOptions {
  /** Latest allowed paper year; defaults to the current year (set it for reproducible tests). */
  currentYear?: number;
  /** Problems found before parsing (unreadable files…), merged into the AST's diagnostics. */
  diagnostics?: readonly Diagnostic[];
  /**
   * Per-file results from an earlier parse (see `createParseCache`): a file whose text is unchanged
   * is not parsed again, only the cross-file checks rerun (watch mode).
   */
  cache?: ParseCache;
  /**
   * Reads the image files the notes show (paths relative to the content folder): `loadContent` gives
   * one over the folder, tests `assetsFrom(map)`. Without it every image is missing.
   */
  readAsset?: AssetReader;
}

/** What one file yields on its own, before the cross-file checks. */
export interface FileResult {
  /** sha256 of the file's text as read: an unchanged text is not parsed again (the text is not kept). */
  textDigest: string;
  currentYear: number;
  digest: string;
  diagnostics: Diagnostic[];
  family?: FamilyDraft;
  paper?: PaperDraft;
  study?: Study;
  meeting?: MeetingDraft;
  /** Local images the file shows, in reading order; read from disk on every parse, never cached. */
  images: ImageReference[];
  /**
   * The id a file meant to declare when it failed validation: references to it are not reported
   * again as "unknown" (one broken file, one error).
   */
  brokenId?: { kind: 'family' | 'paper'; id: string };
}

export type ParseCache = Map<string, FileResult>;

export function createParseCache(): ParseCache {
  return new Map();
}

/** Whether the cache already holds this file's result for this text and year (nothing to parse). */
export function isCached(cache: ParseCache, file: ContentFile, currentYear: number): boolean {
  const cached = cache.get(file.path);
  return !!cached && cached.currentYear === currentYear && cached.textDigest === sha256(file.contents);
}

/** Parses files on their own (no cross-file checks) into the cache: the part worker threads share. */
export function parseIntoCache(files: readonly ContentFile[], currentYear: number, cache: ParseCache): void {
  for (const file of files) readFileCached(file, currentYear, cache);
}

function readFileCached(file: ContentFile, currentYear: number, cache: ParseCache | undefined): FileResult {
  const cached = cache?.get(file.path);
  const textDigest = sha256(file.contents);
  if (cached && cached.currentYear === currentYear && cached.textDigest === textDigest) return cached;
  const sink = new DiagnosticSink();
  const source = readSource(file, sink);
  const result: FileResult = {
    textDigest,
    currentYear,
    digest: source?.digest ?? sha256(file.contents),
    diagnostics: sink.list,
    images: source?.images ?? [],
  };
  // A tree nested too deeply is never walked: the file is reported, its id counts as broken.
  if (source && !source.tooDeep) {
    const isFamily = (file.path.split('/').pop() ?? '').toLowerCase() === FAMILY_FILE;
    if (file.path === STUDY_FILE) {
      const study = readStudy(source, sink);
      if (study) result.study = study;
    } else if (isMeetingPath(file.path)) {
      const meeting = readMeeting(source, sink);
      if (meeting) result.meeting = meeting;
    } else if (isFamily) {
      const family = readFamily(source, sink);
      if (family) result.family = family;
    } else {
      const paper = readPaper(source, sink, currentYear);
      if (paper) result.paper = paper;
    }
  }
  if (!result.family && !result.paper && file.path !== STUDY_FILE && !isMeetingPath(file.path)) {
    const data = source?.frontmatter?.data as { id?: unknown } | undefined;
    const isFamily = (file.path.split('/').pop() ?? '').toLowerCase() === FAMILY_FILE;
    const declared = typeof data?.id === 'string' ? data.id : undefined;
    // Other files name a paper whose own id is malformed by its file name.
    const id = isFamily ? declared : declared && !idProblem(declared) ? declared : fileStem(file.path);
    if (id) result.brokenId = { kind: isFamily ? 'family' : 'paper', id };
  }
  cache?.set(file.path, result);
  return result;
}

export const FAMILY_FILE = 'family.md';

/** Which files of a content folder are content: markdown, except READMEs. */
export function isContentPath(path: string): boolean {
  const base = (path.split('/').pop() ?? '').toLowerCase();
  return base.endsWith('.md') && base !== 'readme.md';
}

/**
 * The pure entry: content files in, AST out. Never throws on content; every problem is a diagnostic.
 * Papers or families with errors are left out of the AST, so renderers only see valid data.
 */
export function parse(files: readonly ContentFile[], options: ParseOptions = {}): StudyAst {
  const sink = new DiagnosticSink();
  sink.list.push(...(options.diagnostics ?? []));
  const currentYear = options.currentYear ?? new Date().getUTCFullYear();
  const sorted = [...files]
    .filter((file) => isContentPath(file.path))
    .sort((a, b) => compareCodePoints(a.path, b.path));

  let study: Study = DEFAULT_STUDY;
  const familyDrafts: FamilyDraft[] = [];
  const meetingDrafts: MeetingDraft[] = [];
  const paperDrafts: PaperDraft[] = [];
  const sources: { path: string; digest: string }[] = [];
  const broken = { family: new Set<string>(), paper: new Set<string>() };
  const assets = new AssetTable(options.readAsset);
  for (const diagnostic of options.diagnostics ?? []) {
    // A paper that could not be read is not reported again where it is named (a folder is no paper).
    if (diagnostic.rule === 'file-unreadable' && isContentPath(diagnostic.file)) {
      broken.paper.add(fileStem(diagnostic.file));
    }
  }
  for (const file of sorted) {
    const read = readFileCached(file, currentYear, options.cache);
    sink.list.push(...read.diagnostics);
    // What a file shows is part of it: an edited image changes the digest of every note showing it.
    const shown = read.images.map((image) => assets.resolve(image, sink)?.digest ?? 'missing');
    const digest = shown.length > 0 ? sha256(read.digest, ...shown) : read.digest;
    const attach = <Draft>(draft: Draft): Draft =>
      shown.length > 0 ? withAssets(draft, file.path, assets) : draft;
    sources.push({ path: file.path, digest });
    if (read.brokenId) broken[read.brokenId.kind].add(read.brokenId.id);
    if (read.study) study = attach(read.study);
    if (read.meeting) meetingDrafts.push(attach(read.meeting));
    if (read.family) familyDrafts.push({ ...attach(read.family), fileDigest: digest });
    if (read.paper) paperDrafts.push({ ...attach(read.paper), digest });
  }
  if (options.cache) {
    // Forget files that are gone, so a long watch session does not grow without bound.
    const present = new Set(sorted.map((file) => file.path));
    for (const path of options.cache.keys()) if (!present.has(path)) options.cache.delete(path);
  }

  const families = uniqueById(familyDrafts, 'Family', sink);
  const familyById = new Map(families.map((family) => [family.id, family]));
  const papers: Paper[] = [];
  for (const draft of uniqueById(paperDrafts, 'Paper', sink)) {
    const family = familyById.get(draft.family);
    if (!family) {
      if (broken.family.has(draft.family)) continue; // its family.md already has an error
      const suggestion = didYouMean(draft.family, [...familyById.keys()]);
      sink.report(
        'family-unknown',
        draft.familySpan,
        `Paper \`${draft.id}\` names unknown family \`${draft.family}\``,
        suggestion
          ? `Did you mean \`${suggestion}\`?`
          : `Known families: ${[...familyById.keys()].join(', ') || 'none (add a family.md)'}.`,
      );
      continue;
    }
    const { familySpan: _familySpan, idSpan: _idSpan, ...rest } = draft;
    papers.push({ ...rest, organisation: draft.organisation ?? family.organisation });
  }

  families.sort((a, b) => a.order - b.order || compareCodePoints(a.id, b.id));
  const familyRank = new Map(families.map((family, index) => [family.id, index]));
  const depth = lineageDepths(papers);
  papers.sort(
    (a, b) =>
      (familyRank.get(a.family) ?? 0) - (familyRank.get(b.family) ?? 0) ||
      a.year - b.year ||
      (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0) ||
      compareCodePoints(a.id, b.id),
  );
  const edges = buildLineage(papers, sink, broken.paper);
  const meetings = checkMeetings(meetingDrafts, papers, broken.paper, sink);
  const finished = families.map((draft) => finishFamily(draft, papers, sink));

  return {
    version: AST_VERSION,
    study,
    families: finished,
    papers,
    edges,
    meetings,
    files: sources,
    diagnostics: sortDiagnostics(sink.list),
  };
}

/** Meetings whose papers all exist, by date; an unknown id is reported where it is written. */
function checkMeetings(
  drafts: readonly MeetingDraft[],
  papers: readonly Paper[],
  brokenPapers: ReadonlySet<string>,
  sink: DiagnosticSink,
): Meeting[] {
  const known = papers.map((paper) => paper.id);
  const meetings: Meeting[] = [];
  for (const draft of uniqueById(
    drafts.map((d) => ({ ...d, idSpan: d.span })),
    'Meeting',
    sink,
  )) {
    const { paperSpans, idSpan: _idSpan, ...meeting } = draft;
    let valid = true;
    draft.papers.forEach((id, index) => {
      if (known.includes(id) || brokenPapers.has(id)) return;
      const suggestion = didYouMean(id, known);
      sink.report(
        'meeting-paper-unknown',
        paperSpans[index] ?? draft.span,
        `Meeting ${draft.date} lists unknown paper \`${id}\``,
        suggestion ? `Did you mean \`${suggestion}\`?` : undefined,
      );
      valid = false;
    });
    if (valid && !draft.papers.some((id) => brokenPapers.has(id))) meetings.push(meeting);
  }
  return meetings.sort((a, b) => compareCodePoints(a.date, b.date) || compareCodePoints(a.id, b.id));
}

function finishFamily(draft: FamilyDraft, papers: readonly Paper[], sink: DiagnosticSink): Family {
  const members = papers.filter((paper) => paper.family === draft.id);
  // A family whose papers all failed validation is not "empty": say nothing until the errors are fixed.
  if (members.length === 0 && !hasErrors(sink.list)) {
    sink.report('family-empty', draft.idSpan, `Family \`${draft.id}\` has no papers`);
  }
  const { fileDigest, idSpan: _idSpan, ...family } = draft;
  const years = members.map((paper) => paper.year);
  return {
    ...family,
    papers: members.map((paper) => paper.id),
    period: members.length > 0 ? { from: Math.min(...years), to: Math.max(...years) } : null,
    digest: sha256(fileDigest, ...members.map((paper) => paper.digest)),
  };
}

/** Keeps the first of each id (in path order) and reports the others at their `id` value. */
function uniqueById<Draft extends { id: string; file: string; idSpan: Span }>(
  drafts: readonly Draft[],
  noun: string,
  sink: DiagnosticSink,
): Draft[] {
  const first = new Map<string, Draft>();
  for (const draft of drafts) {
    const earlier = first.get(draft.id);
    if (earlier) {
      sink.report(
        'id-duplicate',
        draft.idSpan,
        `${noun} id \`${draft.id}\` is already used by ${earlier.file}`,
      );
    } else {
      first.set(draft.id, draft);
    }
  }
  return [...first.values()];
}
