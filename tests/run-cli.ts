import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
/** The built CLI, as `npm run setup` leaves it; tests run it like a user does. */
export const bin = join(root, 'packages/cli/dist/bin.js');

/**
 * The day every test runs on, whatever the clock says: the CLI takes "today" from SOURCE_DATE_EPOCH.
 * (Expected outputs such as "Year 1850 is outside 1950–2026" would otherwise break on 1 January 2027.)
 */
export const TEST_TODAY = new Date(Date.UTC(2026, 10, 29));

/** Time zone and locale are pinned too: no output may depend on the machine's. */
export const TEST_ENV: Record<string, string> = {
  SOURCE_DATE_EPOCH: String(TEST_TODAY.getTime() / 1000),
  TZ: 'Pacific/Kiritimati',
  LANG: 'tr_TR.UTF-8',
  LC_ALL: 'tr_TR.UTF-8',
};

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `studykit …` from the repository root and resolves with its exit code and output. */
export function studykit(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      'node',
      [bin, ...args],
      { cwd: root, env: { ...process.env, ...TEST_ENV, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The folders of a build: what `studykitBuild` passes as `--content`, `--out` and `--cache`. */
export interface BuildFolders {
  content: string;
  out: string;
  cache: string;
}

/** `studykit build --content … --out … --cache …` and the further arguments. */
export function studykitBuild(folders: BuildFolders, ...args: string[]): Promise<CliResult> {
  return studykit([
    'build',
    '--content',
    folders.content,
    '--out',
    folders.out,
    '--cache',
    folders.cache,
    ...args,
  ]);
}

/**
 * Runs each command line as `studykit()` would, all in one Node process (tests/run-many.mjs), one after
 * the other: for many quick commands that only read (a `check` per bad-content case), where starting
 * Node and importing the CLI each time costs more than the command. Resolves with one result per line.
 */
export function studykitEach(
  commands: readonly (readonly string[])[],
  env: Record<string, string> = {},
): Promise<CliResult[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'node',
      [join(root, 'tests/run-many.mjs')],
      { cwd: root, env: { ...process.env, ...TEST_ENV, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // The CLI prints through its io only: anything else on stderr would be lost to every result.
        if (error || stderr)
          reject(new Error(`tests/run-many.mjs: ${error?.message ?? 'printed'}:\n${stderr}`));
        else resolve(JSON.parse(stdout) as CliResult[]);
      },
    );
    child.stdin?.end(JSON.stringify(commands));
  });
}
