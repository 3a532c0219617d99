/**
 * The parse cache on disk (like ESLint's --cache or Astro's data store): per-file parse results,
 * keyed by path and checked against each file's text, so an unchanged file is never parsed again
 * across runs. The payload is V8's structured serialisation (fast to read back) inside the cache
 * file envelope: any damage (a crash mid-write, a flipped byte, a foreign payload) or another
 * parser version makes the cache ignored, never trusted.
 */
import { AST_VERSION } from './ast.js';
import {
  type CacheFormat,
  type CacheRead,
  decodeCacheFile,
  encodeCacheFile,
  isRecord,
  v8Payload,
} from './cache-file.js';
import type { ParseCache } from './parse.js';
import { isFileResult } from './parse-cache-shape.js';

/** Bump when per-file parsing changes: an older cache is then ignored. (7: image assets carry their EXIF orientation.) */
export const PARSER_VERSION = `ast${AST_VERSION}-parse7`;

/** What studykit wrote before the envelope: `{ format, version, entries }` straight from V8. */
const UNVERSIONED_FORMAT = 'studykit-parse-cache';

const PARSE_CACHE: CacheFormat<ParseCache> = {
  name: 'studykit-parse-cache',
  version: PARSER_VERSION,
  codec: v8Payload,
  // One pass over the entries, each checked at its top level (a few MB for 1,000 papers).
  isValid: (value): value is ParseCache =>
    value instanceof Map &&
    [...value].every(([path, entry]) => typeof path === 'string' && isFileResult(entry)),
  isUnversioned: (value) => isRecord(value) && value.format === UNVERSIONED_FORMAT,
};

export function encodeParseCache(cache: ParseCache): Uint8Array {
  return encodeCacheFile(PARSE_CACHE, cache);
}

/** The cache in `bytes`; or outdated (another parser version), or damaged with the reason. */
export function decodeParseCache(bytes: Uint8Array): CacheRead<ParseCache> {
  return decodeCacheFile(PARSE_CACHE, bytes);
}
