/**
 * Which face draws each character. Chromium walks a font stack per character; so do we, against the
 * faces' own character maps, so that a subset holds exactly the characters it will draw and a
 * character that no face has is known before anything is drawn (it would otherwise fall through to
 * whatever system font the viewer's machine has).
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { type FAMILIES, type FaceId, facePath, STACKS } from './faces.js';

/**
 * Drawn in place of a character no face of its stack has, by every output (decks, diagrams, the
 * PDFs): a question mark keeps the text readable.
 */
export const MISSING_GLYPH = '?';

type FamilyKey = keyof typeof FAMILIES;

const FIRST_FACE: Record<FamilyKey, FaceId> = {
  sans: 'sans',
  mono: 'mono',
  cjk: 'cjk',
  emoji: 'emoji',
  serif: 'serif',
};

/** Characters that draw no glyph (spaces, controls, joiners, variation selectors): no face needs them. */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Default_Ignorable_Code_Point}]/u;

export class Coverage {
  private readonly maps = new Map<FamilyKey, Set<number>>();

  /** Whether the family's regular face has the character (its other weights cover the same set). */
  has(family: FamilyKey, codePoint: number): boolean {
    let map = this.maps.get(family);
    if (!map) {
      const font = fontkit.create(readFileSync(facePath(FIRST_FACE[family]))) as fontkit.Font;
      map = new Set(font.characterSet);
      this.maps.set(family, map);
    }
    return map.has(codePoint);
  }

  /** The family a stack draws the character with, or undefined when no face has it. */
  familyFor(stack: keyof typeof STACKS, char: string): FamilyKey | undefined {
    return this.familyForCodePoint(stack, char.codePointAt(0) ?? 0);
  }

  familyForCodePoint(stack: keyof typeof STACKS, codePoint: number): FamilyKey | undefined {
    return STACKS[stack].find((family) => this.has(family, codePoint));
  }

  /** The text with every visible character that no face of either stack has replaced by MISSING_GLYPH. */
  drawable(text: string): string {
    let out = '';
    for (const char of text) {
      out += INVISIBLE.test(char) || this.familyFor('sans', char) ? char : MISSING_GLYPH;
    }
    return out;
  }

  /**
   * For each family, the characters of `text` it draws in the web outputs' stacks (sans and mono). A
   * face gets only the characters that no family before it in a stack has.
   */
  charactersByFamily(text: string): Record<FamilyKey, string> {
    const sets: Record<FamilyKey, Set<string>> = {
      sans: new Set(),
      mono: new Set(),
      cjk: new Set(),
      emoji: new Set(),
      serif: new Set(),
    };
    for (const char of new Set(text)) {
      if (INVISIBLE.test(char) && char !== ' ') continue;
      for (const stack of ['sans', 'mono'] as const) {
        const family = this.familyFor(stack, char);
        if (family) sets[family].add(char);
      }
    }
    const join = (set: Set<string>) => [...set].sort().join('');
    return {
      sans: join(sets.sans),
      mono: join(sets.mono),
      cjk: join(sets.cjk),
      emoji: join(sets.emoji),
      serif: join(sets.serif),
    };
  }
}

let shared: Coverage | undefined;

/** One coverage per process: the character maps are read once. */
export function coverage(): Coverage {
  shared ??= new Coverage();
  return shared;
}
