/** Writing a generated corpus out as a content folder. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** @typedef {{ path: string; contents: string }} ContentFile */

/**
 * Replaces `dir` with a content folder holding `files`.
 * @param {string} dir
 * @param {readonly ContentFile[]} files
 * @returns {string} dir
 */
export function writeContentFiles(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.contents);
  }
  return dir;
}
