/**
 * One build at a time per output folder. The lock is a file created exclusively in studykit's own
 * folder inside out/ (`out/.studykit/lock`), holding the builder's pid: a second build stops with
 * one line naming it. A lock whose process is gone (a killed build) is taken over.
 */

import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** studykit's own folder inside out/: the lock and the staging folders; removed when a build ends. */
export const STUDYKIT_DIR = '.studykit';
const LOCK = 'lock';

export class OutFolderBusy extends Error {
  override name = 'OutFolderBusy';
}

interface LockHolder {
  pid: number;
  host: string;
  started: string;
  command: string;
}

export interface OutLock {
  /** The pid of a killed build whose lock was taken over, if any. */
  recoveredFrom?: number;
  release(): Promise<void>;
}

export async function lockOutFolder(outDir: string, command: string): Promise<OutLock> {
  const dir = join(outDir, STUDYKIT_DIR);
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK);
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command };
  let recoveredFrom: number | undefined;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      await writeFile(path, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      return {
        ...(recoveredFrom !== undefined ? { recoveredFrom } : {}),
        release: async () => {
          const holder = await readHolder(path);
          if (holder?.pid === process.pid) await rm(path, { force: true });
          // studykit's folder goes too once nothing is left in it: out/ is left as the outputs alone.
          if ((await readdir(dir).catch(() => ['?'])).length === 0) await rmdir(dir).catch(() => {});
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock just created may not hold its line yet: an unreadable one is read again before it counts.
    const holder =
      (await readHolder(path)) ??
      (await new Promise((wait) => setTimeout(wait, 200)).then(() => readHolder(path)));
    if (holder && holder.host === hostname() && isAlive(holder.pid)) {
      throw new OutFolderBusy(
        `${outDir} is being written by another studykit ${holder.command} (pid ${holder.pid}, since ${holder.started}); wait for it to finish or stop it, then run this again`,
      );
    }
    // Stale (its process is gone) or unreadable: moved aside under a unique name first, so that two
    // builds recovering at once cannot both win.
    const aside = `${path}.stale-${process.pid}`;
    await rename(path, aside).then(
      () => rm(aside, { force: true }),
      () => {},
    );
    recoveredFrom = holder?.pid ?? recoveredFrom;
  }
  throw new OutFolderBusy(`could not take the lock ${path}; remove it if no studykit is running`);
}

async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return undefined;
    return {
      pid: value.pid,
      host: value.host,
      started: String(value.started ?? '?'),
      command: String(value.command ?? 'build'),
    };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
