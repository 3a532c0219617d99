/**
 * One family of 25 papers that pushes slide layout (the slides' scale test): long sections,
 * paragraphs longer than a slide, wide tables, long URLs with no break point, code, Chinese text and
 * emoji. Deterministic: no randomness at all.
 */

/** @typedef {import('./write.mjs').ContentFile} ContentFile */

export const SCALE_FAMILY = 'scale';
const PAPERS = 25;

const SENTENCES = [
  'The model is trained on a mixture of web text, books and code with a next-token objective.',
  'Scaling the number of parameters improves the loss as a smooth power law over several orders of magnitude.',
  'Instruction tuning on a few thousand demonstrations changes how the model answers far more than what it knows.',
  'Human preference comparisons train a reward model, which then guides reinforcement learning with PPO.',
  '模型在中英双语语料上预训练，并通过监督微调与人类反馈强化学习对齐。',
  'Evaluation covers zero-shot, one-shot and few-shot settings on more than forty benchmarks 🚀.',
];

/**
 * @param {number} seed
 * @param {number} sentences
 */
function paragraph(seed, sentences) {
  return Array.from({ length: sentences }, (_, i) => SENTENCES[(seed + i) % SENTENCES.length]).join(' ');
}

/** @param {number} index */
function paper(index) {
  const id = `gen-${String(index).padStart(2, '0')}`;
  const url = `https://example.org/papers/${'very-long-path-segment-without-any-break-'.repeat(3)}${id}`;
  const before =
    index > 1 ? `builds_on:\n  - id: gen-${String(index - 1).padStart(2, '0')}\n    kind: extends\n` : '';
  const wide = [
    '| Model | Layers | Heads | d_model | Context | Tokens | Batch | Learning rate | Notes |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...Array.from(
      { length: 6 + (index % 5) },
      (_, r) =>
        `| G-${index}-${r} | ${12 + r * 4} | ${12 + r} | ${768 + r * 256} | 2048 | ${300 + r * 50}B | 3.2M | 6e-4 | ${url}${r} |`,
    ),
  ].join('\n');
  return `---
id: ${id}
family: ${SCALE_FAMILY}
title: Generated paper ${index} on scaling, alignment and evaluation of large language models
short: Gen-${index}
year: ${2018 + (index % 6)}
authors: [Ada Lovelace, Alan Turing, Grace Hopper, Edsger Dijkstra, Barbara Liskov, Donald Knuth, John McCarthy, Frances Allen, Ken Thompson]
venue: Generated Proceedings
url: ${url}
parameters: [125M, 1.3B, ${index}B]
tokens: ${index * 10}B
${before}tags: [generated, scale]
---

## Motivation

${paragraph(index, 4)}

${paragraph(index + 1, 18)}

## Approach

${paragraph(index + 2, 3)} See ${url} for the full configuration.

${wide}

\`\`\`text
${Array.from({ length: 30 + index }, (_, i) => `step ${i}: loss ${(3 - i / 20).toFixed(3)} ${'x'.repeat(i % 7)}`).join('\n')}
\`\`\`

## Results

${Array.from({ length: 14 }, (_, i) => `- ${paragraph(index + i, 1 + (i % 3))}`).join('\n')}

## Conclusions

### Main
- ${paragraph(index, 2)}

### Secondary
- ${paragraph(index + 3, 1)}
`;
}

/** @returns {ContentFile[]} the family's family.md and its 25 papers */
export function scaleFamilyFiles() {
  return [
    {
      path: `${SCALE_FAMILY}/family.md`,
      contents: `---\nid: ${SCALE_FAMILY}\nname: Generated scale test\norganisation: Test Lab\norder: 1\ncolour: "#0f766e"\n---\n\n${paragraph(0, 3)}\n`,
    },
    ...Array.from({ length: PAPERS }, (_, i) => ({
      path: `${SCALE_FAMILY}/gen-${String(i + 1).padStart(2, '0')}.md`,
      contents: paper(i + 1),
    })),
  ];
}
