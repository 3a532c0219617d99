/**
 * Formatted references kept between builds (<cache>/references.bin): citeproc's APA formatting is
 * the slowest part of a large report (3.4–4.2 s for 1,000 papers), and a paper's reference changes
 * only when its group does (see formatReferences). Written atomically; a damaged file is ignored
 * (and noticed), an older one silently.
 */
import type { ReferenceCache } from '@studykit/citations';
import { isRecord, v8Payload } from '@studykit/core/cache-file';
import { cacheFile, readCacheFile, writeCacheFile } from './cache-file.js';
import type { Notice } from './io.js';

type Entries = readonly (readonly [string, string])[];

/** Each group's key → its papers' [id, formatted reference] pairs, as the report prints them. */
const isGroups = (value: unknown): value is Map<string, Entries> =>
  value instanceof Map &&
  [...value].every(
    ([key, entries]) =>
      typeof key === 'string' &&
      Array.isArray(entries) &&
      entries.every(
        (pair: unknown) =>
          Array.isArray(pair) &&
          pair.length === 2 &&
          typeof pair[0] === 'string' &&
          typeof pair[1] === 'string',
      ),
  );

const REFERENCES = cacheFile('references.bin', {
  name: 'studykit-references',
  version: '2',
  codec: v8Payload,
  isValid: isGroups,
  // Version 1 was `{ format: 'studykit-references-1', entries }` without an envelope.
  isUnversioned: (value) => isRecord(value) && value.format === 'studykit-references-1',
});

export class StoredReferences implements ReferenceCache {
  /** Groups read or formatted during this build: what is written back (older groups are dropped). */
  private readonly used = new Map<string, Entries>();
  private added = false;

  private constructor(
    private readonly cacheDir: string,
    private readonly stored: ReadonlyMap<string, Entries>,
  ) {}

  static async load(cacheDir: string, notice: Notice): Promise<StoredReferences> {
    const stored = await readCacheFile(cacheDir, REFERENCES, notice);
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
    await writeCacheFile(this.cacheDir, REFERENCES, kept).catch(() => {
      // A read-only cache folder only costs speed.
    });
  }
}
