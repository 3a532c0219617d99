import type { z } from 'zod';
import type { DiagnosticSink } from './diagnostics.js';
import type { FieldPath, Frontmatter } from './frontmatter.js';
import { FIELD_EXPECTATIONS } from './schema.js';
import { didYouMean } from './suggest.js';

/**
 * Checks frontmatter against a schema. Every problem becomes a diagnostic at the offending key or
 * value; the typed data is returned only when the shape is valid.
 */
export function validateFrontmatter<Schema extends z.ZodType>(
  schema: Schema,
  frontmatter: Frontmatter,
  knownFields: readonly string[],
  sink: DiagnosticSink,
): z.infer<Schema> | undefined {
  const data = frontmatter.data;
  if (!isRecord(data)) {
    sink.report('field-type', frontmatter.span, 'Frontmatter must be a set of `key: value` fields');
    return undefined;
  }
  const misspelt = new Map<string, string>(); // known field → the unknown key that is near it
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  const optional = (field: string) => shape?.[field]?.safeParse(undefined).success !== false;
  reportUnknownFields(data, [], knownFields, optional, frontmatter, sink, misspelt);

  const result = schema.safeParse(data);
  if (result.success) return result.data;

  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    const key = path.join('.');
    if (seen.has(key)) continue; // a union reports each branch; one message per field is enough
    seen.add(key);
    const value = valueAt(data, path);
    const name = describePath(path);
    const nearMiss = path.length === 1 ? misspelt.get(String(path[0])) : undefined;
    if (value === undefined && nearMiss !== undefined) {
      // Reported where the author wrote it: the misspelt key (reportUnknownFields left it to us).
      sink.report(
        'field-missing',
        frontmatter.keySpan([nearMiss]) ?? frontmatter.span,
        `Missing required field \`${name}\`: \`${nearMiss}\` looks like a misspelling of it`,
        `Rename \`${nearMiss}\` to \`${name}\`.`,
      );
    } else if (value === null && frontmatter.commentedValue([...path])) {
      // `colour: #e11d48`: YAML reads an unquoted `#` after a space as the start of a comment.
      sink.report(
        'field-type',
        frontmatter.commentedValue([...path]) ?? frontmatter.bestSpan(path),
        `Field \`${name}\` is empty: YAML reads the unquoted \`#\` as the start of a comment`,
        `Quote the value: ${name}: "${frontmatter.commentText([...path]) ?? '#…'}".`,
      );
    } else if (value === undefined || value === null) {
      sink.report(
        'field-missing',
        frontmatter.keySpan(path) ?? frontmatter.bestSpan(path.slice(0, -1)),
        `Missing required field \`${name}\``,
      );
    } else {
      sink.report(
        'field-type',
        frontmatter.bestSpan(path),
        `Field \`${name}\` must be ${expectation(path)}, got ${describeValue(value)}`,
      );
    }
  }
  return undefined;
}

/**
 * Reports keys the schema does not know, also inside `builds_on` entries: an error, since a misspelt
 * optional field (`buildson:`) would otherwise vanish without a trace. A key near a known field that
 * is absent is left in `misspelt` when that field is required, for one message at the key.
 */
function reportUnknownFields(
  data: Record<string, unknown>,
  path: FieldPath,
  knownFields: readonly string[],
  optional: (field: string) => boolean,
  frontmatter: Frontmatter,
  sink: DiagnosticSink,
  misspelt: Map<string, string>,
): void {
  for (const key of Object.keys(data)) {
    if (knownFields.includes(key)) continue;
    const fieldPath = [...path, key];
    const close = nearestField(key, knownFields);
    if (path.length === 0 && close !== undefined && !(close in data) && !misspelt.has(close)) {
      misspelt.set(close, key);
      // A required field is reported as missing, at this key; an optional one as unknown, here.
      if (!optional(close)) continue;
    }
    sink.report(
      'field-unknown',
      frontmatter.keySpan(fieldPath) ?? frontmatter.bestSpan(fieldPath),
      `Unknown field \`${describePath(fieldPath)}\``,
      close
        ? `Did you mean \`${close}\`?`
        : `Remove it or fix its spelling; the known fields here are ${knownFields.map((f) => `\`${f}\``).join(', ')}.`,
    );
  }
  const buildsOn = data.builds_on;
  if (path.length === 0 && Array.isArray(buildsOn)) {
    buildsOn.forEach((entry, index) => {
      if (isRecord(entry))
        reportUnknownFields(
          entry,
          ['builds_on', index],
          ['id', 'kind', 'label'],
          () => true,
          frontmatter,
          sink,
          new Map(),
        );
    });
  }
}

/** The known field an unknown key was probably meant to be: same letters, or a small edit away. */
function nearestField(key: string, knownFields: readonly string[]): string | undefined {
  const folded = key.toLowerCase().replace(/[_-]/g, '');
  const sameLetters = knownFields.find((known) => known.replace(/_/g, '') === folded);
  if (sameLetters) return sameLetters;
  // Plurals and the American spelling are the usual slips: `author`, `question`, `organization`.
  const variants = [
    folded,
    `${folded}s`,
    folded.replace(/ization$/, 'isation'),
    folded.replace(/color$/, 'colour'),
  ];
  const variant = knownFields.find((known) => variants.includes(known.replace(/_/g, '')));
  return variant ?? didYouMean(key, knownFields);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let current: unknown = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** `builds_on[1].kind` */
export function describePath(path: FieldPath): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

function expectation(path: FieldPath): string {
  const lastName = [...path].reverse().find((part): part is string => typeof part === 'string') ?? '';
  const inList = typeof path[path.length - 1] === 'number';
  if (inList && lastName === 'authors') return 'a name (text)';
  if (inList && lastName === 'tags') return 'text';
  if (inList && lastName === 'parameters') return 'a size such as 175B';
  if (inList && lastName === 'builds_on') return 'a paper id or an {id, kind, label} entry';
  return FIELD_EXPECTATIONS[lastName] ?? 'a valid value';
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
