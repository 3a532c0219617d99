import { resolve } from 'node:path';

/**
 * The folder the user ran the command from. `pnpm -C ~/studykit studykit check --content ./notes` runs
 * the workspace's `studykit` script with the kit as its working directory; pnpm (like npm) keeps the
 * user's folder in INIT_CWD. Only then is INIT_CWD used: a test runner or a build script started by
 * `npm test` inherits an INIT_CWD that says nothing about where it runs the CLI.
 */
export function invocationDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const runAsScript = env.npm_lifecycle_event === 'studykit';
  return runAsScript && env.INIT_CWD ? resolve(env.INIT_CWD) : cwd;
}

/**
 * A path option as the user meant it: relative to the folder they ran the command from. Unchanged when
 * that is the working directory, so messages keep the path as typed.
 */
export function fromInvocation(path: string, base: string, cwd: string = process.cwd()): string {
  return resolve(base) === resolve(cwd) ? path : resolve(base, path);
}
