/**
 * Formatted references kept between builds (<cache>/references.bin): citeproc's APA formatting is
 * the slowest part of a large report (3.4–4.2 s for 1,000 papers; starting citeproc alone takes
 * 0.4–0.9 s of CPU), and a paper's reference changes only when its group does (see
 * formatReferences). What a build formats is also kept in the cache root's references/, which
 * every study and output folder shares (a group's key is a digest of its papers and the formatter):
 * the same study built into another folder (`--out site` to publish) formats nothing again. Written
 * atomically; a damaged file is ignored (and noticed), an older one silently.
 */
import { join } from 'node:path';
import type { ReferenceCache } from '@studykit/citations';
import { isRecord, v8Payload } from '@studykit/core/cache-file';
import { cacheRoot } from './cache-dir.js';
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

/** The shared file keeps at most this many groups (the oldest go first): ~10,000 papers' worth. */
const SHARED_GROUPS = 10_000;

export class StoredReferences implements ReferenceCache {
  /** Groups read or formatted during this build: what is written back (older groups are dropped). */
  private readonly used = new Map<string, Entries>();
  /** Groups formatted by this build: all that goes into the shared file (never what was read). */
  private readonly formatted = new Map<string, Entries>();

  private constructor(
    private readonly cacheDir: string,
    private readonly stored: ReadonlyMap<string, Entries>,
    private readonly sharedDir: string,
    private readonly shared: ReadonlyMap<string, Entries>,
  ) {}

  static async load(
    cacheDir: string,
    notice: Notice,
    sharedDir = join(cacheRoot(), 'references'),
  ): Promise<StoredReferences> {
    const [stored, shared] = await Promise.all([
      readCacheFile(cacheDir, REFERENCES, notice),
      readCacheFile(sharedDir, REFERENCES, notice),
    ]);
    return new StoredReferences(cacheDir, stored ?? new Map(), sharedDir, shared ?? new Map());
  }

  get(key: string): Entries | undefined {
    const entries = this.used.get(key) ?? this.stored.get(key) ?? this.shared.get(key);
    if (entries) this.used.set(key, entries);
    return entries;
  }

  set(key: string, entries: Entries): void {
    this.used.set(key, entries);
    this.formatted.set(key, entries);
  }

  /**
   * Writes the groups of this build when it formatted some or took some from the shared file; only
   * what it formatted goes into the shared file. Groups only an unbuilt output
   * reads (a deck left unchanged) are kept too, unless the file grows past twice what is in use.
   */
  async save(): Promise<void> {
    const added = this.used.size > 0 && [...this.used.keys()].some((key) => !this.stored.has(key));
    if (!added) return;
    const keepStored = this.stored.size <= 2 * this.used.size + 100;
    const kept = new Map(keepStored ? [...this.stored, ...this.used] : this.used);
    // A read-only cache folder only costs speed.
    await writeCacheFile(this.cacheDir, REFERENCES, kept).catch(() => {});
    if (this.formatted.size === 0) return;
    const shared = new Map([...this.shared, ...this.formatted]);
    for (const key of shared.keys()) {
      if (shared.size <= SHARED_GROUPS) break;
      shared.delete(key);
    }
    await writeCacheFile(this.sharedDir, REFERENCES, shared).catch(() => {});
  }
}
