/**
 * `studykit check` with nothing changed answers from a small summary instead of loading the parser:
 * the size and modification time of every file in the content folder, the parser's own files, the
 * year checked against, and what the last check printed. Any difference, and the full check runs.
 * Light on purpose: only node's fs and the cache file envelope here (importing core's main entry
 * would load remark, the cost it saves).
 */
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRecord, jsonPayload } from '@studykit/core/cache-file';
import { cacheFile, readCacheFile, writeCacheFile } from './cache-file.js';
import type { Notice } from './io.js';

const require = createRequire(import.meta.url);

export interface CheckSummary {
  stamp: string;
  stdout: string;
  stderr: string;
  code: number;
}

const isSummary = (value: unknown): value is CheckSummary =>
  isRecord(value) &&
  typeof value.stamp === 'string' &&
  typeof value.stdout === 'string' &&
  typeof value.stderr === 'string' &&
  Number.isInteger(value.code);

const SUMMARY = cacheFile('check-summary.json', {
  name: 'studykit-check-summary',
  version: '2',
  codec: jsonPayload,
  isValid: isSummary,
  // Version 1 was the same object, without an envelope.
  isUnversioned: isSummary,
});

/** Every file below the content folder (dot-files and node_modules aside) with its size and time. */
async function folderStamp(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (path) =>
        !relative(dir, path)
          .split(sep)
          .some((part) => part.startsWith('.') || part === 'node_modules'),
    )
    .sort();
  return Promise.all(
    files.map(async (path) => {
      const info = await stat(path).catch(() => undefined);
      return `${path} ${info?.size ?? -1} ${info?.mtimeMs ?? -1} ${info?.isFile() ? 'f' : 'o'}`;
    }),
  );
}

/** The parser's built files and what prints its findings: a new studykit makes a new stamp. */
async function parserStamp(): Promise<string[]> {
  const core = dirname(require.resolve('@studykit/core'));
  const names = (await readdir(core)).filter((name) => name.endsWith('.js')).sort();
  const printer = fileURLToPath(new URL('./diagnostic-output.js', import.meta.url));
  return Promise.all(
    [...names.map((name) => join(core, name)), printer].map(async (path) => {
      const info = await stat(path);
      return `${path} ${info.size} ${info.mtimeMs}`;
    }),
  );
}

export async function currentStamp(content: string, year: number): Promise<string> {
  const [files, parser] = await Promise.all([folderStamp(content), parserStamp()]);
  return JSON.stringify({ year, files, parser });
}

export function readSummary(cacheDir: string, notice: Notice): Promise<CheckSummary | undefined> {
  return readCacheFile(cacheDir, SUMMARY, notice);
}

export async function writeSummary(cacheDir: string, summary: CheckSummary): Promise<void> {
  await writeCacheFile(cacheDir, SUMMARY, summary).catch(() => {
    // A read-only cache folder only costs speed.
  });
}
