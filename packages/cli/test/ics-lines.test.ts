import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCalendar, foldLine, unfold } from '../src/ics-lines.js';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
/** A logical content line: any text without CR or LF (those are escaped as `\n` in iCalendar TEXT). */
const contentLine = fc.string({ unit: 'binary', maxLength: 400 }).map((text) => text.replace(/[\r\n]/g, ''));

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds the 76th octet onto a line starting with a space', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
    expect(foldLine('a'.repeat(75 + 74 + 1))).toBe(`${'a'.repeat(75)}\r\n ${'a'.repeat(74)}\r\n a`);
  });

  it('never splits a UTF-8 character: a Chinese character (3 octets) moves whole to the next line', () => {
    const [first, second] = foldLine(`DESCRIPTION:${'中'.repeat(30)}`).split('\r\n');
    // "DESCRIPTION:" is 12 octets; 21 characters make 75, the 22nd would make 78.
    expect(first).toBe(`DESCRIPTION:${'中'.repeat(21)}`);
    expect(second).toBe(` ${'中'.repeat(9)}`);
  });

  it('folds any line to lines of at most 75 octets that unfold to the line itself', () => {
    fc.assert(
      fc.property(contentLine, (line) => {
        const folded = foldLine(line);
        for (const physical of folded.split('\r\n')) {
          expect(octets(physical)).toBeLessThanOrEqual(75);
          // A split surrogate pair would be a lone surrogate: a broken character in the file.
          expect(physical).not.toMatch(/\p{Cs}/u);
        }
        expect(unfold(folded)).toBe(line);
      }),
      { numRuns: 500 },
    );
  });
});

describe('foldCalendar', () => {
  it('refolds the ics package’s tab-folded, 75-character lines', () => {
    const description = `DESCRIPTION:${'自回归空白填充'.repeat(12)}`;
    const chunks = description.match(/.{1,74}/gu) ?? [];
    const byCharacters = ['BEGIN:VEVENT', chunks.join('\r\n\t'), 'END:VEVENT', ''].join('\r\n');
    const folded = foldCalendar(byCharacters);
    for (const line of folded.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(['BEGIN:VEVENT', description, 'END:VEVENT', ''].join('\r\n'));
  });
});
