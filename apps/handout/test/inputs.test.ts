/** A handout's digest: exactly what renderHandout is given (the deck's PDF by its bytes). */
import { outputDigest } from '@studykit/core/renderer-stamp';
import { LABELS } from '@studykit/view';
import { describe, expect, it } from 'vitest';
import type { RenderHandoutOptions } from '../src/index.js';
import { handoutInputs } from '../src/inputs.js';

const COVER = { kind: 'cover', title: 'Alpha', kicker: 'Group', zoom: 1, notes: ['Say hello'] };
const OPTIONS: RenderHandoutOptions = {
  deckPdf: new Uint8Array([1, 2, 3]),
  slides: [COVER],
  layout: 'notes',
  paperSize: 'a4',
  header: { study: 'The study', subject: 'Alpha', date: new Date('2026-12-01T00:00:00Z') },
  words: LABELS.en,
  path: 'handout/alpha.pdf',
};
const digest = (options: Partial<RenderHandoutOptions>) =>
  outputDigest('stamp', handoutInputs({ ...OPTIONS, ...options }));

describe('handoutInputs', () => {
  it('the same options give the same digest; each thing it prints changes it', () => {
    expect(digest({ deckPdf: new Uint8Array([1, 2, 3]) })).toBe(digest({}));
    expect(digest({ deckPdf: new Uint8Array([1, 2, 4]) })).not.toBe(digest({}));
    expect(digest({ header: { ...OPTIONS.header, study: 'Another study' } })).not.toBe(digest({}));
    expect(digest({ slides: [{ ...COVER, notes: ['Say goodbye'] }] })).not.toBe(digest({}));
    expect(digest({ layout: 'lines' })).not.toBe(digest({}));
    expect(digest({ words: LABELS.zh })).not.toBe(digest({}));
  });
});
