import { describe, expect, it } from 'vitest';
import { channels, expandHex, shade, textColourOn, tint } from '../src/index.js';

/** WCAG 2 contrast ratio, computed here independently of colour.ts. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = channels(hex).map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Family colours the shipped content and the fixtures use, and pure hues, black and white. */
const COLOURS = [
  '#10a37f',
  '#d97757',
  '#0668e1',
  '#2563eb',
  '#3b5bdb',
  '#4f46e5',
  '#7c3aed',
  '#c92a2a',
  '#dc2626',
  '#f59f00',
  '#ff0000',
  '#00ff00',
  '#0000ff',
  '#ffff00',
  '#00ffff',
  '#ff00ff',
  '#000',
  '#fff',
];

/** Every grey from black to white: the luminances where the choice flips lie among them. */
const GREYS = Array.from({ length: 256 }, (_, v) => `#${v.toString(16).padStart(2, '0').repeat(3)}`);

const otherText = (chosen: string) => (chosen === '#ffffff' ? '#111111' : '#ffffff');

describe('expandHex and channels', () => {
  it('read #rgb and #rrggbb, in any case', () => {
    expect(expandHex('#ABC')).toBe('#aabbcc');
    expect(expandHex('#10A37F')).toBe('#10a37f');
    expect(channels('#10a37f')).toEqual([16, 163, 127]);
    expect(channels('#f00')).toEqual([255, 0, 0]);
  });
});

describe('textColourOn', () => {
  it('picks near-black or white text, whichever contrasts more with a family colour', () => {
    for (const colour of COLOURS) {
      const chosen = textColourOn(colour);
      expect(['#111111', '#ffffff']).toContain(chosen);
      expect(contrast(chosen, colour), colour).toBeGreaterThanOrEqual(contrast(otherText(chosen), colour));
    }
  });

  // Known bug: the 0.179 luminance threshold is where black and white contrast equally; the text is
  // #111111, whose crossover is at 0.1916, so greys #767676 to #797979 get the worse of the two (#767676:
  // 4.16 : 1 where white gives 4.54).
  // When colour.ts compares the two contrasts instead, this fails: make it an `it` again.
  it('picks the better text on every grey too', () => {
    for (const grey of GREYS) {
      const chosen = textColourOn(grey);
      expect(contrast(chosen, grey), grey).toBeGreaterThanOrEqual(contrast(otherText(chosen), grey));
    }
  });

  it('reads at 4.5 : 1 or better (WCAG body text) on every family colour', () => {
    for (const colour of COLOURS) expect(contrast(textColourOn(colour), colour), colour).toBeGreaterThan(4.5);
  });

  it('reads at 4 : 1 or better on every grey, the hardest case', () => {
    for (const grey of GREYS) expect(contrast(textColourOn(grey), grey), grey).toBeGreaterThan(4);
  });

  it('puts white on dark colours and dark text on light ones', () => {
    expect(textColourOn('#0668e1')).toBe('#ffffff');
    expect(textColourOn('#f59f00')).toBe('#111111');
    expect(textColourOn('#ffff00')).toBe('#111111');
    expect(textColourOn('#000')).toBe('#ffffff');
  });
});

describe('tint and shade', () => {
  it('mix the colour with white or black by the amount', () => {
    expect(tint('#10a37f', 0)).toBe('#10a37f');
    expect(tint('#10a37f', 1)).toBe('#ffffff');
    expect(tint('#000', 0.5)).toBe('#808080');
    expect(shade('#10a37f', 0)).toBe('#10a37f');
    expect(shade('#10a37f', 1)).toBe('#000000');
    expect(shade('#fff', 0.5)).toBe('#808080');
  });

  it('make a tint that dark text reads on, and a shade that reads on white', () => {
    for (const colour of COLOURS) {
      expect(contrast(tint(colour, 0.85), '#111111'), colour).toBeGreaterThan(
        contrast(colour, '#111111') - 1e-9,
      );
      expect(contrast(shade(colour, 0.4), '#ffffff'), colour).toBeGreaterThan(
        contrast(colour, '#ffffff') - 1e-9,
      );
    }
  });
});
