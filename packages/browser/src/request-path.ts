/**
 * Which file of the served folder a request names, decided from the request line alone: the path is
 * split on `/` before anything is decoded, so `%2f` can never join two segments and `%2e%2e` is the
 * segment `..`, refused like `.cache`. Symlinks are the server's business (`file-in-folder.ts`).
 */

export interface RequestedPath {
  /** Decoded segments, none empty and none starting with a dot; [] is the folder itself. */
  segments: string[];
  /** The path ends in `/`: a folder, answered with its index.html. */
  folder: boolean;
}

/**
 * The segments a request target asks for, or undefined when nothing may be served for it: not a
 * path (`*`, `http://…`), a segment that is not valid percent-encoding, or one that after decoding
 * starts with a dot (dot-files, dot-folders, `.` and `..`) or holds `/`, `\` or NUL.
 */
export function requestedPath(target: string): RequestedPath | undefined {
  // Origin-form only: absolute-form and `*` are for proxies, never sent by a browser to this server.
  if (!target.startsWith('/')) return undefined;
  const path = target.split(/[?#]/, 1)[0] ?? '';
  const segments: string[] = [];
  for (const piece of path.split('/')) {
    // `//` and the trailing `/` add nothing (as in a file path).
    if (piece === '') continue;
    const decoded = decodeSegment(piece);
    if (decoded === undefined || !servableName(decoded)) return undefined;
    segments.push(decoded);
  }
  return { segments, folder: path.endsWith('/') };
}

/** A file or folder name the server may show: not hidden, not a way up, not two names in one. */
export function servableName(name: string): boolean {
  return name !== '' && !name.startsWith('.') && !/[/\\\0]/.test(name);
}

function decodeSegment(piece: string): string | undefined {
  try {
    return decodeURIComponent(piece);
  } catch {
    return undefined;
  }
}
