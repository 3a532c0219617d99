/**
 * Image files, joined to the notes that show them on every parse (never cached with a file's parse:
 * an image edited while its markdown is unchanged is read again). The pure parse does not touch the
 * disk: the fs layer hands it a reader (fs.ts `createAssetReader`), tests a map.
 */
import type { Image } from 'mdast';
import type { ImageAsset } from './ast.js';
import type { DiagnosticSink } from './diagnostics.js';
import { type ImageReference, resolveImage, shownUrl } from './figures.js';
import { describeImage, tooManyBytes } from './image-file.js';
import { printable } from './printable.js';
import type { RuleId } from './rules.js';

/** What the disk says about one path of the content folder (relative, `/`-separated). */
export type AssetRead =
  | { bytes: Uint8Array }
  | { problem: 'missing' }
  | { problem: 'not-a-file' }
  | { problem: 'unreadable'; code: string }
  /** A link leading out of the content folder, to `target`. */
  | { problem: 'outside'; target: string }
  /** Larger than MAX_IMAGE_BYTES: not read. */
  | { problem: 'too-large'; size: number };

export type AssetReader = (path: string) => AssetRead;

/** A reader over files given in memory (tests, or a caller that already holds the bytes). */
export function assetsFrom(files: ReadonlyMap<string, Uint8Array> | Record<string, Uint8Array>): AssetReader {
  const map = files instanceof Map ? files : new Map(Object.entries(files));
  return (path) => {
    const bytes = map.get(path);
    return bytes ? { bytes } : { problem: 'missing' };
  };
}

const NO_FILES: AssetReader = () => ({ problem: 'missing' });

/** Why an image cannot be shown, said at each reference to it. */
interface AssetProblem {
  rule: RuleId;
  message: string;
  hint?: string;
}

/** The images of one parse: each path read and described once, however many notes show it. */
export class AssetTable {
  private readonly found = new Map<string, ImageAsset | AssetProblem>();

  constructor(private readonly read: AssetReader = NO_FILES) {}

  /** The asset at `reference`, or undefined with the reason reported at the reference. */
  resolve(reference: ImageReference, sink: DiagnosticSink): ImageAsset | undefined {
    let found = this.found.get(reference.path);
    if (!found) {
      found = this.describe(reference);
      this.found.set(reference.path, found);
    }
    if ('digest' in found) return found;
    sink.report(
      found.rule,
      reference.span,
      found.message.replaceAll(SHOWN, () => shownUrl(reference.url)),
      found.hint,
    );
    return undefined;
  }

  /** The asset already resolved for `path` in this parse. */
  get(path: string): ImageAsset | undefined {
    const found = this.found.get(path);
    return found && 'digest' in found ? found : undefined;
  }

  /** Messages name the path as each reference writes it: SHOWN stands for it here. */
  private describe(reference: ImageReference): ImageAsset | AssetProblem {
    const read = this.read(reference.path);
    if ('bytes' in read) {
      const described = describeImage(reference.path, read.bytes, SHOWN);
      if ('digest' in described) return described;
      return {
        rule: described.kind === 'too-large' ? 'image-too-large' : 'image-unsupported',
        message: described.message,
      };
    }
    const where = printable(reference.path);
    switch (read.problem) {
      case 'missing':
        return {
          rule: 'image-missing',
          message: `Image \`${SHOWN}\` not found (looked for ${where} in the content folder)`,
        };
      case 'not-a-file':
        return {
          rule: 'image-missing',
          message: `Image \`${SHOWN}\` is a folder or a special file, not an image file`,
        };
      case 'unreadable':
        return {
          rule: 'image-missing',
          message: `Image \`${SHOWN}\` cannot be read (${read.code})`,
          hint: 'Make the file readable (e.g. chmod a+r), or fix the path.',
        };
      case 'outside':
        return {
          rule: 'image-outside',
          message: `Image \`${SHOWN}\` is a link leading outside the content folder (to ${printable(read.target)})`,
        };
      case 'too-large':
        return { rule: 'image-too-large', message: tooManyBytes(SHOWN, read.size).message };
    }
  }
}

/** Stands for the path as a reference writes it, in messages shared by every reference to a file. */
const SHOWN = '\u0000shown\u0000';

/**
 * A copy of `draft` (a paper, family, study or meeting read from `file`) whose image nodes carry
 * their assets in `data.asset`; the cached draft itself is never changed. Nodes whose image is
 * broken carry none (renderers show the alt text).
 */
export function withAssets<Draft>(draft: Draft, file: string, assets: AssetTable): Draft {
  const copy = structuredClone(draft);
  const pending: unknown[] = [copy];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      pending.push(...value);
    } else if (typeof value === 'object' && value !== null) {
      const node = value as Partial<Image> & Record<string, unknown>;
      if (node.type === 'image' && typeof node.url === 'string') {
        const target = resolveImage(file, node.url);
        const asset = target.kind === 'file' ? assets.get(target.path) : undefined;
        if (asset) node.data = { ...node.data, asset };
      } else {
        for (const key in node) if (key !== 'position' && key !== 'span') pending.push(node[key]);
      }
    }
  }
  return copy;
}
