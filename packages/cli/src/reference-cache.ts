/**
 * Formatted references kept between builds (<cache>/references.bin): citeproc's APA formatting is
 * the slowest part of a large report (3.4–4.2 s for 1,000 papers), and a paper's reference changes
 * only when its group does (see formatReferences). Written atomically; a damaged file is ignored.
 */
import { readFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import type { ReferenceCache } from '@studykit/citations';
import { writeOutputs } from './write.js';

const FILE = 'references.bin';
const FORMAT = 'studykit-references-1';
type Entries = readonly (readonly [string, string])[];

export class StoredReferences implements ReferenceCache {
  /** Groups read or formatted during this build: what is written back (older groups are dropped). */
  private readonly used = new Map<string, Entries>();
  private added = false;

  private constructor(
    private readonly cacheDir: string,
    private readonly stored: ReadonlyMap<string, Entries>,
  ) {}

  static async load(cacheDir: string): Promise<StoredReferences> {
    const stored = await readFile(`${cacheDir}/${FILE}`).then(
      (bytes) => {
        try {
          const value = deserialize(bytes) as { format?: unknown; entries?: unknown };
          return value?.format === FORMAT && Array.isArray(value.entries)
            ? new Map(value.entries as [string, Entries][])
            : undefined;
        } catch {
          return undefined;
        }
      },
      () => undefined,
    );
    return new StoredReferences(cacheDir, stored ?? new Map());
  }

  get(key: string): Entries | undefined {
    const entries = this.used.get(key) ?? this.stored.get(key);
    if (entries) this.used.set(key, entries);
    return entries;
  }

  set(key: string, entries: Entries): void {
    this.used.set(key, entries);
    this.added = true;
  }

  /**
   * Writes the groups of this build when something was formatted. Groups only an unbuilt output
   * reads (a deck left unchanged) are kept too, unless the file grows past twice what is in use.
   */
  async save(): Promise<void> {
    if (!this.added) return;
    const keepStored = this.stored.size <= 2 * this.used.size + 100;
    const kept = new Map(keepStored ? [...this.stored, ...this.used] : this.used);
    const bytes = serialize({ format: FORMAT, entries: [...kept] });
    await writeOutputs(this.cacheDir, [{ path: FILE, contents: bytes }]).catch(() => {
      // A read-only cache folder only costs speed.
    });
  }
}
