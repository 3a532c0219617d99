/**
 * The shape check of a parse cache read from disk: every entry must have the fields `parse` reads
 * from it (and hands on to renderers) with the right types, or a wrong one would throw a TypeError
 * on every run. One pass over each entry's top-level fields: nested trees (sections' markdown) are
 * not walked, the checksum already vouches for the bytes; this is a guard against a payload that
 * checksums fine but was written by something else.
 */
import type { Diagnostic, Study } from './ast.js';
import { isRecord } from './cache-file.js';
import type { FileResult } from './parse.js';
import type { FamilyDraft } from './read-family.js';
import type { MeetingDraft } from './read-meeting.js';
import type { PaperDraft } from './read-paper.js';

type Kind = 'string' | 'number' | 'array' | 'object' | 'string?' | 'object?' | 'string|null' | 'number|null';

/** Every field of `T` with its kind: a field added to the AST fails to compile until it is listed. */
type Fields<T> = { readonly [K in keyof Required<T>]: Kind };

const PAPER: Fields<PaperDraft> = {
  id: 'string',
  family: 'string',
  title: 'string',
  short: 'string',
  headline: 'string?',
  year: 'number',
  authors: 'array',
  venue: 'string',
  url: 'string',
  organisation: 'string?',
  parameters: 'array',
  tokens: 'object?',
  tags: 'array',
  buildsOn: 'array',
  sections: 'array',
  conclusions: 'array',
  notes: 'array',
  footnotes: 'array',
  file: 'string',
  span: 'object',
  digest: 'string',
  idSpan: 'object',
  familySpan: 'object',
};

const FAMILY: Fields<FamilyDraft> = {
  id: 'string',
  name: 'string',
  organisation: 'string',
  order: 'number',
  colour: 'string',
  overview: 'object',
  sections: 'array',
  footnotes: 'array',
  file: 'string',
  span: 'object',
  fileDigest: 'string',
  idSpan: 'object',
};

const STUDY: Fields<Study> = {
  title: 'string',
  subtitle: 'string|null',
  group: 'string|null',
  language: 'string|null',
  description: 'object',
  file: 'string|null',
};

const MEETING: Fields<MeetingDraft> = {
  id: 'string',
  date: 'string',
  title: 'string|null',
  presenter: 'string|null',
  time: 'string|null',
  duration: 'number|null',
  place: 'string|null',
  papers: 'array',
  questions: 'array',
  file: 'string',
  span: 'object',
  paperSpans: 'array',
};

const DIAGNOSTIC: Fields<Diagnostic> = {
  file: 'string',
  line: 'number',
  column: 'number',
  endLine: 'number',
  endColumn: 'number',
  severity: 'string',
  message: 'string',
  rule: 'string',
  hint: 'string?',
};

const RESULT: Fields<Omit<FileResult, 'diagnostics' | 'brokenId'>> = {
  textDigest: 'string',
  currentYear: 'number',
  digest: 'string',
  family: 'object?',
  paper: 'object?',
  study: 'object?',
  meeting: 'object?',
  images: 'array',
};

function hasKind(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    case 'string?':
      return value === undefined || typeof value === 'string';
    case 'object?':
      return value === undefined || isRecord(value);
    case 'string|null':
      return value === null || typeof value === 'string';
    case 'number|null':
      return value === null || typeof value === 'number';
  }
}

/** Whether `value` is an object whose listed fields all have their kind. */
function hasFields<T>(value: unknown, fields: Fields<T>): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  for (const field in fields) if (!hasKind(value[field], fields[field])) return false;
  return true;
}

function optional<T>(value: unknown, fields: Fields<T>): boolean {
  return value === undefined || hasFields(value, fields);
}

function isDiagnostic(value: unknown): boolean {
  return hasFields(value, DIAGNOSTIC) && (value.severity === 'error' || value.severity === 'warning');
}

/** The lineage reads each `builds_on` entry's id and kind. */
function isRelation(value: unknown): boolean {
  return isRecord(value) && typeof value.id === 'string' && typeof value.kind === 'string';
}

function isPaper(value: unknown): boolean {
  return hasFields(value, PAPER) && (value.buildsOn as unknown[]).every(isRelation);
}

function isBrokenId(value: unknown): boolean {
  return (
    isRecord(value) && (value.kind === 'family' || value.kind === 'paper') && typeof value.id === 'string'
  );
}

/** Whether `value` has the top-level shape of one file's parse result. */
export function isFileResult(value: unknown): value is FileResult {
  return (
    hasFields(value, RESULT) &&
    Array.isArray(value.diagnostics) &&
    value.diagnostics.every(isDiagnostic) &&
    (value.paper === undefined || isPaper(value.paper)) &&
    optional(value.family, FAMILY) &&
    optional(value.study, STUDY) &&
    optional(value.meeting, MEETING) &&
    (value.brokenId === undefined || isBrokenId(value.brokenId))
  );
}
