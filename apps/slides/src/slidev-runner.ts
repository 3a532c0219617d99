/**
 * Runs `slidev build` as a child process (the caller limits how many run at once). PDFs are printed
 * from the built site (print-deck.ts), never by `slidev export`, which starts a second dev server.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** src/ and dist/ both sit one level below the package root, next to its node_modules. */
const SLIDEV_BIN = fileURLToPath(new URL('../node_modules/@slidev/cli/bin/slidev.mjs', import.meta.url));

/** How much of Slidev's output an error message carries. */
const OUTPUT_TAIL = 4000;

/**
 * A failed Slidev run, said in one line: what failed and the line of Slidev's output that says why.
 * The whole output is kept on the error, and printed with the message when STUDYKIT_DEBUG is set.
 */
export class SlidevError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    const why = reasonIn(output);
    super(
      process.env.STUDYKIT_DEBUG
        ? `${message}\n${output}`
        : `${message}${why ? `: ${why}` : ''} (set STUDYKIT_DEBUG=1 to see Slidev's output)`,
    );
    this.name = 'SlidevError';
  }
}

/** The line of a tool's output that names the problem: the first error line, else the last line. */
export function reasonIn(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const error = lines.find((line) => /\berror\b|ERR_|failed|Cannot|not found/i.test(line));
  return (error ?? lines.at(-1) ?? '').slice(0, 300);
}

function runSlidev(args: string[], cwd: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    // STUDYKIT_SLIDEV_BIN lets tests put a fake in Slidev's place (failures, digests).
    const bin = process.env.STUDYKIT_SLIDEV_BIN || SLIDEV_BIN;
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      // NODE_ENV=production whatever the caller's (vitest sets `test`): another value makes Slidev build
      // in development mode, which writes the deck's temporary build path into its scripts.
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (data: Buffer) => {
      output = (output + data.toString('utf8')).slice(-OUTPUT_TAIL * 4);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => reject(new SlidevError(`could not start slidev: ${error.message}`, '')));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(output);
      else {
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        reject(new SlidevError(`slidev ${args[0]} ${how}`, output.slice(-OUTPUT_TAIL)));
      }
    });
  });
}

export interface SlidevBuildOptions {
  /** Folder holding slides.md and style.css. */
  deckDir: string;
  /** Absolute output folder. */
  outDir: string;
  withNotes: boolean;
}

/**
 * `slidev build` with a relative base and hash routing: the deck then opens under any URL path
 * (out/slides/<family>/ served from anywhere, a sub-folder on a static host) and deep links such as
 * `#/5` or `#/presenter/5` need no server-side fallback to index.html.
 */
export function slidevBuild(options: SlidevBuildOptions): Promise<string> {
  const args = ['build', 'slides.md', '--out', options.outDir, '--base', './', '--router-mode', 'hash'];
  if (!options.withNotes) args.push('--without-notes');
  return runSlidev(args, options.deckDir);
}
