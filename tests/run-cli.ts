import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

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
  if (fileRunner) return fileRunner.run(args, env);
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

/** The runner `useCliRunner` started for the current test file. */
let fileRunner: CliRunner | undefined;

/**
 * Runs this file's `studykit()` and `studykitBuild()` commands in one CLI process with a warm Chromium
 * (`cliRunner`): for a file of many builds, each of which would otherwise start Node, import the
 * renderers and launch Chromium again (tests/README.md). Not for commands that must differ in locale
 * (the process keeps the one it started with) or that a test runs at the same time as another.
 */
export function useCliRunner(env: Record<string, string> = {}): void {
  beforeAll(() => {
    fileRunner = cliRunner(env);
  });
  afterAll(async () => {
    await fileRunner?.close();
    fileRunner = undefined;
  });
}

/** A CLI process that runs command after command: see `cliRunner`. */
export interface CliRunner {
  /** Runs one command line, with `env` added for it alone; resolves as `studykit()` does. */
  run(args: readonly string[], env?: Record<string, string>): Promise<CliResult>;
  /** `build --content … --out … --cache …` and the further arguments. */
  build(folders: BuildFolders, ...args: string[]): Promise<CliResult>;
  /** Ends the process (and its warm Chromium). */
  close(): Promise<void>;
}

/**
 * One Node process for a test's builds, run one after the other through the CLI's own `main`
 * (tests/run-many.mjs --serve): the CLI is imported once and its Chromium stays warm between builds,
 * as under watch. Each build still reads and writes only its folders, as a separate `studykit build`
 * would; a test about the process itself (a lock, a kill, a signal) starts `bin` instead.
 */
export function cliRunner(env: Record<string, string> = {}): CliRunner {
  const child = spawn('node', [join(root, 'tests/run-many.mjs'), '--serve'], {
    cwd: root,
    env: { ...process.env, ...TEST_ENV, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const waiting: ((result: CliResult) => void)[] = [];
  let exited: string | undefined;
  const failAll = (why: string) => {
    exited = why;
    for (const resolve of waiting.splice(0))
      resolve({ code: 1, stdout: '', stderr: `tests/run-many.mjs: ${why}\n${stderr}` });
  };
  child.on('exit', (code, signal) => failAll(`exited (${signal ?? code})`));
  createInterface({ input: child.stdout }).on('line', (line) => {
    waiting.shift()?.(JSON.parse(line) as CliResult);
  });
  // One command at a time: a test awaits each before the next (the queue keeps the order if not).
  let queue: Promise<unknown> = Promise.resolve();
  const run = (args: readonly string[], commandEnv: Record<string, string> = {}) => {
    const next = queue.then(
      () =>
        new Promise<CliResult>((resolve) => {
          if (exited) {
            resolve({ code: 1, stdout: '', stderr: `tests/run-many.mjs: ${exited}\n${stderr}` });
            return;
          }
          waiting.push(resolve);
          child.stdin.write(`${JSON.stringify({ args, env: commandEnv })}\n`);
        }),
    );
    queue = next;
    return next;
  };
  return {
    run,
    build: (folders, ...args) =>
      run(['build', '--content', folders.content, '--out', folders.out, '--cache', folders.cache, ...args]),
    close: async () => {
      if (exited) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      // A command still running (its test timed out) is not waited for: the process and its
      // Chromium go with the file.
      const stuck = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await done;
      clearTimeout(stuck);
    },
  };
}
