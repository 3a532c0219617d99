import { describe, expect, test } from 'vitest';
import { CAPTURE_LIMITS, pdfScaleFor, pngScaleFor } from '../src/index.js';

describe('capture limits', () => {
  test('the PNG is 2× when it fits, else 1×, else a fraction; never past the pixel or side limit', () => {
    expect(pngScaleFor(2204, 943)).toBe(2);
    expect(pngScaleFor(4916, 3666)).toBe(1);
    expect(pngScaleFor(10_511, 6_277)).toBe(0.69);
    expect(pngScaleFor(20_000, 500)).toBe(0.81); // the 16,384 px side
    expect(pngScaleFor(40_000, 9_000)).toBe(0.29);
    expect(pngScaleFor(80_000, 20_000)).toBeUndefined(); // would need 0.14×
    for (const [w, h] of [
      [2204, 943],
      [17_487, 3_000],
      [33_000, 6_700],
      [5_000, 30_000],
    ] as const) {
      const scale = pngScaleFor(w, h) ?? 0;
      expect(w * scale * h * scale).toBeLessThanOrEqual(CAPTURE_LIMITS.pngPixels);
      expect(Math.max(w, h) * scale).toBeLessThanOrEqual(CAPTURE_LIMITS.pngSide);
    }
  });

  test('the PDF page is the diagram, scaled down past 200 inches', () => {
    expect(pdfScaleFor(2204, 943)).toBe(1);
    expect(pdfScaleFor(38_400, 1_000)).toBe(0.5);
    expect(pdfScaleFor(1_000, 19_200)).toBe(1);
  });
});
