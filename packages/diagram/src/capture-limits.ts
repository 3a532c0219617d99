/**
 * How large a PNG or PDF of a diagram may be, and the scale that keeps it within that. Pure arithmetic:
 * the numbers come from what Chromium managed on this machine.
 */

/** PNG screenshots at 2× when the diagram is small enough: an integer scale keeps lines and text crisp. */
export const PNG_SCALE = 2;

/**
 * What a capture may be. Chromium's element screenshot failed on a 33,000 × 6,700 px diagram (221 Mpx,
 * "Unable to capture screenshot") and timed out on larger ones; on this 2-core machine a capture costs
 * about 0.05 s per Mpx (32 Mpx ≈ 2 s, 64 Mpx ≈ 3.3 s). A PDF page may be at most 200 inches a side.
 */
export interface CaptureLimits {
  /** Most pixels in the PNG. */
  pngPixels: number;
  /** Longest side of the PNG (16,384 px: what image viewers and GPU textures take). */
  pngSide: number;
  /** Below this scale the labels are unreadable (16 px text drawn 4 px high): the PNG fails instead. */
  minPngScale: number;
  /** Longest side of the PDF page in CSS px (200 in × 96); larger diagrams are scaled down to fit. */
  pdfSide: number;
  /** How long one capture or print may take. */
  timeoutMs: number;
}

export const CAPTURE_LIMITS: Readonly<CaptureLimits> = {
  pngPixels: 32_000_000,
  pngSide: 16_384,
  minPngScale: 0.25,
  pdfSide: 19_200,
  timeoutMs: 60_000,
};

/**
 * The PNG's scale for a diagram of `width` × `height` CSS px: 2× when that fits the limits, else 1×,
 * else the largest fraction (in hundredths) that fits; undefined when even `minPngScale` does not.
 */
export function pngScaleFor(
  width: number,
  height: number,
  limits: CaptureLimits = CAPTURE_LIMITS,
): number | undefined {
  const fits = Math.min(
    Math.sqrt(limits.pngPixels / Math.max(1, width * height)),
    limits.pngSide / Math.max(1, width),
    limits.pngSide / Math.max(1, height),
  );
  if (fits >= 2) return 2;
  if (fits >= 1) return 1;
  const scale = Math.floor(fits * 100) / 100;
  return scale >= limits.minPngScale ? scale : undefined;
}

/** The PDF's scale: 1 unless a side is longer than a PDF page may be. */
export function pdfScaleFor(width: number, height: number, limits: CaptureLimits = CAPTURE_LIMITS): number {
  return Math.min(1, limits.pdfSide / Math.max(1, width), limits.pdfSide / Math.max(1, height));
}

/** "40,000 × 9,000 px", for messages. */
export const sizeText = (width: number, height: number): string =>
  `${width.toLocaleString('en-US')} × ${height.toLocaleString('en-US')} px`;
