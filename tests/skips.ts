/**
 * Tests that need something this machine may lack (a command-line tool, a non-root user) are skipped
 * visibly, with the reason in their name, never by returning early from inside the test:
 *
 *   const noQpdf = missingTool('qpdf');
 *   it.skipIf(noQpdf)(`passes qpdf --check${skipNote(noQpdf)}`, () => { … });
 *
 * Every project's tests import this file (`../../../tests/skips.js` from a package).
 */
import { spawnSync } from 'node:child_process';

/** Why `command` cannot be used here ("qpdf is not installed"), or undefined when it can. */
export function missingTool(command: string): string | undefined {
  const result = spawnSync(command, ['--version'], { stdio: 'ignore' });
  return (result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
    ? `${command} is not installed`
    : undefined;
}

/** The first reason among several, for a test that needs them all. */
export function firstMissing(...reasons: (string | undefined)[]): string | undefined {
  return reasons.find((reason) => reason !== undefined);
}

/** ` (skipped: <reason>)` to append to a test's name, or '' when the test runs. */
export function skipNote(reason: string | undefined): string {
  return reason ? ` (skipped: ${reason})` : '';
}

/** Root reads and writes any file whatever its mode, so permission tests cannot fail for it. */
export const runningAsRoot: string | undefined =
  process.getuid?.() === 0 ? 'running as root, which ignores file modes' : undefined;
