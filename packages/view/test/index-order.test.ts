import { expect, it } from 'vitest';
import { indexGroups } from '../src/index-order.js';

it('orders English terms alphabetically, a heading per initial letter, case and accents aside', () => {
  expect(
    indexGroups(
      ['scaling', 'RLHF', 'alignment', 'Émergence', 'in-context learning', 'instruction tuning'],
      'en',
    ),
  ).toEqual([
    { heading: 'A', terms: ['alignment'] },
    { heading: 'E', terms: ['Émergence'] },
    { heading: 'I', terms: ['in-context learning', 'instruction tuning'] },
    { heading: 'R', terms: ['RLHF'] },
    { heading: 'S', terms: ['scaling'] },
  ]);
});

it('orders Chinese terms by pinyin among Latin ones, a heading per initial letter, not per character', () => {
  expect(
    indexGroups(['预训练', '强化学习', 'RLHF', '人类反馈', '缩放定律', '指令微调', 'prompt', '思维链'], 'zh'),
  ).toEqual([
    { heading: 'P', terms: ['prompt'] },
    { heading: 'Q', terms: ['强化学习'] },
    { heading: 'R', terms: ['人类反馈', 'RLHF'] },
    { heading: 'S', terms: ['思维链', '缩放定律'] },
    { heading: 'Y', terms: ['预训练'] },
    { heading: 'Z', terms: ['指令微调'] },
  ]);
});

it('keeps terms without a letter under their own first character', () => {
  expect(indexGroups(['2-stage training', 'β-VAE'], 'en')).toEqual([
    { heading: '2', terms: ['2-stage training'] },
    { heading: 'Β', terms: ['β-VAE'] },
  ]);
});
