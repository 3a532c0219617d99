import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../src/compare.js';

describe('compareCodePoints', () => {
  it('orders by code point, the same everywhere', () => {
    expect(['yi', 'ilama', 'aa-x', 'zeta', 'B', 'b'].sort(compareCodePoints)).toEqual([
      'B',
      'aa-x',
      'b',
      'ilama',
      'yi',
      'zeta',
    ]);
    // UTF-16 code units would put the astral 𝒜 (U+1D49C) before U+FF21.
    expect(['𝒜', '\uff21'].sort(compareCodePoints)).toEqual(['\uff21', '𝒜']);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(compareCodePoints('same', 'same')).toBe(0);
  });
});
