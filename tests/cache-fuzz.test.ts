/**
 * Caches cannot break a build: each of the four cache files, damaged every way we can think of
 * (empty, garbage, cut in half, a flipped byte, a foreign payload with a valid checksum), is ignored
 * with exactly one line naming it, the command still does its job, and the file is written anew; a
 * missing file or one of an older version is ignored without a word.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { encodeCacheFile } from '@studykit/core/cache-file';
import { PARSER_VERSION } from '@studykit/core/fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheFormat, readCachePayload } from './cache-formats.js';
import { type CliResult, root, studykitEach } from './run-cli.js';
import { builtMini } from './shared-build.js';
import { missingTool, skipNote } from './skips.js';
import { temporaryFolder } from './temporary.js';

const mini = join(root, 'tests/fixtures/content-mini');
const noPdftotext = missingTool('pdftotext');

type Payload = Record<string, unknown> | Map<string, unknown>;

/** One cache file: the command that reads it, and how to spoil or age its payload. */
interface CacheFileCase {
  file: string;
  /**
   * Prepares a cache folder holding a good copy of the file (and the outputs the command reuses):
   * a command, or a copy of the run's shared `--only lineage,report` build (tests/shared-build.ts).
   */
  prepare: string[] | 'shared build';
  command: string[];
  /** The payload with a field the reader relies on of the wrong type. */
  wrongShape(payload: Payload): unknown;
  /** The file exactly as studykit wrote it before cache files had a header. */
  unversioned(payload: Payload): Uint8Array;
  /** Whether the command's output is right (beyond its exit code and stdout). */
  outputIsRight?(out: string): void;
}

const firstOf = (map: Map<string, unknown>) => [...map][0] as [string, unknown];

const FILES: CacheFileCase[] = [
  {
    file: 'parse-cache.bin',
    prepare: ['build', '--only', 'index'],
    command: ['build', '--only', 'index'],
    // Before the envelope, a cached entry without its diagnostics list was a TypeError on every run.
    wrongShape: (payload) => {
      const map = new Map(payload as Map<string, Record<string, unknown>>);
      const [path, entry] = firstOf(map);
      return map.set(path, { ...(entry as Record<string, unknown>), diagnostics: null });
    },
    unversioned: (payload) =>
      serialize({
        format: 'studykit-parse-cache',
        version: PARSER_VERSION,
        entries: [...(payload as Map<string, unknown>)],
      }),
  },
  {
    file: 'outputs.json',
    prepare: ['build', '--only', 'index'],
    command: ['build', '--only', 'index'],
    wrongShape: (payload) => ({ ...payload, references: 42 }),
    unversioned: (payload) => Buffer.from(`${JSON.stringify(payload, null, 2)}\n`),
  },
  {
    file: 'check-summary.json',
    prepare: ['check'],
    command: ['check'],
    // The stamp still matches: a reader that trusted it would answer from it.
    wrongShape: (payload) => ({ ...payload, code: 'zero', stdout: 7 }),
    unversioned: (payload) => Buffer.from(JSON.stringify(payload)),
  },
  {
    file: 'references.bin',
    // The lineage is built once, so that each report below reuses its diagrams (no browser).
    prepare: 'shared build',
    command: ['build', '--only', 'report', '--force'],
    wrongShape: (payload) => {
      const map = new Map(payload as Map<string, unknown>);
      return map.set(firstOf(map)[0], [['alpha-2', 5]]);
    },
    unversioned: (payload) =>
      serialize({ format: 'studykit-references-1', entries: [...(payload as Map<string, unknown>)] }),
    outputIsRight: (out) => {
      const text = execFileSync('pdftotext', [join(out, 'report', 'study-report.pdf'), '-'], {
        encoding: 'utf8',
      });
      expect(text).toContain('Hopper, G. (2020). Alpha Two. NeurIPS 2020.');
    },
  },
];

/** Deterministic noise: the same garbage on every run. */
function garbage(length: number): Uint8Array {
  let seed = 20261129;
  return Uint8Array.from({ length }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed >>> 16;
  });
}

/** Each way to spoil a good file at `path`, with the reason its notice gives (undefined: no notice). */
const DAMAGES: {
  damage: string;
  reason: RegExp | undefined;
  spoil(path: string, cache: CacheFileCase): Uint8Array | null;
}[] = [
  { damage: 'missing', reason: undefined, spoil: () => null },
  { damage: 'empty', reason: /empty file/, spoil: () => new Uint8Array() },
  { damage: 'garbage bytes', reason: /no header/, spoil: () => garbage(2000) },
  {
    damage: 'truncated to half',
    // Half of a small file may end inside the header.
    reason: /truncated|no header/,
    spoil: (path) => {
      const good = readFileSync(path);
      return good.subarray(0, good.length >> 1);
    },
  },
  {
    damage: 'one byte flipped in the payload',
    reason: /checksum mismatch/,
    spoil: (path) => {
      const bytes = readFileSync(path);
      const payloadStart = bytes.indexOf('\n') + 1;
      const at = payloadStart + ((bytes.length - payloadStart) >> 1);
      bytes[at] = (bytes[at] ?? 0) ^ 0x01;
      return bytes;
    },
  },
  {
    damage: 'a wrong shape with a valid checksum',
    reason: /unexpected shape/,
    spoil: (path, cache) => encodeCacheFile(cacheFormat(path), cache.wrongShape(readCachePayload(path))),
  },
  {
    damage: 'an older version',
    reason: undefined,
    spoil: (path) => encodeCacheFile(cacheFormat(path, 'older-1'), readCachePayload(path)),
  },
  {
    damage: 'the format from before the header',
    reason: undefined,
    spoil: (path, cache) => cache.unversioned(readCachePayload(path)),
  },
];

/** The lines the CLI prints about itself (notices, crashes), as opposed to progress and diagnostics. */
const ownLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('studykit:'));

const work = temporaryFolder('studykit-cache-fuzz-');
/** A case's folder holds its out/ and its cache/ (outside out/, as the CLI requires). */
const folders = (dir: string) => ['--out', join(dir, 'out'), '--cache', join(dir, 'cache')];

/** What one damaged case saw: the command's first run, what that left, and the run after it. */
interface CaseRun {
  path: string;
  first: CliResult;
  /** out/index.html after the first run. */
  index: string | undefined;
  /** Why the rewritten cache file does not read (after the first run), or undefined if it does. */
  unreadable: unknown;
  /** What the case's own output check threw (after the first run), or undefined. */
  outputWrong: unknown;
  second: CliResult;
}

/** Runs `check`, and says what it threw (undefined if nothing). */
function failureOf(check: () => void): unknown {
  try {
    check();
    return undefined;
  } catch (error) {
    return error;
  }
}

/**
 * Every command of a cache file's cases runs in one Node process through the CLI's own `main`
 * (run-cli.ts's studykitEach): each case has its own out/ and cache/, and a start and an import of the
 * CLI per run cost more than the run. All first runs, then what they left is read, then all second runs.
 */
describe.each(FILES)('$file damaged or aged', (cache) => {
  const prepared = join(work, `prepared-${cache.file}`);
  const skip = cache.outputIsRight ? noPdftotext : undefined;
  const runs = new Map<string, CaseRun>();
  let baseline: { stdout: string; index: string | undefined };

  beforeAll(async () => {
    const commands: string[][] = [];
    if (cache.prepare === 'shared build') {
      const built = await builtMini();
      for (const part of ['out', 'cache'])
        cpSync(join(built.dir, part), join(prepared, part), { recursive: true });
    } else {
      commands.push([...cache.prepare, '--content', mini, ...folders(prepared)]);
    }
    commands.push([...cache.command, '--content', mini, ...folders(prepared)]);
    const prepareRuns = await studykitEach(commands);
    for (const run of prepareRuns) expect(run.code, run.stderr).toBe(0);
    const again = prepareRuns.at(-1) as CliResult;
    expect(existsSync(join(prepared, 'cache', cache.file))).toBe(true);
    const preparedIndex = join(prepared, 'out', 'index.html');
    baseline = {
      stdout: again.stdout,
      index: existsSync(preparedIndex) ? readFileSync(preparedIndex, 'utf8') : undefined,
    };

    const cases = DAMAGES.map(({ damage, spoil }) => {
      const out = join(work, `${cache.file}-${damage.replaceAll(' ', '-')}`);
      cpSync(prepared, out, { recursive: true });
      const path = join(out, 'cache', cache.file);
      const spoiled = spoil(path, cache);
      if (spoiled) writeFileSync(path, spoiled);
      else rmSync(path);
      return { damage, out, path };
    });
    const command = ({ out }: { out: string }) => [...cache.command, '--content', mini, ...folders(out)];
    const firsts = await studykitEach(cases.map(command));
    const left = cases.map(({ out, path }) => {
      const index = join(out, 'out', 'index.html');
      return {
        index: existsSync(index) ? readFileSync(index, 'utf8') : undefined,
        unreadable: failureOf(() => readCachePayload(path)),
        outputWrong: skip ? undefined : failureOf(() => cache.outputIsRight?.(join(out, 'out'))),
      };
    });
    const seconds = await studykitEach(cases.map(command));
    cases.forEach(({ damage, path }, at) => {
      runs.set(damage, {
        path,
        first: firsts[at] as CliResult,
        ...(left[at] as Pick<CaseRun, 'index' | 'unreadable' | 'outputWrong'>),
        second: seconds[at] as CliResult,
      });
    });
  }, 300_000);

  it.skipIf(skip).each(DAMAGES)(
    `$damage: the command succeeds, notices only damage, and rewrites the file${skipNote(skip)}`,
    ({ damage, reason }) => {
      const { path, first, index, unreadable, outputWrong, second } = runs.get(damage) as CaseRun;
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toBe(baseline.stdout);
      if (reason) {
        const [notice, ...others] = ownLines(first.stderr);
        expect(others, first.stderr).toEqual([]);
        expect(notice).toMatch(reason);
        expect(notice?.replace(/ \(.*\);/, ' (…);')).toBe(
          `studykit: ignored a damaged cache file ${path} (…); it will be rebuilt`,
        );
      } else {
        expect(ownLines(first.stderr)).toEqual([]);
      }
      if (baseline.index !== undefined) expect(index).toBe(baseline.index);
      if (outputWrong) throw outputWrong;

      // Written anew, whole and of this version: the next run reads it without a word.
      expect(unreadable).toBeUndefined();
      expect(second.code, second.stderr).toBe(0);
      expect(ownLines(second.stderr)).toEqual([]);
    },
  );
});
