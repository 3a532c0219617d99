/**
 * The report benchmark's reading list: 20 families of papers that chain within their family, a fifth
 * of them with Chinese text, every one with lists, a table and both kinds of conclusions. No
 * randomness: the same paper count gives the same files.
 */

/** @typedef {import('./write.mjs').ContentFile} ContentFile */

const FAMILY_COUNT = 20;

const english =
  'The model is trained on a large corpus with a next-token objective, then fine-tuned on demonstrations. ' +
  'Scaling the parameters and the data together improves results on most benchmarks, while careful filtering ' +
  'of the training text matters as much as its size.';
const chinese =
  '模型先在大规模语料上进行预训练，然后用人工示范进行监督微调。参数和数据一起扩大时，大多数基准上的结果都会提升。';

/**
 * @param {string} family
 * @param {number} index
 * @param {string} [previous] the id of the paper it builds on
 * @returns {ContentFile}
 */
function paperFile(family, index, previous) {
  const id = `${family}-p${index}`;
  const builds = previous ? `builds_on:\n  - id: ${previous}\n    kind: extends\n` : '';
  const zh = index % 5 === 0;
  return {
    path: `${family}/${id}.md`,
    contents: `---
id: ${id}
family: ${family}
title: "Paper ${index} of ${family}: ${zh ? '一个双语模型的研究' : 'Language Models as Few-Shot Learners at Scale'}"
short: ${family.toUpperCase()}-${index}
year: ${2018 + (index % 6)}
authors: [Author One, Author Two, Author Three, Author Four]
venue: arXiv
url: https://example.com/${id}
parameters: [${1 + (index % 9)}B]
${builds}tags: [scaling, generated]
---

## Motivation

${english} ${zh ? chinese : ''}

- First reason, with **bold** and *italic* words and \`inline code\`.
- Second reason, which is long enough to wrap onto a second line of the printed page in most paper sizes.

## Approach

${english}

${zh ? chinese + chinese : english}

## Details

| Setting | Value |
| --- | --- |
| Learning rate | 2.5e-4 |
| Batch size | ${256 + index} sequences of 2048 tokens |

## Results

${english} ${english}

## Conclusions

### Main
- ${english}

### Secondary
- ${zh ? chinese : 'A secondary observation about the data.'}
`,
  };
}

/**
 * @param {number} paperCount
 * @returns {ContentFile[]}
 */
export function reportCorpusFiles(paperCount) {
  const perFamily = Math.ceil(paperCount / FAMILY_COUNT);
  /** @type {ContentFile[]} */
  const files = [];
  for (let f = 0; f < FAMILY_COUNT; f++) {
    const family = `fam${f}`;
    files.push({
      path: `${family}/family.md`,
      contents: `---\nid: ${family}\nname: Family ${f}\norganisation: Lab ${f}\norder: ${f}\ncolour: "#${((f * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}"\n---\n\n${english}\n`,
    });
    for (let i = 1; i <= perFamily && f * perFamily + i <= paperCount; i++) {
      files.push(paperFile(family, i, i > 1 ? `${family}-p${i - 1}` : undefined));
    }
  }
  return files;
}
