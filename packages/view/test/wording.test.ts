import type { Family } from '@studykit/core';
import { describe, expect, it } from 'vitest';
import { LABELS, periodText, relationPhrase } from '../src/index.js';

const family = (period: Family['period']) => ({ period }) as Family;

describe('periodText', () => {
  it('writes a span of years with an en dash, and one year alone', () => {
    expect(periodText(family({ from: 2018, to: 2022 }), LABELS.en)).toBe('2018–2022');
    expect(periodText(family({ from: 2023, to: 2023 }), LABELS.en)).toBe('2023');
  });

  it('says a family has no papers yet, in the output language', () => {
    expect(periodText(family(null), LABELS.en)).toBe('no papers yet');
    expect(periodText(family(null), LABELS.zh)).toBe('尚无论文');
  });
});

describe('relationPhrase', () => {
  it('says how a paper relates to an earlier one', () => {
    expect(relationPhrase('scales-up', 'GPT-2', LABELS.en)).toBe('scales up GPT-2');
    expect(relationPhrase('borrows-method', 'BERT', LABELS.en)).toBe('borrows the method of BERT');
    expect(relationPhrase('fine-tunes', 'LLaMA', LABELS.zh)).toBe('微调自 LLaMA');
  });

  it('falls back to "extends" for a kind it does not know', () => {
    expect(relationPhrase('rewrites' as 'extends', 'GPT-2', LABELS.en)).toBe('extends GPT-2');
    expect(relationPhrase('rewrites' as 'extends', 'GLM', LABELS.zh)).toBe('延续 GLM');
  });
});
