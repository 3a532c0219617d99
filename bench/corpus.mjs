/**
 * A semester-sized reading list for the benchmarks, generated deterministically from a seed: N papers
 * in N/25 families, about 3.5 KB each, a quarter with Chinese text, tables, notes, edges within and
 * across families. `writeCorpus(dir, n)` writes it as a content folder.
 *
 *   node bench/corpus.mjs 1000 /tmp/corpus-1000
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const KINDS = ['extends', 'scales-up', 'fine-tunes', 'borrows-method', 'uses-data'];
const COLOURS = ['#10a37f', '#d97757', '#0668e1', '#4f46e5', '#cc3333', '#f59e0b', '#0891b2', '#9333ea'];
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

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function corpusFiles(paperCount, seed = 42) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const familyCount = Math.max(1, Math.round(paperCount / 25));
  const files = [];
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
    const text = (n) => Array.from({ length: n }, () => (zh && next() < 0.5 ? pick(ZH) : pick(EN))).join(' ');
    const sameFamily = ids.filter((other) => Number(other.slice(1)) % familyCount === family);
    const builds = [];
    if (sameFamily.length > 0) builds.push(sameFamily.at(-1));
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

export function writeCorpus(dir, paperCount, seed = 42) {
  rmSync(dir, { recursive: true, force: true });
  for (const file of corpusFiles(paperCount, seed)) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.contents);
  }
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count = '1000', dir = `/tmp/studykit-corpus-${count}`] = process.argv.slice(2);
  writeCorpus(dir, Number(count));
  console.log(`wrote ${count} papers to ${dir}`);
}
