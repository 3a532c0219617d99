import { describe, expect, it } from 'vitest';
import { displayWidth, isWide } from '../src/index.js';

describe('isWide', () => {
  it('counts CJK ideographs, kana, hangul and full-width forms as wide', () => {
    for (const char of ['变', '的', 'カ', 'ひ', '한', 'Ａ', '，', '𠀀'])
      expect(isWide(char), char).toBe(true);
  });

  it('counts Latin, digits, half-width katakana and Greek as narrow', () => {
    for (const char of ['a', 'Z', '7', '-', ' ', 'ｱ', 'é', 'λ']) expect(isWide(char), char).toBe(false);
  });
});

describe('displayWidth', () => {
  it('gives a wide character two columns and a narrow one one', () => {
    expect(displayWidth('GPT-3')).toBe(5);
    expect(displayWidth('变换器')).toBe(6);
    expect(displayWidth('GLM 模型')).toBe(8);
    expect(displayWidth('')).toBe(0);
  });

  it('counts a character outside the BMP once, not per UTF-16 unit', () => {
    expect('𠀀'.length).toBe(2);
    expect(displayWidth('𠀀')).toBe(2);
    expect(displayWidth('a𠀀b')).toBe(4);
    // A narrow one (mathematical bold A) is one column, not one per surrogate.
    expect(displayWidth('𝐀')).toBe(1);
  });
});
