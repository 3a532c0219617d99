/**
 * What a reader of one small handout sees, as text with positions: every line `pdftotext
 * -bbox-layout` finds, with its box rounded to whole points (x and y from the top-left corner of the
 * page), compared with reviewed golden files. A change to the layout, the header, the folio or the
 * notes shows up as a readable diff. After an intended change run
 * `UPDATE_GOLDEN=1 pnpm exec vitest run apps/handout/test/handout-golden.test.ts` and review the diff.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type HandoutLayout, type HandoutSlide, renderHandout } from '@studykit/handout';
import { LABELS } from '@studykit/view';
import { describe, expect, it } from 'vitest';
import { skipNote } from '../../../tests/skips.js';
import { makeDeck, noPoppler, slide, writeTemp } from './tools.js';

const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));
const golden = (layout: HandoutLayout) => `${goldenDir}handout-${layout}.txt`;

/** Four slides over one paper: no notes, two paragraphs, a Chinese note, a short one. */
const SLIDES: HandoutSlide[] = [
  slide('Cover', [], undefined, 'cover'),
  slide(
    'GPT1',
    ['Open with the data problem.', 'Then the two stages: pre-train, fine-tune.'],
    'gpt-1',
    'paper',
  ),
  slide('Approach', ['介绍时强调开放与双语两点。'], 'gpt-1'),
  slide('References', ['Point at the paper.'], undefined, 'references'),
];

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Each page as `page n (width × height)`, then one line a text line: `xMin yMin xMax yMax  words`. */
function textWithPositions(path: string): string {
  const html = execFileSync('pdftotext', ['-bbox-layout', path, '-'], { encoding: 'utf8' });
  const out: string[] = [];
  const round = (value: string | undefined) => String(Math.round(Number(value))).padStart(4);
  for (const [index, page] of html
    .split(/<page /)
    .slice(1)
    .entries()) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
    out.push(`page ${index + 1} (${Math.round(Number(size?.[1]))} × ${Math.round(Number(size?.[2]))})`);
    for (const line of page.matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
    )) {
      const words = [...(line[5] ?? '').matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((word) =>
        decode(word[1] ?? ''),
      );
      out.push(`${round(line[1])}${round(line[2])}${round(line[3])}${round(line[4])}  ${words.join(' ')}`);
    }
  }
  return `${out.join('\n')}\n`;
}

describe.skipIf(noPoppler)(`golden handout text${skipNote(noPoppler)}`, () => {
  it.each(['notes', '4up'] as const)(
    '%s: the text a reader sees, where it is, matches the golden',
    async (layout) => {
      const file = await renderHandout({
        deckPdf: await makeDeck(SLIDES),
        slides: SLIDES,
        layout,
        paperSize: 'a4',
        header: {
          study: 'Classic LLM papers',
          subject: 'Golden family',
          date: new Date(Date.UTC(2026, 10, 29)),
        },
        words: LABELS.en,
        path: `handout/golden-${layout}.pdf`,
      });
      const text = textWithPositions(writeTemp(file.contents as Uint8Array));
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(golden(layout), text);
      }
      expect(existsSync(golden(layout)), `missing ${golden(layout)}: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(text).toBe(await readFile(golden(layout), 'utf8'));
    },
  );
});
