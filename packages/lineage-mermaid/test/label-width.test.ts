import { describe, expect, test } from 'vitest';
import { syntheticLineage } from '../../../tests/corpus/index.mjs';
import { EDGE_LINE_WIDTH, EDGE_MAX_LINES, measuredWidth, quoteEdgeLabel, wrapLabel } from '../src/index.js';
import { HOSTILE_LABELS, shown } from './hostile.js';

const WORD = /[\p{L}\p{N}\p{M}]/u;
const WIDE = /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/u;
const ELLIPSIS = '…';

/** A line may break at `at` inside a space-free run: after punctuation, or next to a CJK character. */
function mayBreak(text: string, at: number): boolean {
  const before = text[at - 1] ?? '';
  const after = text[at] ?? '';
  return !WORD.test(before) || WIDE.test(before) || WIDE.test(after);
}

/**
 * The label's characters as the lines show them: every line break fell on a space (the space is gone),
 * or inside a run that may break (next to punctuation or CJK), never between two letters of a word.
 */
function expectBrokenAtWordBoundaries(label: string, lines: string[]) {
  const text = shown(label);
  let at = 0;
  for (const [index, line] of lines.entries()) {
    const last = index === lines.length - 1;
    const body = last && line.endsWith(ELLIPSIS) ? line.slice(0, -1) : line;
    expect(text.startsWith(body, at), `line ${index} "${line}" continues "${text}" at ${at}`).toBe(true);
    at += body.length;
    if (last) break;
    if (text[at] === ' ') {
      at++;
      continue;
    }
    // Broken inside a space-free run: allowed after punctuation or next to a wide (CJK) character.
    expect(mayBreak(text, at), `"${text.slice(at - 3, at)}|${text.slice(at, at + 3)}" splits a word`).toBe(
      true,
    );
  }
  if (lines.at(-1)?.endsWith(ELLIPSIS)) {
    // Cut at a word boundary: what was left out starts a new word (or the label starts with one
    // unbreakable run wider than a line, the one case that is cut inside).
    const unbreakable = lines.length === 1 && !lines[0]?.slice(0, -1).includes(' ');
    expect(text[at] === ' ' || mayBreak(text, at) || unbreakable).toBe(true);
  } else {
    expect(at).toBe(text.length);
  }
}

describe('wrapLabel', () => {
  test('keeps a label that fits on one line as it is', () => {
    expect(wrapLabel('RLHF recipe')).toEqual(['RLHF recipe']);
    expect(wrapLabel('  LLaMA\n7B   weights ')).toEqual(['LLaMA 7B weights']);
    expect(wrapLabel('')).toEqual([]);
  });

  test('wraps at spaces, each line narrower than mermaid would wrap', () => {
    const lines = wrapLabel('scaled up 10x with a longer context window and far more training data');
    expect(lines).toEqual(['scaled up 10x with a longer', 'context window and far', 'more training data']);
    for (const line of lines) expect(measuredWidth(line)).toBeLessThanOrEqual(EDGE_LINE_WIDTH);
  });

  test('breaks a long compound word after its hyphens, Chinese between characters', () => {
    expect(wrapLabel('uses text-davinci-003-generated-instruction-data')).toEqual([
      'uses text-davinci-003-',
      'generated-instruction-data',
    ]);
    const chinese = wrapLabel('指令微调+人类反馈"RLHF"对齐训练与偏好数据，以及更多的中文说明文字');
    expect(chinese.length).toBeGreaterThan(1);
    expectBrokenAtWordBoundaries(
      '指令微调+人类反馈"RLHF"对齐训练与偏好数据，以及更多的中文说明文字',
      chinese,
    );
  });

  test(`a label longer than ${EDGE_MAX_LINES} lines ends at a word boundary with "…"`, () => {
    const label =
      'distilled from the largest model of the previous generation with a long list of extra reasons';
    const lines = wrapLabel(label);
    expect(lines).toHaveLength(EDGE_MAX_LINES);
    expect(lines.at(-1)).toMatch(/\p{L}…$/u);
    expectBrokenAtWordBoundaries(label, lines);
  });

  test('a word wider than a line ends the label before it; only a label that starts with one cuts it', () => {
    expect(wrapLabel('see Supercalifragilisticexpialidociousinstructionfollowing')).toEqual(['see…']);
    const [only] = wrapLabel('Supercalifragilisticexpialidociousinstructionfollowing');
    expect(only).toMatch(/^Supercalifragilistic\p{L}*…$/u);
    expect(measuredWidth(only ?? '')).toBeLessThanOrEqual(EDGE_LINE_WIDTH);
  });

  test('measures as mermaid does: a numeric code counts as its literal text', () => {
    // `"` is written #34; and mermaid measures "&#34;" (5 characters) before we decode it.
    expect(measuredWidth('"')).toBeGreaterThan(4 * measuredWidth('a'));
    // `&` is written #amp;, which mermaid decodes before measuring: one character.
    expect(measuredWidth('&')).toBeLessThan(1.5 * measuredWidth('a'));
  });

  test('every generated and hostile label: within the width and the line count, broken only between words', () => {
    const labels = [
      ...new Set(syntheticLineage(200).edges.flatMap((edge: { label?: string }) => edge.label ?? [])),
      ...HOSTILE_LABELS.map((label) => `edge ${label}`),
      ...HOSTILE_LABELS,
    ];
    expect(labels.length).toBeGreaterThan(20);
    for (const label of labels) {
      const lines = wrapLabel(label);
      expect(lines.length).toBeLessThanOrEqual(EDGE_MAX_LINES);
      for (const line of lines) expect(measuredWidth(line)).toBeLessThanOrEqual(EDGE_LINE_WIDTH);
      expectBrokenAtWordBoundaries(label, lines);
    }
  });
});

describe('quoteEdgeLabel', () => {
  test('escapes each line and joins them with our own <br>', () => {
    expect(quoteEdgeLabel('52K demos from text-davinci-003')).toBe('"52K demos from<br>text-davinci-003"');
    const hostile = quoteEdgeLabel('<br> "]; end %%{init}%% and a few more words to wrap');
    expect(hostile).toMatch(/^"[^"]*"$/);
    expect(hostile.replaceAll('<br>', '')).not.toMatch(/[<>]|%%/);
    expect(hostile.split('<br>')[0]).toContain('#lt;br#gt;');
    expect(quoteEdgeLabel(' ')).toBe('"#160;"');
  });
});
