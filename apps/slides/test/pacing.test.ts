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

  it('names two slides of a split set whose content would fit on one, shown down to zoom 0.9', () => {
    // GPT-3's Conclusions in the issue's deck: 174 + 255 px (+ 12 px between) on two 397 px slides.
    expect(pacingProblems([fact(174), fact(255)], listed('Conclusions (1/2)', 'Conclusions (2/2)'))).toEqual([
      'slides 1 and 2 "Conclusions (1/2)": 441 px of content would fit on one slide (441 px at zoom 0.9)',
    ]);
    // A shrunk slide counts at full size: 399 px shown at 0.95 with 50 px next to it needs two slides.
    const shrunk = listed('Details (1/2)', 'Details (2/2)');
    shrunk[0] = { ...(shrunk[0] as ListedSlide), zoom: 0.95 };
    expect(pacingProblems([fact(399), fact(50)], shrunk)).toEqual([]);
    // GPT-2's Details: 263 + 215 px needs two slides even at 0.9; so do 269, 291 and 256 px.
    expect(pacingProblems([fact(263), fact(215)], listed('Details (1/2)', 'Details (2/2)'))).toEqual([]);
    expect(
      pacingProblems(
        [fact(269), fact(291), fact(256)],
        listed('Results (1/3)', 'Results (2/3)', 'Results (3/3)'),
      ),
    ).toEqual([]);
  });

  it('leaves a figure alone on its slide out, and a join that would end on a lead-in', () => {
    const slides = listed('Approach (1/3)', 'Approach (2/3)', 'Approach (3/3)');
    expect(pacingProblems([fact(20), fact(397, { figureAlone: true }), fact(20)], slides)).toEqual([]);
    // Slides 1 and 2 joined would end on the lead-in; 2 and 3 joined would not.
    const leadIn = [fact(150), fact(150, { leadIn: 'Limitations:' }), fact(200)];
    expect(pacingProblems(leadIn, slides)).toEqual([
      'slide 2 "Approach (2/3)" ends with "Limitations:", continued on slide 3',
      'slides 2 and 3 "Approach (2/3)": 362 px of content would fit on one slide (441 px at zoom 0.9)',
    ]);
    const twoAfter = listed('Approach (1/4)', 'Approach (2/4)', 'Approach (3/4)', 'Approach (4/4)');
    expect(
      pacingProblems([fact(122), fact(397, { figureAlone: true }), fact(150), fact(200)], twoAfter),
    ).toEqual([
      'slides 3 and 4 "Approach (3/4)": 362 px of content would fit on one slide (441 px at zoom 0.9)',
    ]);
  });
});
