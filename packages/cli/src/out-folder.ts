/**
 * Where a build may write. `--out` is refused when a build there could overwrite what is not
 * studykit's to overwrite (the root, the home folder, the content or a folder holding it), and the
 * cache may not sit inside it: out/ is what a group uploads.
 */
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { UsageError } from './args.js';

export function checkOutFolder(paths: { out: string; content: string; cache: string }): void {
  const out = realish(paths.out);
  const content = realish(paths.content);
  const cache = realish(paths.cache);
  const refuse = (why: string) => {
    throw new UsageError(
      `refusing --out ${paths.out}: ${why}; choose an empty folder of its own, such as out/`,
    );
  };
  if (dirname(out) === out) refuse('it is the root of the file system');
  const homes = [homedir(), process.env.HOME].filter((home): home is string => Boolean(home)).map(realish);
  if (homes.includes(out)) refuse('it is your home folder');
  if (out === content) refuse('it is the content folder');
  if (contains(out, content)) refuse(`it holds the content folder ${paths.content}`);
  if (contains(content, out)) refuse(`it is inside the content folder ${paths.content}`);
  if (cache === out || contains(out, cache)) {
    throw new UsageError(
      `refusing --cache ${paths.cache}: it is inside --out ${paths.out}, and out/ is what gets published; put the cache elsewhere (the default is node_modules/.cache/studykit)`,
    );
  }
}

/** Whether `inner` is `outer` itself or below it. */
function contains(outer: string, inner: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended. */
function realish(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    if (parent === absolute) return absolute;
    return resolve(realish(parent), relative(parent, absolute));
  }
}
