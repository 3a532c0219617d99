import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The whole test run works in one temporary folder: TMPDIR points into it for every test worker and
 * everything they start (the CLI, Chromium's profiles, Slidev), and it is removed when the run ends,
 * with whatever a test forgot or a killed process left behind. (Tests still remove their own folders
 * as they go: tests/temporary.ts.)
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'studykit-test-run-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
