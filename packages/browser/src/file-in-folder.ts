import { constants, type FileHandle, open, realpath } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { type RequestedPath, servableName } from './request-path.js';

export type FolderAnswer =
  | { kind: 'file'; handle: FileHandle; size: number; name: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' };

const MISSING: FolderAnswer = { kind: 'missing' };

/**
 * What the served folder holds at a requested path: the file, already open (what was checked is
 * what is sent), or for a folder its index.html, or a redirect adding the slash a folder needs (a
 * deck's page links `./assets/…`). Missing also when the real path, symlinks followed, is outside
 * `realRoot` or under a dot-folder of it (a link in out/ to /etc/passwd, to ../, to .cache).
 */
export async function findInFolder(realRoot: string, requested: RequestedPath): Promise<FolderAnswer> {
  const found = await openInside(realRoot, join(realRoot, ...requested.segments));
  if (!found) return MISSING;
  if (found.kind === 'file') {
    if (!requested.folder) return found;
    await found.handle.close();
    return MISSING;
  }
  if (!requested.folder) {
    return { kind: 'redirect', location: `/${requested.segments.map(encodeURIComponent).join('/')}/` };
  }
  const index = await openInside(realRoot, join(found.path, 'index.html'));
  if (index?.kind === 'file') return index;
  return MISSING;
}

type Opened = Extract<FolderAnswer, { kind: 'file' }> | { kind: 'folder'; path: string };

async function openInside(realRoot: string, path: string): Promise<Opened | undefined> {
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined || !visibleInside(realRoot, real)) return undefined;
  // NOFOLLOW: a link swapped in since realpath is refused; NONBLOCK: a FIFO cannot hang the server.
  const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  const handle = await open(real, flags).catch(() => undefined);
  if (!handle) return undefined;
  const info = await handle.stat();
  if (info.isFile()) return { kind: 'file', handle, size: info.size, name: basename(real) };
  await handle.close();
  return info.isDirectory() ? { kind: 'folder', path: real } : undefined;
}

/** `real` is `realRoot` or below it, and no folder on the way (nor the file) is hidden. */
function visibleInside(realRoot: string, real: string): boolean {
  if (real === realRoot) return true;
  const path = relative(realRoot, real);
  return !isAbsolute(path) && path.split(sep).every(servableName);
}
