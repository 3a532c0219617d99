import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type CommandLine, UsageError } from '../args.js';
import type { Io } from '../io.js';
import { starterStudy } from '../starter-study.js';
import { today } from '../today.js';
import { writeNewFile } from '../write-new-file.js';

/**
 * `studykit init DIR [--language zh]`: a small working study in a new (or empty) folder, ready for
 * `check` and `build` at once.
 */
export async function init(line: CommandLine, io: Io): Promise<number> {
  const [dir] = line.arguments;
  if (!dir) throw new UsageError('init needs a folder: studykit init DIR');
  const existing = await readdir(dir).catch(() => []);
  if (existing.length > 0) throw new UsageError(`${dir} is not empty; init writes a study into a new folder`);
  for (const [path, text] of Object.entries(starterStudy(line.language ?? 'en', today()))) {
    await writeNewFile(join(dir, path), text);
    io.stdout(`wrote ${join(dir, path)}`);
  }
  io.stderr(
    `next: studykit check --content ${dir}, then studykit build --content ${dir}, then studykit present`,
  );
  return 0;
}
