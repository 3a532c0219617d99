/**
 * The cache folder's files as tests see them: each one's envelope (format name, version, payload
 * codec) written out here on purpose, so that a change to what lands on disk shows up as a test
 * change. Payloads are read and written without a shape check: tests plant wrong ones.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  type CacheFormat,
  decodeCacheFile,
  encodeCacheFile,
  jsonPayload,
  v8Payload,
} from '@studykit/core/cache-file';
import { PARSER_VERSION } from '@studykit/core/fs';

const isAnything = (_value: unknown): _value is unknown => true;

export const CACHE_FORMATS: Record<string, CacheFormat<unknown>> = {
  'parse-cache.bin': {
    name: 'studykit-parse-cache',
    version: PARSER_VERSION,
    codec: v8Payload,
    isValid: isAnything,
  },
  'outputs.json': { name: 'studykit-outputs', version: '2', codec: jsonPayload, isValid: isAnything },
  'check-summary.json': {
    name: 'studykit-check-summary',
    version: '2',
    codec: jsonPayload,
    isValid: isAnything,
  },
  'references.bin': { name: 'studykit-references', version: '2', codec: v8Payload, isValid: isAnything },
};

/** The envelope of the cache file at `path` (by its name), at another version if asked. */
export function cacheFormat(path: string, version?: string): CacheFormat<unknown> {
  const format = CACHE_FORMATS[basename(path)];
  if (!format) throw new Error(`not a cache file: ${path}`);
  return version === undefined ? format : { ...format, version };
}

/** The payload of the cache file at `path`; throws unless it is whole and of this version. */
export function readCachePayload<T = unknown>(path: string): T {
  const read = decodeCacheFile(cacheFormat(path), readFileSync(path));
  if (read.status !== 'ok') throw new Error(`${path} does not read: ${JSON.stringify(read)}`);
  return read.value as T;
}

/** Writes `value` as the payload of the cache file at `path`, in a valid envelope. */
export function writeCachePayload(path: string, value: unknown, version?: string): void {
  writeFileSync(path, encodeCacheFile(cacheFormat(path, version), value));
}
