/**
 * Output digests: an output whose digest is unchanged since it was last written is not rendered
 * again. What goes into a digest is each renderer's own answer, next to the code that reads the AST
 * (`@studykit/slides/inputs`, `@studykit/lineage/inputs`, `@studykit/report/inputs`,
 * `@studykit/handout/inputs`, `@studykit/citations/inputs`), digested with its stamp by
 * `outputDigest` (@studykit/core/renderer-stamp); build and watch ask the same steps. Kept in
 * <cache>/outputs.json, written atomically; a missing, older or damaged file only means a rebuild
 * (damage is noticed).
 */
import { isRecord, jsonPayload } from '@studykit/core/cache-file';
import { outputDigest } from '@studykit/core/renderer-stamp';
import { cacheFile, readCacheFile, writeCacheFile } from './cache-file.js';
import type { Notice } from './io.js';

/** Output name → digest of its inputs when it was last written. */
type Digests = Record<string, string>;

const isDigests = (value: unknown): value is Digests =>
  isRecord(value) && Object.values(value).every((digest) => typeof digest === 'string');

const OUTPUTS = cacheFile('outputs.json', {
  name: 'studykit-outputs',
  version: '2',
  codec: jsonPayload,
  isValid: isDigests,
  // Version 1 was the same map, without an envelope. (Digests made another way only mismatch: a rebuild.)
  isUnversioned: isDigests,
});

export class OutputDigests {
  private changed = false;

  private constructor(
    private readonly cacheDir: string,
    private readonly digests: Record<string, string>,
  ) {}

  static async load(cacheDir: string, notice: Notice): Promise<OutputDigests> {
    const stored = await readCacheFile(cacheDir, OUTPUTS, notice);
    return new OutputDigests(cacheDir, { ...stored });
  }

  get(output: string): string | undefined {
    return this.digests[output];
  }

  /**
   * Records an output as built with these inputs. Kept in memory until `save`, which the build
   * calls after the outputs are committed to out/: a digest never claims files that did not land.
   */
  set(output: string, digest: string): void {
    this.setAll([[output, digest]]);
  }

  setAll(entries: Iterable<readonly [string, string]>): void {
    for (const [output, digest] of entries) {
      if (this.digests[output] !== digest) this.changed = true;
      this.digests[output] = digest;
    }
  }

  /** Writes the digests recorded since the last save (atomically). */
  async save(): Promise<void> {
    if (!this.changed) return;
    this.changed = false;
    await writeCacheFile(this.cacheDir, OUTPUTS, this.digests);
  }
}

/** Whether a text output the CLI writes itself (the index, the calendar) is on disk as it would be now. */
export function textDigest(text: string): string {
  return outputDigest('text', text);
}
