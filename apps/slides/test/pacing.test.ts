/**
 * The pacing judge of content.test.ts on fixed facts: each measure fails on what the built decks
 * showed before pacing (openai slides 46/47 and 25/26 of the deck, the comparison's cut cells).
 */
import { describe, expect, it } from 'vitest';
import { type ListedSlide, pacingProblems, type SlideFacts } from './pacing.js';

const AVAILABLE = 397;

function fact(used: number, more: Partial<SlideFacts> = {}): SlideFacts {
  return { leadIn: null, cutCells: [], used, available: AVAILABLE, figureAlone: false, ...more };
}

function listed(...titles: string[]): ListedSlide[] {
  return titles.map((title) => ({ title, kicker: 'ChatGPT · 2022', zoom: 1 }));
}

describe('pacingProblems', () => {
  it('names a slide that ends with a lead-in whose list continues on the next slide', () => {
    const slides = listed('Results (1/2)', 'Results (2/2)');
    const leadIn = [fact(210, { leadIn: 'Limitations that OpenAI lists:' }), fact(256)];
    expect(pacingProblems(leadIn, slides)).toEqual([
      'slide 1 "Results (1/2)" ends with "Limitations that OpenAI lists:", continued on slide 2',
    ]);
    // At the end of a section nothing continues: no problem.
    expect(pacingProblems([fact(100, { leadIn: 'Next:' })], listed('Results'))).toEqual([]);
  });

  it('names every table cell cut with "…"', () => {
    const cut = fact(200, {
      cutCells: ['At 175B parameters in-context learning becomes practical. Few-shot…'],
    });
    expect(pacingProblems([cut], listed('Comparison'))).toEqual([
      'slide 1 "Comparison": a table cell is cut: "At 175B parameters in-context learning becomes practical. Few-shot…"',
    ]);
  });

  it('names a split set whose content would fit on fewer slides, shown down to zoom 0.9', () => {
    // GPT-3's Conclusions in the issue's deck: 174 + 255 px on two 397 px slides.
    expect(pacingProblems([fact(174), fact(255)], listed('Conclusions (1/2)', 'Conclusions (2/2)'))).toEqual([
      'slides 1–2 "Conclusions (1/2)": 429 px of content on 2 slides would fit on 1 (441 px each at zoom 0.9)',
    ]);
    // A shrunk slide counts at full size: 420 px shown at 0.95 with 250 px next to it needs two slides.
    const shrunk = listed('Details (1/2)', 'Details (2/2)');
    shrunk[0] = { ...(shrunk[0] as ListedSlide), zoom: 0.95 };
    expect(pacingProblems([fact(399), fact(250)], shrunk)).toEqual([]);
    // GPT-2's Details: 263 + 215 px needs two slides even at 0.9.
    expect(pacingProblems([fact(263), fact(215)], listed('Details (1/2)', 'Details (2/2)'))).toEqual([]);
  });

  it('judges the text on each side of a figure alone on its slide apart', () => {
    const slides = listed('Approach (1/3)', 'Approach (2/3)', 'Approach (3/3)');
    expect(pacingProblems([fact(227), fact(397, { figureAlone: true }), fact(163)], slides)).toEqual([]);
    const twoAfter = listed('Approach (1/4)', 'Approach (2/4)', 'Approach (3/4)', 'Approach (4/4)');
    expect(
      pacingProblems([fact(122), fact(397, { figureAlone: true }), fact(150), fact(200)], twoAfter),
    ).toEqual([
      'slides 3–4 "Approach (3/4)": 350 px of content on 2 slides would fit on 1 (441 px each at zoom 0.9)',
    ]);
  });
});
