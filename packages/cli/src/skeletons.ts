/**
 * The files `studykit new` and `studykit init` write: every field named and explained in a comment,
 * every section present, values that check clean as they are (like `hugo new`'s archetypes). Text only:
 * commands/new.ts decides where they go and writes them.
 */
import type { StudyLanguage } from '@studykit/core';
import { displayWidth } from '@studykit/view';

/** The section headings core recognises, in each language the kit speaks. */
const HEADINGS: Record<StudyLanguage, Record<string, string>> = {
  en: {
    motivation: 'Motivation',
    approach: 'Approach',
    details: 'Details',
    results: 'Results',
    conclusions: 'Conclusions',
    main: 'Main',
    secondary: 'Secondary',
    notes: 'Notes',
  },
  zh: {
    motivation: '动机',
    approach: '方法',
    details: '细节',
    results: '结果',
    conclusions: '结论',
    main: '主要',
    secondary: '次要',
    notes: '备注',
  },
};

const PROMPTS: Record<StudyLanguage, Record<string, string>> = {
  en: {
    motivation: 'Why the work was done: the problem, and what was missing before it.',
    approach: 'What they built: the model, the objective, the training.',
    details: 'Data, sizes, hyper-parameters and the tricks worth knowing.',
    results: 'What they measured and what they found.',
    main: 'The headline finding, one list item each.',
    secondary: 'A finding worth knowing that is not the headline.',
    notes: 'What to say on the paper’s title slide (never shown on the slides).',
    approachNotes: 'What to say on the Approach slides.',
  },
  zh: {
    motivation: '为什么做这项工作：要解决的问题，以及此前缺少什么。',
    approach: '做了什么：模型、目标函数、训练方法。',
    details: '数据、规模、超参数，以及值得了解的技巧。',
    results: '测了什么，发现了什么。',
    main: '最重要的结论，每条一项。',
    secondary: '值得了解、但不是最重要的结论。',
    notes: '在论文标题页上要讲的话（不会显示在幻灯片上）。',
    approachNotes: '在“方法”幻灯片上要讲的话。',
  },
};

export interface PaperSkeleton {
  id: string;
  family: string;
  year: number;
  language: StudyLanguage;
  /** Filled in by `init`; `new` leaves placeholders. */
  title?: string;
  short?: string;
  authors?: readonly string[];
  venue?: string;
  url?: string;
  parameters?: string;
  buildsOn?: { id: string; kind: string; label: string };
  body?: Partial<Record<'motivation' | 'approach' | 'results' | 'main' | 'notes', string>>;
}

const yamlString = (text: string) => JSON.stringify(text);

/** The comment column of a skeleton's frontmatter: values left, explanations lined up after them. */
const COMMENT_COLUMN = 40;

/** Frontmatter lines with their `# …` explanations aligned (a commented-out field keeps its own `#`). */
function frontmatter(lines: readonly string[]): string[] {
  const aligned = lines.map((line) => {
    const at = line.lastIndexOf('  #');
    if (at <= 0) return line;
    const code = line.slice(0, at).trimEnd();
    const comment = line.slice(at).trimStart();
    // By display width: a Chinese character takes two columns in an editor, so its comment lines up too.
    return `${code}${' '.repeat(Math.max(0, COMMENT_COLUMN - 1 - displayWidth(code)))} ${comment}`;
  });
  return ['---', ...aligned, '---'];
}

export function paperSkeleton(paper: PaperSkeleton): string {
  const h = HEADINGS[paper.language];
  const say = { ...PROMPTS[paper.language], ...paper.body };
  const buildsOn = paper.buildsOn
    ? [
        'builds_on:  # optional: earlier papers this one builds on',
        `  - id: ${paper.buildsOn.id}`,
        `    kind: ${paper.buildsOn.kind}  # extends | scales-up | fine-tunes | borrows-method | uses-data | concurrent`,
        `    label: ${yamlString(paper.buildsOn.label)}  # optional: shown on the lineage edge`,
      ]
    : [
        '# builds_on:  # optional: earlier papers this one builds on',
        '#   - id: an-earlier-paper',
        '#     kind: extends  # extends | scales-up | fine-tunes | borrows-method | uses-data | concurrent',
        '#     label: what it took from it  # optional: shown on the lineage edge',
      ];
  return [
    ...frontmatter([
      `id: ${paper.id}  # must equal the file name`,
      `family: ${paper.family}  # the id of a family.md`,
      `title: ${yamlString(paper.title ?? 'The full title of the paper')}  # as printed on the paper`,
      `short: ${yamlString(paper.short ?? paper.id)}  # the name people use: diagram and slide titles`,
      '# headline: The finding in a few words  # optional: comparison tables, at most 80 characters',
      `year: ${paper.year}  # between 1950 and this year`,
      `authors: [${(paper.authors ?? ['First Author', 'Second Author']).join(', ')}]  # in paper order`,
      `venue: ${yamlString(paper.venue ?? 'arXiv')}  # conference, journal, "arXiv", a blog…`,
      `url: ${paper.url ?? 'https://arxiv.org/abs/0000.00000'}  # the paper's page, http or https`,
      '# organisation: Some Lab  # optional: defaults to the family’s',
      paper.parameters
        ? `parameters: ${paper.parameters}  # optional: model sizes, number + K/M/B/T`
        : '# parameters: [7B, 13B]  # optional: model sizes, number + K/M/B/T',
      '# tokens: 1T  # optional: training tokens',
      ...buildsOn,
      '# tags: [pre-training]  # optional',
    ]),
    '',
    `## ${h.motivation}`,
    '',
    say.motivation,
    '',
    `## ${h.approach}`,
    '',
    say.approach,
    '',
    `## ${h.details}`,
    '',
    PROMPTS[paper.language].details,
    '',
    `## ${h.results}`,
    '',
    say.results,
    '',
    `## ${h.conclusions}`,
    '',
    `### ${h.main}`,
    '',
    `- ${say.main}`,
    '',
    `### ${h.secondary}`,
    '',
    `- ${PROMPTS[paper.language].secondary}`,
    '',
    `## ${h.notes}`,
    '',
    say.notes,
    '',
    `### ${h.approach}`,
    '',
    PROMPTS[paper.language].approachNotes,
    '',
  ].join('\n');
}

export interface FamilySkeleton {
  id: string;
  order: number;
  language: StudyLanguage;
  name?: string;
  organisation?: string;
  colour?: string;
  overview?: string;
}

export function familySkeleton(family: FamilySkeleton): string {
  const overview =
    family.language === 'zh'
      ? '这个家族的概述：把这些论文联系在一起的是什么。'
      : 'What ties the family’s papers together.';
  return [
    ...frontmatter([
      `id: ${family.id}  # papers name it in their family field`,
      `name: ${yamlString(family.name ?? family.id)}  # shown in the decks, the diagram and the report`,
      `organisation: ${yamlString(family.organisation ?? 'Some Lab')}  # the papers' default organisation`,
      `order: ${family.order}  # position among the families, a whole number ≥ 0`,
      `colour: "${family.colour ?? '#2563eb'}"  # hex colour for the diagram and the decks; keep the quotes`,
    ]),
    '',
    family.overview ?? overview,
    '',
  ].join('\n');
}

export interface MeetingSkeleton {
  date: string;
  papers: readonly string[];
  language: StudyLanguage;
  title?: string;
  questions?: readonly string[];
}

export function meetingSkeleton(meeting: MeetingSkeleton): string {
  const zh = meeting.language === 'zh';
  const questions = meeting.questions ?? [
    zh ? '这篇论文最关键的一步是什么？' : 'Which step of the paper matters most, and why?',
  ];
  return [
    ...frontmatter([
      `date: ${meeting.date}  # YYYY-MM-DD; the file name is the meeting's id`,
      `title: ${yamlString(meeting.title ?? (zh ? '本次读书会' : 'This meeting’s papers'))}  # optional`,
      '# presenter: Ada  # optional',
      `papers: [${meeting.papers.join(', ')}]  # paper ids, in the order they are presented`,
      'questions:  # optional: for the closing slide',
      ...questions.map((question) => `  - ${yamlString(question)}`),
    ]),
    '',
  ].join('\n');
}

export interface StudySkeleton {
  title: string;
  group: string;
  language: StudyLanguage;
  description: string;
}

export function studySkeleton(study: StudySkeleton): string {
  return [
    ...frontmatter([
      `title: ${yamlString(study.title)}  # required: the report's title page, the index, deck covers`,
      '# subtitle: …  # optional',
      `group: ${yamlString(study.group)}  # optional: who reads the papers`,
      `language: ${study.language}  # en or zh: the language of the outputs' own words`,
      '# logo: logo.png  # optional: an image in this folder, on the deck covers, index and report cover',
      '# accent: "#e11d48"  # optional: the group\'s colour (quoted) on the decks, index and report',
      '# theme: dark  # optional: light (default) or dark decks',
    ]),
    '',
    study.description,
    '',
  ].join('\n');
}
