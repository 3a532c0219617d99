import type { z } from 'zod';
import type { DiagnosticSink } from './diagnostics.js';
import type { FieldPath, Frontmatter } from './frontmatter.js';
import { FIELD_EXPECTATIONS } from './schema.js';

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
  reportUnknownFields(data, [], knownFields, frontmatter, sink);

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
    if (value === undefined || value === null) {
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

/** Warns about keys the schema does not know, also inside `builds_on` entries. */
function reportUnknownFields(
  data: Record<string, unknown>,
  path: FieldPath,
  knownFields: readonly string[],
  frontmatter: Frontmatter,
  sink: DiagnosticSink,
): void {
  for (const key of Object.keys(data)) {
    if (knownFields.includes(key)) continue;
    const fieldPath = [...path, key];
    const close = knownFields.find(
      (known) => known.replace(/_/g, '') === key.toLowerCase().replace(/[_-]/g, ''),
    );
    sink.report(
      'field-unknown',
      frontmatter.keySpan(fieldPath) ?? frontmatter.bestSpan(fieldPath),
      `Unknown field \`${describePath(fieldPath)}\``,
      close ? `Did you mean \`${close}\`?` : undefined,
    );
  }
  const buildsOn = data.builds_on;
  if (path.length === 0 && Array.isArray(buildsOn)) {
    buildsOn.forEach((entry, index) => {
      if (isRecord(entry))
        reportUnknownFields(entry, ['builds_on', index], ['id', 'kind', 'label'], frontmatter, sink);
    });
  }
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
