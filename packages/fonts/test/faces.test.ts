import { readFileSync } from 'node:fs';
import {
  Coverage,
  cssStack,
  FACES,
  FAMILIES,
  facePath,
  facesOf,
  MISSING_GLYPH,
  STACKS,
} from '@studykit/fonts';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';

const families = Object.keys(FAMILIES) as (keyof typeof FAMILIES)[];

describe('the one font table', () => {
  it('gives every family a regular face and every face a file of its package', () => {
    for (const family of families) {
      expect(facesOf(family).some((face) => face.weight === 400 && face.style === 'normal')).toBe(true);
    }
    for (const face of Object.values(FACES)) expect(facePath(face.id)).toMatch(/\.ttf$/);
  });

  it("draws the same characters in every face of a family (coverage reads the family's regular face)", () => {
    for (const family of families) {
      const [first, ...others] = facesOf(family).map((face) => {
        const font = fontkit.create(readFileSync(facePath(face.id))) as fontkit.Font;
        return { id: face.id, characters: [...font.characterSet].sort((a, b) => a - b).join(',') };
      });
      for (const other of others)
        expect(other.characters, `${other.id} vs ${first?.id}`).toBe(first?.characters);
    }
  }, 30_000);
});

describe('the one fallback order', () => {
  it('starts each stack with its own family and ends it with emoji, CJK before both borrowed faces', () => {
    for (const [name, stack] of Object.entries(STACKS)) {
      expect(stack[0]).toBe(name);
      expect(stack[1]).toBe('cjk');
      expect(stack[stack.length - 1]).toBe('emoji');
    }
  });

  it('keeps the web outputs’ CSS stacks', () => {
    expect(cssStack('sans')).toBe("'Studykit Sans', 'Studykit CJK', 'Studykit Emoji', sans-serif");
    expect(cssStack('mono')).toBe("'Studykit Mono', 'Studykit CJK', 'Studykit Emoji', monospace");
  });

  it('draws with the family, then CJK, then (serif) the sans, then emoji, else nothing', () => {
    const coverage = new Coverage();
    expect(coverage.familyFor('serif', 'a')).toBe('serif');
    expect(coverage.familyFor('serif', '中')).toBe('cjk');
    // Source Serif 4 has no ϕ (U+03D5) nor IPA ɛ: the sans draws them, as it does in the decks.
    expect(coverage.familyFor('serif', 'ϕ')).toBe('sans');
    expect(coverage.familyFor('serif', 'ɛ')).toBe('sans');
    expect(coverage.familyFor('sans', 'ϕ')).toBe('sans');
    expect(coverage.familyFor('mono', '中')).toBe('cjk');
    expect(coverage.familyFor('serif', '😀')).toBe('emoji');
    expect(coverage.familyFor('serif', '\u{1D11E}')).toBeUndefined();
    expect(coverage.drawable('clef \u{1D11E}')).toBe(`clef ${MISSING_GLYPH}`);
  });

  it('gives the serif no characters of the web outputs (they never ask for it)', () => {
    expect(new Coverage().charactersByFamily('Serif ϕ 中 😀').serif).toBe('');
  });
});
