/**
 * The group's look on its decks (study.md, #21), before any browser: the logo goes on the cover only
 * (as a file of the deck, like a figure), the accent takes the place of the family's and the
 * meetings' colour, `theme: dark` becomes Slidev's colorSchema and our slides' dark colours.
 * (tests/adopted-study.test.ts looks at the built deck in Chromium.)
 */
import type { ImageAsset, StudyAst } from '@studykit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeckSlide } from '../src/deck.js';
import { deckLook, deckThemeCss, withLogo } from '../src/deck-theme.js';
import { type DeckSpec, deckSpecs } from '../src/render-decks.js';
import { toSlidevMarkdown } from '../src/slide-markdown.js';
import { fixtureAst } from './fixtures.js';

const LOGO: ImageAsset = {
  file: 'logo.png',
  format: 'png',
  width: 256,
  height: 128,
  bytes: 100,
  digest: 'ab'.repeat(32),
};

function withLook(ast: StudyAst, look: Partial<StudyAst['study']>): StudyAst {
  return { ...ast, study: { ...ast.study, ...look } };
}

const plain = fixtureAst();
const family = plain.families[0]?.id ?? '';
const looking = withLook(plain, {
  group: 'Reading group of the lab',
  accent: '#e11d48',
  theme: 'dark',
  logo: { type: 'image', url: 'logo.png', alt: 'Reading group of the lab', data: { asset: LOGO } },
});

// Planning a deck formats its references (citeproc, seconds on a loaded machine): once per look.
let spec: DeckSpec | undefined;
let bare: DeckSpec | undefined;
beforeAll(() => {
  [spec] = deckSpecs(looking, { families: [family] });
  [bare] = deckSpecs(plain, { families: [family] });
}, 60_000);

describe('the group’s look on a deck', () => {
  it('puts the logo on the cover only, as a file of the deck', () => {
    const html = (plan: { body: { type: string; html?: string } }) => plan.body.html ?? '';
    const covers = spec?.plans.filter((plan) => html(plan).includes('sk-cover-logo')) ?? [];
    expect(covers.map((plan) => plan.kind)).toEqual(['cover']);
    expect(html(covers[0] as (typeof covers)[number])).toContain(
      `<img class="sk-cover-logo" src="./figures/${'ab'.repeat(8)}.png" alt="Reading group of the lab">`,
    );
    // Without a logo the plans are the ones planned.
    expect(JSON.stringify(bare?.plans)).not.toContain('sk-cover-logo');
    expect(withLogo(bare?.plans ?? [], deckLook(plain.study))).toBe(bare?.plans);
  });

  it('colours every deck with the accent, the family’s colour without one', () => {
    expect(spec?.colour).toBe('#e11d48');
    expect(bare?.colour).toBe(plain.families[0]?.colour);
  });

  it('makes a dark deck dark: Slidev’s colorSchema and the slides’ own colours', () => {
    const cover: DeckSlide = { kind: 'cover', title: 'T', kicker: '', notes: [], bodyHtml: '', zoom: 1 };
    const markdown = (theme: 'light' | 'dark') => toSlidevMarkdown([cover], { title: 'T', theme });
    expect(markdown('dark')).toContain('colorSchema: "dark"');
    expect(markdown('light')).toContain('colorSchema: "light"');
    expect(deckThemeCss(deckLook(looking.study))).toContain(
      'html.dark .slidev-layout.sk-page:not(.sk-page-cover) { background: #0f172a; }',
    );
    expect(deckThemeCss(deckLook(plain.study))).toBe('');
  });
});
