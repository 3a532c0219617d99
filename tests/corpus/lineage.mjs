/**
 * A generated reading list of any size, shaped like a semester's worth of the real one: families of
 * about 25 papers that mostly chain on each other over a few years, families starting in staggered
 * years, a third of the papers also building on a paper of an earlier family, every relation kind,
 * and edge labels from short to long (a long word, Chinese, characters mermaid would misread).
 *
 * Deterministic: the same size always gives the same lineage. Two views of the same list:
 *   syntheticLineage(n)  the StudyAst, built directly (fast; what the renderer takes)
 *   syntheticContent(n)  the markdown files of content/ (what `studykit build --content` reads)
 */
import { itemAt } from './item.mjs';
import { seededRandom } from './random.mjs';
import { COLOURS, KINDS } from './vocabulary.mjs';

/** @import { Paper, StudyAst } from '../../packages/core/src/index.js' */
/** @typedef {import('./write.mjs').ContentFile} ContentFile */
/**
 * The family count, as the first version took, or a family count or size (about 25 by default).
 * @typedef {number | { familyCount?: number; familySize?: number }} LineageOptions
 */
/**
 * @typedef {object} ModelFamily
 * @property {string} id
 * @property {string} name
 * @property {string} organisation
 * @property {number} order
 * @property {string} colour
 * @property {number} start the year its first paper appears
 * @property {number[]} parents indexes of the earlier families it borrows from most
 */
/**
 * @typedef {object} ModelPaper
 * @property {string} id
 * @property {string} family
 * @property {string} short
 * @property {number} year
 * @property {string[]} parameters
 * @property {{ id: string; kind: import('../../packages/core/src/index.js').RelationKind; label?: string }[]} buildsOn
 * @property {number} familyIndex
 */

const ORGANISATIONS = ['OpenAI', 'Anthropic', 'Meta AI', 'Tsinghua', 'Google', 'DeepMind', 'Mistral', '清华'];

/** Edge labels: one in ten unlabelled, the rest from a few words to well past mermaid's 200 px. */
const LABELS = [
  'instruction tuning',
  'RLHF on the base model',
  'scaled up 10x with a longer context window and far more training data',
  'same data',
  'uses text-davinci-003-generated-instruction-data',
  '指令微调+人类反馈"RLHF"对齐训练与偏好数据',
  'objective: "next token" & <mask> #1 at 50% of the cost',
  'borrowed the tokenizer',
  'distilled from the largest model of the previous generation',
];

const FIRST_YEAR = 2000;
const LAST_YEAR = 2024;

/** @param {string} file */
const span = (file) => ({
  file,
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
});

/**
 * The list as plain data: families (with staggered start years), papers (with years and sizes) and
 * builds_on entries.
 * @param {number} paperCount
 * @param {LineageOptions} [options]
 * @returns {{ families: ModelFamily[]; papers: ModelPaper[]; members: ModelPaper[][] }}
 */
function model(paperCount, options = {}) {
  const settings = typeof options === 'number' ? { familyCount: options } : options;
  const familySize = settings.familySize ?? 25;
  const familyCount = Math.max(1, settings.familyCount ?? Math.round(paperCount / familySize));
  const next = seededRandom(42);
  /** @type {ModelFamily[]} */
  const families = Array.from({ length: familyCount }, (_, i) => {
    const organisation = itemAt(ORGANISATIONS, i % ORGANISATIONS.length);
    return {
      id: `family-${i + 1}`,
      name:
        i % 7 === 3
          ? `Family ${i + 1}: the ${organisation} instruction-following assistants`
          : `Family ${i + 1} (${organisation})`,
      organisation,
      order: i + 1,
      colour: itemAt(COLOURS, i % COLOURS.length),
      // Families start in staggered years; each runs for about seven years.
      start: FIRST_YEAR + Math.floor((i * (LAST_YEAR - FIRST_YEAR - 6)) / Math.max(1, familyCount - 1)),
      // The earlier families this one borrows from most.
      parents: i === 0 ? [] : [Math.floor(next() * i), Math.floor(next() * i)],
    };
  });
  // Papers go to families in contiguous runs: family k holds papers k·size … (k+1)·size − 1.
  /** @type {ModelPaper[][]} */
  const members = families.map(() => []);
  /** @type {ModelPaper[]} */
  const papers = [];
  for (let i = 0; i < paperCount; i++) {
    const f = Math.min(familyCount - 1, Math.floor((i * familyCount) / paperCount));
    const family = itemAt(families, f);
    const own = itemAt(members, f);
    const index = own.length;
    const expected = Math.ceil(paperCount / familyCount);
    const year = Math.min(LAST_YEAR, family.start + Math.floor((index * 7) / expected));
    /** @type {ModelPaper} */
    const paper = {
      id: `paper-${i + 1}`,
      family: family.id,
      short: i % 11 === 5 ? `Chinchilla-style ${i + 1}` : `Model-${i + 1}`,
      year,
      parameters: [`${1 + (i % 70)}B`],
      buildsOn: [],
      familyIndex: f,
    };
    /** @type {ModelPaper[]} */
    const buildsOn = [];
    if (own.length > 0) {
      const back = own.length > 1 && next() < 0.25 ? 2 : 1;
      buildsOn.push(itemAt(own, own.length - back));
      if (own.length > 2 && next() < 0.2) buildsOn.push(itemAt(own, own.length - 3));
    }
    if (next() < 0.35) {
      // Mostly a paper of a parent family, sometimes any earlier paper, never a later one.
      const pool =
        next() < 0.8 && family.parents.length > 0
          ? family.parents.flatMap((p) => itemAt(members, p))
          : papers.filter((other) => other.family !== family.id);
      const earlier = pool.filter((other) => other.year <= year);
      if (earlier.length > 0) buildsOn.push(itemAt(earlier, Math.floor(next() * earlier.length)));
    }
    paper.buildsOn = [...new Set(buildsOn)].map((from, k) => {
      const pick = Math.floor(next() * (LABELS.length + 1));
      return {
        id: from.id,
        kind: itemAt(KINDS, (i + k) % KINDS.length),
        ...(pick < LABELS.length ? { label: itemAt(LABELS, pick) } : {}),
      };
    });
    own.push(paper);
    papers.push(paper);
  }
  return { families, papers, members };
}

/**
 * The lineage as a StudyAst (families in order, papers by family then year, as the parser gives).
 * @param {number} paperCount
 * @param {LineageOptions} [options]
 * @returns {StudyAst}
 */
export function syntheticLineage(paperCount, options = {}) {
  const { families, papers, members } = model(paperCount, options);
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  /** @type {Paper[]} */
  const astPapers = papers.map((paper) => ({
    id: paper.id,
    family: paper.family,
    title: `Paper number ${paper.id.slice(6)}`,
    short: paper.short,
    year: paper.year,
    authors: ['A. Author'],
    venue: 'arXiv',
    url: `https://example.org/papers/${paper.id}`,
    organisation: itemAt(families, paper.familyIndex).organisation,
    parameters: paper.parameters.map((text) => ({ text, value: Number.parseFloat(text) * 1e9 })),
    tags: [],
    buildsOn: paper.buildsOn.map((b) => ({ ...b, span: span(`${paper.family}/${paper.id}.md`) })),
    sections: [],
    conclusions: [],
    notes: [],
    footnotes: [],
    file: `${paper.family}/${paper.id}.md`,
    span: span(`${paper.family}/${paper.id}.md`),
    digest: '0'.repeat(64),
  }));
  const edges = papers.flatMap((paper) =>
    paper.buildsOn.map((b) => ({
      from: b.id,
      to: paper.id,
      kind: b.kind,
      ...(b.label ? { label: b.label } : {}),
      crossFamily: byId.get(b.id)?.family !== paper.family,
      span: span(`${paper.family}/${paper.id}.md`),
    })),
  );
  const astFamilies = families.map((family, f) => {
    const own = itemAt(members, f);
    const years = own.map((paper) => paper.year);
    return {
      id: family.id,
      name: family.name,
      organisation: family.organisation,
      order: family.order,
      colour: family.colour,
      overview: { children: [], text: '' },
      sections: [],
      footnotes: [],
      papers: own.map((paper) => paper.id),
      period: years.length > 0 ? { from: Math.min(...years), to: Math.max(...years) } : null,
      file: `${family.id}/family.md`,
      span: span(`${family.id}/family.md`),
      digest: '0'.repeat(64),
    };
  });
  return {
    version: 4,
    study: {
      title: 'Generated lineage',
      subtitle: null,
      group: null,
      language: null,
      description: { children: [], text: '' },
      logo: null,
      accent: null,
      theme: 'light',
      file: null,
    },
    families: astFamilies,
    papers: astPapers,
    edges,
    meetings: [],
    files: [],
    diagnostics: [],
  };
}

/** @param {string} text */
const yamlString = (text) => JSON.stringify(text);

/** About 3.5 KB of body per paper, the size of the shipped notes (1,000 papers ≈ 3.6 MB). */
/** @param {ModelPaper} paper */
function paperBody(paper) {
  const sentence = `${paper.short} is a synthetic paper of ${paper.year}, generated to measure how studykit scales.`;
  const paragraph = Array.from({ length: 5 }, () => sentence).join(' ');
  return [
    '## Motivation',
    '',
    paragraph,
    '',
    '## Approach',
    '',
    `- Train a **${paper.parameters[0]}** model with the _usual_ recipe.`,
    '- Evaluate it on the `standard` benchmarks.',
    '',
    paragraph,
    '',
    '## Results',
    '',
    '| benchmark | score |',
    '| --- | --- |',
    '| A | 71.2 |',
    '| B | 64.0 |',
    '',
    paragraph,
    '',
    '## Conclusions',
    '',
    '### Main',
    '',
    `- ${sentence}`,
    '',
    '### Secondary',
    '',
    `- ${sentence}`,
    '',
    '## Notes',
    '',
    paragraph,
    '',
  ].join('\n');
}

/**
 * The same list as the markdown files of a content folder.
 * @param {number} paperCount
 * @param {LineageOptions} [options]
 * @returns {ContentFile[]}
 */
export function syntheticContent(paperCount, options = {}) {
  const { families, papers } = model(paperCount, options);
  const files = families.map((family) => ({
    path: `${family.id}/family.md`,
    contents: [
      '---',
      `id: ${family.id}`,
      `name: ${yamlString(family.name)}`,
      `organisation: ${yamlString(family.organisation)}`,
      `order: ${family.order}`,
      `colour: "${family.colour}"`,
      '---',
      '',
      `${family.name} is a synthetic family of papers.`,
      '',
    ].join('\n'),
  }));
  for (const paper of papers) {
    const lines = [
      '---',
      `id: ${paper.id}`,
      `family: ${paper.family}`,
      `title: ${yamlString(`Paper number ${paper.id.slice(6)}`)}`,
      `short: ${yamlString(paper.short)}`,
      `year: ${paper.year}`,
      'authors: [A. Author]',
      'venue: arXiv',
      `url: https://example.org/papers/${paper.id}`,
      `parameters: ${paper.parameters[0]}`,
    ];
    if (paper.buildsOn.length > 0) {
      lines.push('builds_on:');
      for (const b of paper.buildsOn) {
        lines.push(`  - id: ${b.id}`, `    kind: ${b.kind}`);
        if (b.label) lines.push(`    label: ${yamlString(b.label)}`);
      }
    }
    lines.push('---', '', paperBody(paper));
    files.push({ path: `${paper.family}/${paper.id}.md`, contents: lines.join('\n') });
  }
  return files;
}
