/**
 * What an image file is, from its bytes alone (pure: the fs layer reads, this looks): its format by
 * content (a `.png` holding a JPEG is a JPEG, a `.png` holding text is refused), its size in CSS
 * pixels and its digest. PNG and JPEG sizes come from image-size; an SVG's root tag is read here,
 * since image-size only looks at its first 1,000 characters (an editor's header is often longer).
 */
import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import type { ExifOrientation, ImageAsset, ImageFormat } from './ast.js';

/**
 * Larger files are refused: every deck carries its own copy, and a figure from a paper is 50 KB–2 MB
 * (a 10 MB file is a camera original or an uncompressed export).
 */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/**
 * More pixels are refused (4096 × 4096): a bitmap is decoded whole in the browser and in the report's
 * PDF writer (4 bytes a pixel: 64 MB); a slide is 980 px wide. SVG is vector: no pixel limit.
 */
export const MAX_IMAGE_PIXELS = 4096 * 4096;

/** Why a file cannot be shown; `kind` picks the rule. */
export interface ImageProblem {
  kind: 'unsupported' | 'too-large';
  message: string;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

/** Names image-size gives the formats it knows but the outputs do not show. */
const OTHER_FORMATS: Record<string, string> = {
  bmp: 'a BMP',
  gif: 'a GIF',
  heif: 'a HEIF',
  ico: 'an icon',
  jp2: 'a JPEG 2000',
  jxl: 'a JPEG XL',
  psd: 'a Photoshop',
  tiff: 'a TIFF',
  webp: 'a WebP',
};

/** `shown` is the path as written in the notes, for messages. */
export function describeImage(path: string, bytes: Uint8Array, shown: string): ImageAsset | ImageProblem {
  if (bytes.length > MAX_IMAGE_BYTES) return tooManyBytes(shown, bytes.length);
  const format = formatOf(bytes);
  if (!format) return { kind: 'unsupported', message: unsupportedMessage(shown, bytes) };
  const size: BitmapSize | undefined = format === 'svg' ? svgSize(bytes) : bitmapSize(bytes);
  if (!size) {
    const message =
      format === 'svg'
        ? `Image \`${shown}\` is an SVG without a size: its root has no width and height nor a viewBox`
        : `Image \`${shown}\` is a damaged ${format.toUpperCase()} file (its header cannot be read)`;
    return { kind: 'unsupported', message };
  }
  if (format !== 'svg' && size.width * size.height > MAX_IMAGE_PIXELS) {
    return {
      kind: 'too-large',
      message: `Image \`${shown}\` is ${size.width} × ${size.height} pixels (${megapixels(size.width * size.height)} million); the limit is ${megapixels(MAX_IMAGE_PIXELS)} million (4096 × 4096)`,
    };
  }
  return {
    file: path,
    format,
    width: size.width,
    height: size.height,
    ...(size.orientation ? { orientation: size.orientation } : {}),
    bytes: bytes.length,
    digest: createHash('sha256').update(bytes).digest('hex'),
  };
}

export function tooManyBytes(shown: string, bytes: number): ImageProblem {
  return {
    kind: 'too-large',
    message: `Image \`${shown}\` is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMAGE_BYTES / 1024 / 1024} MB`,
  };
}

function megapixels(pixels: number): string {
  return (pixels / 1e6).toFixed(1);
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function formatOf(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'jpeg';
  return svgRoot(bytes) ? 'svg' : undefined;
}

function unsupportedMessage(shown: string, bytes: Uint8Array): string {
  let known: string | undefined;
  try {
    known = OTHER_FORMATS[imageSize(bytes).type ?? ''];
  } catch {
    known = undefined;
  }
  return known
    ? `Image \`${shown}\` is ${known} file; the outputs show PNG, JPEG and SVG`
    : `Image \`${shown}\` is not a PNG, JPEG or SVG file (its content is not an image the outputs show)`;
}

/** An image's size as shown, and how a JPEG's stored pixels are turned to be shown. */
interface BitmapSize {
  width: number;
  height: number;
  orientation?: ExifOrientation;
}

/**
 * A PNG's or JPEG's size as shown, and a JPEG's EXIF orientation when it is not 1 (its stored width
 * and height swapped when the orientation turns it a quarter: 5–8).
 */
function bitmapSize(bytes: Uint8Array): BitmapSize | undefined {
  try {
    const { width, height, orientation } = imageSize(bytes);
    if (!(width > 0 && height > 0)) return undefined;
    if (!orientation || orientation === 1 || orientation > 8) return { width, height };
    const turned = orientation >= 5;
    return {
      width: turned ? height : width,
      height: turned ? width : height,
      orientation: orientation as ExifOrientation,
    };
  } catch {
    return undefined;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: false });

/** The root `<svg …>` tag, after an optional XML declaration, comments and doctype. */
const SVG_ROOT =
  /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*)*<svg(?=[\s>/])(?:[^>"']|"[^"]*"|'[^']*')*>/i;

function svgRoot(bytes: Uint8Array): string | undefined {
  // The root tag is near the start; 64 KB leaves room for long headers and namespace lists.
  return SVG_ROOT.exec(UTF8.decode(bytes.subarray(0, 64 * 1024)))?.[0];
}

/** CSS pixels per unit (CSS Values: 96 px to the inch). */
const UNITS: Record<string, number> = {
  '': 1,
  px: 1,
  pt: 96 / 72,
  pc: 16,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
};

function length(tag: string, name: string): number | undefined {
  const match = new RegExp(
    `\\s${name}\\s*=\\s*(["'])\\s*([0-9.]+(?:e[+-]?\\d+)?)\\s*([a-z]*)\\s*\\1`,
    'i',
  ).exec(tag);
  const unit = UNITS[(match?.[3] ?? '').toLowerCase()];
  const value = match && unit ? Number(match[2]) * unit : Number.NaN;
  return value > 0 && Number.isFinite(value) ? value : undefined;
}

/** Width and height from the root's attributes, the missing one (or both) from its viewBox's ratio. */
function svgSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const tag = svgRoot(bytes) ?? '';
  const width = length(tag, 'width');
  const height = length(tag, 'height');
  const box = /\sviewBox\s*=\s*(["'])([^"']*)\1/i
    .exec(tag)?.[2]
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  const boxWidth = box?.length === 4 ? (box[2] as number) : Number.NaN;
  const boxHeight = box?.length === 4 ? (box[3] as number) : Number.NaN;
  const hasBox = boxWidth > 0 && boxHeight > 0 && Number.isFinite(boxWidth) && Number.isFinite(boxHeight);
  let size: { width: number; height: number } | undefined;
  if (width && height) size = { width, height };
  else if (hasBox && width) size = { width, height: (width * boxHeight) / boxWidth };
  else if (hasBox && height) size = { width: (height * boxWidth) / boxHeight, height };
  else if (hasBox) size = { width: boxWidth, height: boxHeight };
  return size && { width: Math.max(1, Math.round(size.width)), height: Math.max(1, Math.round(size.height)) };
}
