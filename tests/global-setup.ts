import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The CLI's default cache lives in the kit's node_modules/.cache/studykit, one folder per content and
 * output pair: tests, which make a fresh out/ each time, would fill it. They get a temporary root,
 * removed when the run ends.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'studykit-test-cache-'));
  process.env.STUDYKIT_CACHE_ROOT = root;
  return () => rmSync(root, { recursive: true, force: true });
}
