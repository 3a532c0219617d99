/**
 * A build's outputs, staged and then switched into `out/` as a set (like a database's write-ahead
 * log). Every file and folder a build makes is written under a staging folder that this build
 * creates and marks as its own (`out/.studykit/staging/<id>/`). Commit writes a journal of what
 * goes where, then renames each staged entry into place. A build killed before commit leaves `out/`
 * as it was; one killed during commit is finished by the next build (the journal says what is left).
 * Nothing outside the build's own staging folder is ever removed, apart from an output folder that a
 * new one replaces (a deck folder), which is first renamed into the staging folder.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { OutputFile } from '@studykit/core';
import { STUDYKIT_DIR } from './out-lock.js';

/** Marks a staging folder as studykit's: only folders holding it are ever cleaned. */
const MARKER = 'studykit-staging.json';
const JOURNAL = 'commit.json';
const STAGING = 'staging';

interface Journal {
  /** Output paths (files or folders), relative to out/, `/`-separated, in commit order. */
  entries: string[];
}

export class StagedOutputs {
  /** Paths staged and not yet committed, relative to out/. */
  private readonly pending = new Set<string>();

  private constructor(
    readonly outDir: string,
    /** This build's own staging folder. */
    readonly dir: string,
  ) {}

  /**
   * Opens a new staging folder in `outDir` (whose lock the caller holds), after finishing or
   * removing what killed builds left in studykit's own staging folders.
   */
  static async open(outDir: string): Promise<StagedOutputs> {
    const out = resolve(outDir);
    await recoverStaging(out);
    const id = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const dir = join(out, STUDYKIT_DIR, STAGING, id);
    await mkdir(join(dir, 'tree'), { recursive: true });
    await writeFile(join(dir, MARKER), `${JSON.stringify({ tool: 'studykit', pid: process.pid })}\n`);
    return new StagedOutputs(out, dir);
  }

  /** Told the outputs each commit put in place (`watch --serve` reloads the pages showing them). */
  onLanded: ((paths: readonly string[]) => void) | undefined;

  /** A scratch folder inside the staging folder (same file system as out/, so renames are atomic). */
  async scratch(name: string): Promise<string> {
    const path = join(this.dir, 'work', name);
    await mkdir(path, { recursive: true });
    return path;
  }

  private staged(path: string): string {
    return join(this.dir, 'tree', ...checkedPath(path).split('/'));
  }

  /** Stages files: they reach out/ at the next commit. */
  async stageFiles(files: readonly OutputFile[]): Promise<void> {
    for (const file of files) {
      const target = this.staged(file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.contents);
      this.pending.add(file.path);
    }
  }

  /** Stages a finished folder (built in a scratch folder): it replaces out/<path> whole at commit. */
  async stageFolder(path: string, from: string): Promise<void> {
    const target = this.staged(path);
    await rm(target, { recursive: true, force: true });
    await mkdir(dirname(target), { recursive: true });
    await rename(from, target);
    this.pending.add(path);
  }

  /** Whether this build stages `path`, itself or as part of a staged folder. */
  private covers(path: string): boolean {
    for (let at = path.length; at > 0; at = path.lastIndexOf('/', at - 1)) {
      if (this.pending.has(path.slice(0, at))) return true;
    }
    return false;
  }

  /** Where `path` will be read from after the commit: staged, or in out/. */
  private source(path: string): string {
    return this.covers(path) ? this.staged(path) : join(this.outDir, ...checkedPath(path).split('/'));
  }

  /** The bytes of an output as this build will leave it: staged if staged, else what out/ holds. */
  async read(path: string): Promise<Buffer | undefined> {
    return readFile(this.source(path)).catch(() => undefined);
  }

  /** Whether an output exists after this build's commit (staged now, or already in out/). */
  async exists(path: string): Promise<boolean> {
    return existsSync(this.source(path));
  }

  /** Un-stages outputs (a step that failed after staging some): they will not reach out/. */
  drop(paths: Iterable<string>): void {
    for (const path of paths) this.pending.delete(path);
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /**
   * Switches every staged output into out/: the journal first, then one rename each. Killed
   * midway, the next build's `open` completes it from the journal.
   */
  async commit(options: { stopAfter?: number } = {}): Promise<string[]> {
    const entries = [...this.pending].sort(byCodePoint);
    if (entries.length === 0) return [];
    const journal: Journal = { entries };
    const temporary = join(this.dir, `${JOURNAL}.partial`);
    await writeFile(temporary, JSON.stringify(journal));
    await rename(temporary, join(this.dir, JOURNAL));
    await applyJournal(this.outDir, this.dir, journal, options.stopAfter);
    await rm(join(this.dir, JOURNAL));
    // Replaced folders were moved aside into this build's own folder: dropped now.
    await rm(join(this.dir, 'old'), { recursive: true, force: true });
    this.pending.clear();
    this.onLanded?.(entries);
    return entries;
  }

  /** Removes this build's staging folder (uncommitted outputs are dropped). */
  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await removeIfEmpty(dirname(this.dir));
    await removeIfEmpty(dirname(dirname(this.dir)));
  }
}

/** Renames each journal entry into place; an entry already moved (a resumed commit) is skipped. */
async function applyJournal(out: string, dir: string, journal: Journal, stopAfter?: number): Promise<void> {
  let done = 0;
  for (const path of journal.entries) {
    if (stopAfter !== undefined && done >= stopAfter) throw new Error('commit stopped (test)');
    const parts = checkedPath(path).split('/');
    const from = join(dir, 'tree', ...parts);
    const target = join(out, ...parts);
    const info = await stat(from).catch(() => undefined);
    if (!info) continue; // moved before the build was killed
    await mkdir(dirname(target), { recursive: true });
    if (info.isDirectory()) {
      // A folder cannot be renamed over another: the old one goes aside into this build's folder.
      const aside = join(dir, 'old', ...parts);
      if (existsSync(target)) {
        await mkdir(dirname(aside), { recursive: true });
        await rename(target, aside);
      }
    }
    await rename(from, target);
    done += 1;
  }
}

/**
 * Staging folders left by killed builds: a folder with a journal was killed while committing and
 * is completed; one without was killed before, and is removed. Only folders that carry studykit's
 * marker are touched.
 */
async function recoverStaging(out: string): Promise<void> {
  const root = join(out, STUDYKIT_DIR, STAGING);
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names) {
    const dir = join(root, name);
    const marker = await readFile(join(dir, MARKER), 'utf8').catch(() => undefined);
    if (!marker?.includes('"studykit"')) continue;
    const journal = await readFile(join(dir, JOURNAL), 'utf8')
      .then((text) => JSON.parse(text) as Journal)
      .catch(() => undefined);
    if (journal && Array.isArray(journal.entries)) await applyJournal(out, dir, journal);
    await rm(dir, { recursive: true, force: true });
  }
}

async function removeIfEmpty(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => undefined);
  if (names && names.length === 0) await rm(dir, { recursive: true, force: true }).catch(() => {});
}

/** An output path stays inside out/ and out of studykit's own folder, whatever a renderer returns. */
function checkedPath(path: string): string {
  const parts = path.split('/');
  if (
    path === '' ||
    parts.some((part) => part === '' || part === '.' || part === '..' || part.includes(sep)) ||
    parts[0] === STUDYKIT_DIR
  ) {
    throw new Error(`studykit: refusing the output path '${path}'`);
  }
  return path;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
