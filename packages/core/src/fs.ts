/**
 * The file-system entry (Slidev's parser has the same split): reads a content folder and hands the
 * texts to the pure `parse`. Unreadable files become diagnostics, never exceptions.
 */
import type { Dirent } from 'node:fs';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { AssetReader } from './assets.js';
import type { Diagnostic, StudyAst } from './ast.js';
import { compareCodePoints } from './compare.js';
import { MAX_IMAGE_BYTES } from './image-file.js';
import { ParsePool, parseInParallel } from './parallel-parse.js';
import { isContentPath, type ParseOptions, parse } from './parse.js';
import { printable } from './printable.js';
import { RULES } from './rules.js';
import type { ContentFile } from './source.js';

/** Larger files are refused: notes are a few KB, a 10 MB file is a mistake (and slow to lay out). */
export const MAX_FILE_BYTES = 1024 * 1024;

export class ContentFolderError extends Error {
  override name = 'ContentFolderError';
}

export interface ReadContentResult {
  files: ContentFile[];
  diagnostics: Diagnostic[];
  /** Absolute paths of every content file read, for watchers. */
  watched: string[];
  /** Reads the images the notes show, inside this folder only: give it to `parse`. */
  readAsset: AssetReader;
}

export async function loadContent(dir: string, options: ParseOptions = {}): Promise<StudyAst> {
  // An empty cache means a cold parse of everything: workers load the parser while the folder is read.
  const early = options.cache?.size === 0 ? ParsePool.start() : undefined;
  const { files, diagnostics, readAsset } = await readContentFolder(dir).catch((error: unknown) => {
    early?.close();
    throw error;
  });
  // With a cache, a large parse is shared out over every core first (see parallel-parse.ts).
  if (options.cache) {
    await parseInParallel(files, options.cache, options.currentYear ?? new Date().getUTCFullYear(), early);
  }
  return parse(files, {
    readAsset,
    ...options,
    diagnostics: [...(options.diagnostics ?? []), ...diagnostics],
  });
}

const FOLDER_HINT = 'Make the folder readable (e.g. chmod a+rx), or move it out of the content folder.';
const OUTSIDE_HINT = 'Copy what it links to into the content folder, or remove the link.';

/**
 * Every content file below `dir` (following links inside it, once each), with problems as
 * diagnostics: an unreadable folder, a broken link, a link leading out of the folder (into /proc,
 * a home folder…: content must stay inside it).
 */
export async function readContentFolder(dir: string): Promise<ReadContentResult> {
  const root = await folderOrThrow(dir);
  const realRoot = await realpath(root).catch((error: unknown) => {
    throw new ContentFolderError(`Content folder cannot be read: ${dir} (${errorCode(error)})`);
  });
  const result: ReadContentResult = {
    files: [],
    diagnostics: [],
    watched: [],
    readAsset: createAssetReader(root, realRoot),
  };
  const visited = new Set<string>();

  const walk = async (folder: string, folderPath: string): Promise<void> => {
    let entries: Dirent[];
    try {
      const real = await realpath(folder);
      if (visited.has(real)) return; // a symlink loop, or a folder linked twice
      visited.add(real);
      entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) =>
        compareCodePoints(a.name, b.name),
      );
    } catch (error) {
      const code = errorCode(error);
      if (folder === root) throw new ContentFolderError(`Content folder cannot be read: ${dir} (${code})`);
      unreadable(result, folderPath, `Folder cannot be read (${code})`, undefined, FOLDER_HINT);
      return;
    }
    // The folder's files are read at once (a semester of papers is a thousand reads), in order after.
    const reads: Promise<(into: ReadContentResult) => void>[] = [];
    const flush = async () => {
      for (const apply of await Promise.all(reads.splice(0))) apply(result);
    };
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(folder, entry.name);
      const path = relative(root, full).split(sep).join('/');
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const real = await realpath(full).catch(() => undefined);
        const target = real && (await stat(real).catch(() => undefined));
        if (!real || !target) {
          if (isContentPath(path)) unreadable(result, path, 'File is a broken or looping symbolic link');
          continue;
        }
        if (!isInside(realRoot, real)) {
          if (isContentPath(path) || target.isDirectory()) {
            const message = `Link leads outside the content folder (to ${printable(real)}); content must stay inside it`;
            unreadable(result, path, message, undefined, OUTSIDE_HINT);
          }
          continue;
        }
        isDirectory = target.isDirectory();
      }
      if (isDirectory) {
        await flush();
        await walk(full, path);
      } else if (isContentPath(path)) {
        reads.push(readOne(full, path));
      }
    }
    await flush();
  };
  await walk(root, '.');
  return result;
}

/**
 * Reads image files of the content folder for the pure parse, synchronously (parse is): a path that
 * is missing, a folder, too large, or a link leading out of the folder is said, never read.
 */
export function createAssetReader(root: string, realRoot: string): AssetReader {
  return (path) => {
    let real: string;
    try {
      real = realpathSync(join(root, ...path.split('/')));
    } catch (error) {
      const code = errorCode(error);
      return code === 'ENOENT' || code === 'ENOTDIR'
        ? { problem: 'missing' }
        : { problem: 'unreadable', code };
    }
    if (!isInside(realRoot, real)) return { problem: 'outside', target: real };
    try {
      const info = statSync(real);
      if (!info.isFile()) return { problem: 'not-a-file' };
      if (info.size > MAX_IMAGE_BYTES) return { problem: 'too-large', size: info.size };
      return { bytes: readFileSync(real) };
    } catch (error) {
      return { problem: 'unreadable', code: errorCode(error) };
    }
  };
}

function isInside(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return (
    fromFolder === '' || !(fromFolder === '..' || fromFolder.startsWith(`..${sep}`) || isAbsolute(fromFolder))
  );
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}

async function folderOrThrow(dir: string): Promise<string> {
  const info = await lstat(dir).catch(() => undefined);
  if (!info) throw new ContentFolderError(`Content folder not found: ${dir}`);
  const resolved = await stat(dir).catch(() => undefined);
  if (!resolved?.isDirectory()) throw new ContentFolderError(`Content path is not a folder: ${dir}`);
  return dir;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Reads one file; what it found is applied to the result later, in folder order. */
async function readOne(full: string, path: string): Promise<(result: ReadContentResult) => void> {
  const found = await readOneFile(full, path);
  return (result) => {
    result.watched.push(full);
    if ('contents' in found) result.files.push(found);
    else unreadable(result, path, found.problem, found.at);
  };
}

async function readOneFile(
  full: string,
  path: string,
): Promise<{ path: string; contents: string } | { problem: string; at?: { line: number; column: number } }> {
  let bytes: Buffer;
  try {
    const info = await stat(full);
    if (!info.isFile()) {
      // A named pipe or a device would block the read forever: refuse anything but a regular file.
      return { problem: 'File is not a regular file (a pipe, socket or device)' };
    }
    if (info.size > MAX_FILE_BYTES) {
      return { problem: `File is too large (${(info.size / 1024 / 1024).toFixed(1)} MB; the limit is 1 MB)` };
    }
    bytes = await readFile(full);
  } catch (error) {
    return { problem: `File cannot be read (${errorCode(error)})` };
  }
  try {
    return { path, contents: UTF8.decode(bytes) };
  } catch {
    return { problem: 'File is not valid UTF-8', at: firstInvalidUtf8(bytes) };
  }
}

function unreadable(
  result: ReadContentResult,
  path: string,
  message: string,
  at = { line: 1, column: 1 },
  hint: string = RULES['file-unreadable'].hint,
): void {
  result.diagnostics.push({
    file: path,
    line: at.line,
    column: at.column,
    endLine: at.line,
    endColumn: at.column,
    severity: RULES['file-unreadable'].severity,
    message,
    rule: 'file-unreadable',
    hint,
  });
}

/** Line and column (in characters) of the first byte sequence that is not UTF-8. */
function firstInvalidUtf8(bytes: Buffer): { line: number; column: number } {
  let low = 0;
  let high = bytes.length;
  // Binary search for the longest valid prefix (a prefix may end inside a character: allow 3 bytes).
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      // A fresh decoder each time: a streaming decoder keeps state between calls.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  const prefix = new TextDecoder().decode(bytes.subarray(0, low));
  const lines = prefix.split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}

export { decodeParseCache, encodeParseCache, PARSER_VERSION } from './parse-cache-file.js';
