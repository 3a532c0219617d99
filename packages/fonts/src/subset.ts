/**
 * Per-output font subsets: each face cut down (harfbuzz, through subset-font) to the characters the
 * output draws with it, as WOFF2. A deck of Latin text carries ~100 KB of fonts instead of megabytes.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import subsetFont from 'subset-font';
import { coverage } from './coverage.js';
import { FACES, FAMILIES, type Face, facePath, facesOf } from './faces.js';
import { toWoff2 } from './woff2.js';

export interface SubsetFont {
  face: Face;
  /** A file name that says which face it is, e.g. `studykit-sans-700-italic.woff2`. */
  fileName: string;
  woff2: Uint8Array;
}

/**
 * Printable ASCII is always in the Latin faces: slide numbers, the presenter's timer and any text a
 * viewer's UI adds stay in our faces.
 */
const ALWAYS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

export interface SubsetOptions {
  /** Only these families (default: all). The lineage SVG needs only the regular faces. */
  families?: readonly (keyof typeof FAMILIES)[];
  /** Only the regular (400, upright) face of each family. */
  regularOnly?: boolean;
}

/**
 * Subsets kept between processes, by a digest of the face's bytes and the characters: cutting and
 * compressing a face costs up to ~30 ms of CPU, and a rebuild after an edit asks for the same cuts again.
 * The CLI keeps them in its cache folder (never in out/); without a store they live for the process.
 */
export interface SubsetStore {
  read(key: string): Promise<Uint8Array | undefined>;
  write(key: string, woff2: Uint8Array): Promise<void>;
}

let store: SubsetStore | undefined;

/** Where subsets are kept between processes (the CLI's cache folder). */
export function useSubsetStore(next: SubsetStore | undefined): void {
  store = next;
}

/** Bumped when the way a subset is cut changes, so that no subset cut the old way is taken. */
const SUBSET_RECIPE = 'subset-font 2.9.0 sfnt, studykit woff2 1';

const cache = new Map<string, Promise<Uint8Array>>();
const files = new Map<string, Promise<{ bytes: Buffer; digest: string }>>();

function faceFile(face: Face) {
  let file = files.get(face.id);
  if (!file) {
    file = readFile(facePath(face.id)).then((bytes) => ({
      bytes,
      digest: createHash('sha256').update(bytes).digest('hex'),
    }));
    files.set(face.id, file);
  }
  return file;
}

function subsetOf(face: Face, text: string): Promise<Uint8Array> {
  const key = `${face.id}\u0000${text}`;
  let subset = cache.get(key);
  if (!subset) {
    subset = faceFile(face).then(async ({ bytes, digest }) => {
      const storeKey = createHash('sha256')
        .update(`${SUBSET_RECIPE}\u0000${digest}\u0000${text}`)
        .digest('hex');
      const kept = await store?.read(storeKey).catch(() => undefined);
      if (kept) return kept;
      // harfbuzz cuts (~1–30 ms); our WOFF2 writer compresses (woff2.ts: subset-font's took 60–240 ms).
      const woff2 = toWoff2(new Uint8Array(await subsetFont(bytes, text, { targetFormat: 'sfnt' })));
      await store?.write(storeKey, woff2).catch(() => {});
      return woff2;
    });
    cache.set(key, subset);
    subset.catch(() => cache.delete(key));
  }
  return subset;
}

/** The subsets that draw `text` (every face that draws at least one of its characters). */
export async function subsetFonts(text: string, options: SubsetOptions = {}): Promise<SubsetFont[]> {
  const byFamily = coverage().charactersByFamily(`${ALWAYS}${text}`);
  const wanted = options.families ?? (Object.keys(FAMILIES) as (keyof typeof FAMILIES)[]);
  const jobs: Promise<SubsetFont>[] = [];
  for (const family of wanted) {
    const characters = byFamily[family];
    if (!characters.trim()) continue;
    for (const face of facesOf(family)) {
      if (options.regularOnly && (face.weight !== 400 || face.style !== 'normal')) continue;
      jobs.push(subsetOf(face, characters).then((woff2) => ({ face, fileName: fileNameOf(face), woff2 })));
    }
  }
  return Promise.all(jobs);
}

function fileNameOf(face: Face): string {
  const family = face.family.toLowerCase().replace(/\s+/g, '-');
  return `${family}-${face.weight}${face.style === 'italic' ? '-italic' : ''}.woff2`;
}

/** `@font-face` rules for the subsets; `source` gives each one's URL (a relative path or a data URI). */
export function fontFaceCss(fonts: readonly SubsetFont[], source: (font: SubsetFont) => string): string {
  return fonts
    .map(
      (font) =>
        `@font-face { font-family: '${font.face.family}'; font-style: ${font.face.style}; font-weight: ${font.face.weight}; font-display: block; src: url('${source(font)}') format('woff2'); }`,
    )
    .join('\n');
}

/** A data URI of the subset: for outputs that must stand alone (a standalone SVG diagram). */
export function dataUri(font: SubsetFont): string {
  return `data:font/woff2;base64,${Buffer.from(font.woff2).toString('base64')}`;
}

/** Every face, as the list the lineage page and the measuring page load in full. */
export const ALL_FACES: readonly Face[] = Object.values(FACES);
