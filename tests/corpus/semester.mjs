/**
 * The semester-sized reading list of the benchmarks and the parallel-parse test: N papers in N/25
 * families, about 3.5 KB each, a quarter with Chinese text, tables, notes, edges within and across
 * families. Deterministic: the same size and seed give the same files.
 */
import { itemAt } from './item.mjs';
import { pick as pickFrom, seededRandom } from './random.mjs';
import { COLOURS, KINDS } from './vocabulary.mjs';
import { writeContentFiles } from './write.mjs';

/** @typedef {import('./write.mjs').ContentFile} ContentFile */

const EN = [
  'The model is trained on a large corpus with a next-token objective and then fine-tuned on demonstrations.',
  'Scaling parameters and data together improves most benchmarks, while careful filtering matters as much as size.',
  'Human preference comparisons train a reward model that guides reinforcement learning with a KL penalty.',
  'Evaluation covers zero-shot, one-shot and few-shot prompting on more than forty tasks.',
  'An ablation removes each component in turn and reports the change in held-out loss.',
];
const ZH = [
  '模型先在大规模语料上预训练，然后用人工示范进行监督微调。',
  '参数和数据一起扩大时，大多数基准上的结果都会提升。',
  '人类偏好比较数据用于训练奖励模型，再用强化学习优化策略。',
];

/**
 * @param {number} paperCount
 * @param {number} [seed]
 * @returns {ContentFile[]}
 */
export function corpusFiles(paperCount, seed = 42) {
  const next = seededRandom(seed);
  /** @type {<T>(list: readonly T[]) => T} */
  const pick = (list) => pickFrom(next, list);
  const familyCount = Math.max(1, Math.round(paperCount / 25));
  /** @type {ContentFile[]} */
  const files = [];
  /** @type {string[]} */
  const ids = [];
  for (let f = 0; f < familyCount; f += 1) {
    files.push({
      path: `f${f}/family.md`,
      contents: `---\nid: f${f}\nname: Family ${f}\norganisation: Lab ${f}\norder: ${f}\ncolour: "${COLOURS[f % COLOURS.length]}"\n---\n\n${pick(EN)}\n`,
    });
  }
  for (let i = 0; i < paperCount; i += 1) {
    const family = i % familyCount;
    const id = `p${i}`;
    const zh = i % 4 === 0;
    /** @param {number} n */
    const text = (n) => Array.from({ length: n }, () => (zh && next() < 0.5 ? pick(ZH) : pick(EN))).join(' ');
    const sameFamily = ids.filter((other) => Number(other.slice(1)) % familyCount === family);
    /** @type {string[]} */
    const builds = [];
    if (sameFamily.length > 0) builds.push(itemAt(sameFamily, sameFamily.length - 1));
    if (ids.length > 0 && next() < 0.3) builds.push(pick(ids));
    const buildsOn = [...new Set(builds)]
      .map((other) => `  - id: ${other}\n    kind: ${pick(KINDS)}`)
      .join('\n');
    files.push({
      path: `f${family}/${id}.md`,
      contents: `---
id: ${id}
family: f${family}
title: "Paper ${i}: ${zh ? '一个双语大模型的研究' : 'Language models at scale'}"
short: P-${i}
year: ${2000 + Math.floor((i / paperCount) * 25)}
authors: [Ada Lovelace, Alan Turing, Grace Hopper]
venue: arXiv
url: https://example.org/${id}
parameters: [${1 + (i % 9)}B, ${10 + (i % 90)}B]
tokens: ${100 + (i % 900)}B
${buildsOn ? `builds_on:\n${buildsOn}\n` : ''}tags: [generated, scale]
---

## Motivation

${text(4)}

## Approach

${text(3)}

- ${text(1)}
- ${text(1)}
- ${text(1)}

## Details

| Size | Layers | Context | Tokens |
| --- | --- | --- | --- |
| small | 12 | 2048 | 300B |
| large | 48 | 4096 | 1.4T |

${text(3)}

## Results

${text(5)}

## Conclusions

### Main
- ${text(1)}
- ${text(1)}

### Secondary
- ${text(1)}

## Notes

${text(2)}
`,
    });
    ids.push(id);
  }
  return files;
}

/**
 * Writes the reading list of `paperCount` papers as a content folder at `dir` (replacing it).
 * @param {string} dir
 * @param {number} paperCount
 * @param {number} [seed]
 * @returns {string} dir
 */
export function writeCorpus(dir, paperCount, seed = 42) {
  return writeContentFiles(dir, corpusFiles(paperCount, seed));
}
