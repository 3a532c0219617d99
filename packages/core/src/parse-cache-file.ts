/**
 * The parse cache on disk (like ESLint's --cache or Astro's data store): per-file parse results,
 * keyed by path and checked against each file's text, so an unchanged file is never parsed again
 * across runs. The bytes are V8's structured serialisation: fast to read back, and any damage (a
 * crash mid-write, another parser version) makes the cache ignored, never trusted.
 */
import { deserialize, serialize } from 'node:v8';
import { AST_VERSION } from './ast.js';
import type { ParseCache } from './parse.js';

/** Bump when per-file parsing changes: an older cache is then ignored. */
export const PARSER_VERSION = `ast${AST_VERSION}-parse3`;
const FORMAT = 'studykit-parse-cache';

export function encodeParseCache(cache: ParseCache): Uint8Array {
  return serialize({ format: FORMAT, version: PARSER_VERSION, entries: [...cache] });
}

/** The cache in `bytes`, or undefined when they are not a complete cache of this parser version. */
export function decodeParseCache(bytes: Uint8Array): ParseCache | undefined {
  try {
    const value = deserialize(bytes) as { format?: unknown; version?: unknown; entries?: unknown };
    if (value?.format !== FORMAT || value.version !== PARSER_VERSION || !Array.isArray(value.entries)) {
      return undefined;
    }
    return new Map(value.entries as [string, never][]);
  } catch {
    return undefined;
  }
}
