/**
 * The outputs' own words (slide titles, fact names, table headers, report furniture, the index page),
 * in English or Chinese: one catalogue, so the decks, the report and the index never disagree.
 */
import type { RelationKind, StudyLanguage } from '@studykit/core';

export interface Labels {
  /** Which language these words are in. */
  language: StudyLanguage;
  readingGroup: string;
  agenda: string;
  overview: string;
  lineage: string;
  conclusions: string;
  mainFindings: string;
  secondaryFindings: string;
  comparison: string;
  references: string;
  papers(count: number): string;
  paperOf(index: number, count: number): string;
  authors: string;
  moreAuthors(count: number): string;
  etAl: string;
  year: string;
  venue: string;
  organisation: string;
  parameters: string;
  tokens: string;
  buildsOn: string;
  /** The facts row naming work done at the same time (a `concurrent` relation: neither built on the other). */
  concurrentWork: string;
  link: string;
  model: string;
  headline: string;
  sizesUpTo(count: number, largest: string): string;
  /** Between the items of a list in a sentence: ", " or the ideographic "、". */
  listSeparator: string;
  /** Between clauses: "; " or the full-width "；". */
  clauseSeparator: string;
  /** Before what explains a word: ": " or the full-width "：". */
  colon: string;
  /** A remark in brackets after a word: " (BibTeX)", "（BibTeX 格式）" (full-width in Chinese). */
  aside(text: string): string;
  /** A relation as a phrase before the earlier paper: "scales up GPT-2". */
  relations: Record<RelationKind, string>;
  /** A relation kind's name, as a legend shows it: "borrows method". */
  relationNames: Record<RelationKind, string>;
  relationKinds: string;
  tags: string;
  /** Report furniture. */
  chapter(number: number): string;
  contents: string;
  index: string;
  lineageOfPapers: string;
  lineageNotBuilt: string;
  noPapersYet: string;
  papersUpTo(year: number): string;
  cover: string;
  /** Above the list of families on the report's cover (set in capitals in English). */
  familiesCovered: string;
  families(count: number): string;
  reportSubtitle: string;
  /** A calendar date as a reader of the language writes it: "29 November 2026", "2026年11月29日". */
  date(date: Date): string;
  studyReport(papers: number, families: number): string;
  lineageCaption: string;
  lineageMissing: string;
  /** Under a family's diagram in its chapter. */
  familyLineageCaption(family: string): string;
  /** A numbered figure's caption in the report: "Figure 3: <alt text>" (just "Figure 3" without one). */
  figureCaption(number: number, text: string): string;
  /** Index page. */
  slidesWeb: string;
  slidesPdf: string;
  familyDiagram: string;
  notBuilt: string;
  decks: string;
  report: string;
  builtAt(when: string): string;
  papersInFamilies(papers: number, families: number): string;
  /** Meetings: deck titles and the schedule on the index page. */
  meeting: string;
  discussion: string;
  schedule: string;
  upcoming: string;
  past: string;
  presentedBy(presenter: string): string;
  /** A meeting's length: "90 min", "90 分钟". */
  minutes(count: number): string;
  /** The index page's headings and sentences. */
  indexPage: IndexPageLabels;
  /** Handouts: the link on the index page, the PDF's title, the folio. */
  handoutPdf: string;
  handout: string;
  pageOf(page: number, count: number): string;
  /** Speaker notes of the slides the kit writes itself (content has no note for them). */
  generatedNotes: GeneratedNoteLabels;
}

/** What to say on a generated slide, as a sentence or two in the language (full-width marks in Chinese). */
export interface GeneratedNoteLabels {
  /** `count`: "6 papers"; `period`: "2018–2022". */
  overview(family: string, count: string, period: string): string;
  /**
   * The lineage's note: `intro`, then one item per arrow ("GPT-2 scales up GPT-1", in reading order, so
   * that a lineage shown era by era gives each slide its own arrows), then `outro`; `none` without arrows.
   */
  lineage: { intro: string; outro: string; none: string };
  /** `papers`: the rows; `largest`: "GPT-3 (175B)", when any paper gives its size. */
  comparison(papers: string, largest: string): string;
  discussion(count: number): string;
  familySection(title: string): string;
  /** A figure alone on its slide; `caption` may be empty. */
  figure(caption: string): string;
  /** A slide of a split section that none of the section's notes is about; `topics`: its points. */
  points(topics: readonly string[]): string;
}

/** A caption or title as part of a sentence: no full stop of its own. */
const clause = (text: string) => text.trim().replace(/[.。]+$/u, '');

export interface IndexPageLabels {
  calendar: string;
  reportNote: string;
  referencesNote: string;
  bibtex: string;
  cslJson: string;
  lineageDiagram: string;
  mermaidSource: string;
  decksHeading: string;
  /** Between a link and what it is: " — ", "——". */
  dash: string;
  /** How to open a deck: the text before, between and after the two commands (shown as code). */
  decksNote: readonly [string, string, string];
  generatedBy: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const ENGLISH: Labels = {
  language: 'en',
  readingGroup: 'Reading group',
  agenda: 'Agenda',
  overview: 'Overview',
  lineage: 'Lineage',
  conclusions: 'Conclusions',
  mainFindings: 'Main findings',
  secondaryFindings: 'Also worth knowing',
  comparison: 'Comparison',
  references: 'References',
  papers: (count) => `${count} paper${count === 1 ? '' : 's'}`,
  paperOf: (index, count) => `paper ${index} of ${count}`,
  authors: 'Authors',
  moreAuthors: (count) => `et al. (${count} authors)`,
  etAl: 'et al.',
  year: 'Year',
  venue: 'Venue',
  organisation: 'Organisation',
  parameters: 'Parameters',
  tokens: 'Training tokens',
  buildsOn: 'Builds on',
  concurrentWork: 'Concurrent work',
  link: 'Link',
  model: 'Model',
  headline: 'Headline finding',
  sizesUpTo: (count, largest) => `${count} sizes, up to ${largest}`,
  listSeparator: ', ',
  clauseSeparator: '; ',
  colon: ': ',
  aside: (text) => ` (${text})`,
  relations: {
    extends: 'extends',
    'scales-up': 'scales up',
    'fine-tunes': 'fine-tunes',
    'borrows-method': 'borrows the method of',
    'uses-data': 'uses data from',
    concurrent: 'concurrent with',
  },
  relationNames: {
    extends: 'extends',
    'scales-up': 'scales up',
    'fine-tunes': 'fine-tunes',
    'borrows-method': 'borrows method',
    'uses-data': 'uses data',
    concurrent: 'concurrent work',
  },
  relationKinds: 'Relation kinds',
  tags: 'Tags',
  chapter: (number) => `Chapter ${number}`,
  contents: 'Contents',
  index: 'Index',
  lineageOfPapers: 'Lineage of the papers',
  lineageNotBuilt: 'Lineage diagram not built',
  noPapersYet: 'no papers yet',
  papersUpTo: (year) => `Papers up to ${year}`,
  cover: 'Cover',
  familiesCovered: 'Families covered',
  families: (count) => `${count} ${count === 1 ? 'family' : 'families'}`,
  reportSubtitle:
    'A study report for the reading group: motivation, approach, results and conclusions, paper by paper',
  date: (date) => `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`,
  studyReport: (papers, families) => `Study report: ${papers} papers in ${families} families`,
  lineageCaption:
    'Each arrow points from a paper to later work that builds on it; colours mark the families. The diagram is vector art: zoom in on screen for detail.',
  lineageMissing:
    'The lineage diagram was not built for this report. Run the lineage step (studykit build) to include it here.',
  familyLineageCaption: (family) =>
    `How the papers of ${family} build on one another; an arrow points from a paper to later work that builds on it.`,
  figureCaption: (number, text) => (text ? `Figure ${number}: ${text}` : `Figure ${number}`),
  slidesWeb: 'slides (web)',
  slidesPdf: 'slides (PDF)',
  familyDiagram: 'family diagram',
  notBuilt: 'not built',
  decks: 'Decks',
  report: 'Study report',
  builtAt: (when) => `built ${when}`,
  papersInFamilies: (papers, families) => `${papers} papers in ${families} families`,
  meeting: 'Meeting',
  discussion: 'Discussion',
  schedule: 'Meetings',
  upcoming: 'Upcoming',
  past: 'Past',
  presentedBy: (presenter) => `presented by ${presenter}`,
  minutes: (count) => `${count} min`,
  indexPage: {
    dash: ' — ',
    calendar: 'subscribe in a calendar',
    reportNote: 'the printable study report',
    referencesNote: 'every paper, for LaTeX or a reference manager',
    bibtex: 'BibTeX',
    cslJson: 'CSL-JSON',
    lineageDiagram: 'Lineage diagram',
    mermaidSource: 'mermaid source',
    decksHeading: 'Decks, one per family',
    decksNote: [
      'A deck is a small web app: open it through ',
      ' (this page on 127.0.0.1), or ',
      ' for the presenter view with notes and timer. The PDFs open anywhere.',
    ],
    generatedBy: 'Generated by studykit build from the markdown notes.',
  },
  handoutPdf: 'handout (PDF)',
  handout: 'Handout',
  pageOf: (page, count) => `${page} / ${count}`,
  generatedNotes: {
    overview: (family, count, period) =>
      `Set the scene for ${family}: ${count}, ${period}. Name the thread that runs through them before going paper by paper.`,
    lineage: {
      intro: 'Read the diagram in time order, one arrow at a time:',
      outro: 'Ask which step changed the most.',
      none: 'These papers do not build on one another directly: say what each one starts from.',
    },
    comparison: (papers, largest) =>
      `Compare the rows side by side: ${papers}.${largest ? ` The largest model here is ${largest}.` : ''} Ask which difference matters most: size, data or training method.`,
    discussion: (count) =>
      `${count === 1 ? 'One question' : `${count} questions`} to end on. Give the room a minute with each before offering an answer, and note what stays open for the next meeting.`,
    familySection: (title) =>
      `${clause(title)} looks across the family's papers at once: point out what changes from one paper to the next.`,
    figure: (caption) =>
      `Let the figure carry this slide${caption ? `: ${clause(caption)}` : ''}. Give the room a moment with it before explaining.`,
    points: (topics) =>
      `${topics.length > 0 ? `On this slide: ${topics.join('; ')}. ` : ''}Take its points one at a time and say what each adds to the section.`,
  },
};

const CHINESE: Labels = {
  language: 'zh',
  readingGroup: '读书会',
  agenda: '议程',
  overview: '概述',
  lineage: '谱系',
  conclusions: '结论',
  mainFindings: '主要结论',
  secondaryFindings: '次要结论',
  comparison: '对比',
  references: '参考文献',
  papers: (count) => `${count} 篇论文`,
  paperOf: (index, count) => `第 ${index} 篇，共 ${count} 篇`,
  authors: '作者',
  moreAuthors: (count) => `等（共 ${count} 位作者）`,
  etAl: '等',
  year: '年份',
  venue: '发表于',
  organisation: '机构',
  parameters: '参数量',
  tokens: '训练词元',
  buildsOn: '基于',
  concurrentWork: '同期工作',
  link: '链接',
  model: '模型',
  headline: '主要结论',
  sizesUpTo: (count, largest) => `${count} 种规模，最大 ${largest}`,
  listSeparator: '、',
  clauseSeparator: '；',
  colon: '：',
  aside: (text) => `（${text}）`,
  relations: {
    extends: '延续',
    'scales-up': '放大',
    'fine-tunes': '微调自',
    'borrows-method': '借鉴方法',
    'uses-data': '使用数据',
    concurrent: '同期于',
  },
  relationNames: {
    extends: '延续',
    'scales-up': '放大',
    'fine-tunes': '微调',
    'borrows-method': '借鉴方法',
    'uses-data': '使用数据',
    concurrent: '同期工作',
  },
  relationKinds: '关系类型',
  tags: '标签',
  chapter: (number) => `第 ${number} 章`,
  contents: '目录',
  index: '索引',
  lineageOfPapers: '论文谱系',
  lineageNotBuilt: '谱系图尚未生成',
  noPapersYet: '尚无论文',
  papersUpTo: (year) => `截至 ${year} 年的论文`,
  cover: '封面',
  familiesCovered: '涵盖的系列',
  families: (count) => `${count} 个系列`,
  reportSubtitle: '读书会学习报告：逐篇梳理动机、方法、结果与结论',
  date: (date) => `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`,
  studyReport: (papers, families) => `学习报告：${families} 个系列，共 ${papers} 篇论文`,
  lineageCaption:
    '每个箭头从一篇论文指向在其基础上发展的后续工作；颜色区分系列。谱系图为矢量图，可在屏幕上放大查看细节。',
  lineageMissing: '本报告未包含谱系图。运行谱系步骤（studykit build）即可将其加入。',
  familyLineageCaption: (family) =>
    `${family}各论文之间的继承关系；箭头从一篇论文指向在其基础上发展的后续工作。`,
  figureCaption: (number, text) => (text ? `图 ${number}：${text}` : `图 ${number}`),
  slidesWeb: '幻灯片（网页）',
  slidesPdf: '幻灯片（PDF）',
  familyDiagram: '系列谱系图',
  notBuilt: '尚未生成',
  decks: '幻灯片',
  report: '学习报告',
  builtAt: (when) => `生成于 ${when}`,
  papersInFamilies: (papers, families) => `${families} 个系列，共 ${papers} 篇论文`,
  meeting: '读书会',
  discussion: '讨论',
  schedule: '读书会安排',
  upcoming: '即将举行',
  past: '已举行',
  presentedBy: (presenter) => `主讲：${presenter}`,
  minutes: (count) => `${count} 分钟`,
  indexPage: {
    dash: '——',
    calendar: '可在日历应用中订阅',
    reportNote: '可打印的学习报告',
    referencesNote: '全部论文的参考文献，供 LaTeX 或文献管理软件使用',
    bibtex: 'BibTeX 格式',
    cslJson: 'CSL-JSON 格式',
    lineageDiagram: '谱系图',
    mermaidSource: 'mermaid 源文件',
    decksHeading: '幻灯片（每个系列一份）',
    decksNote: [
      '幻灯片是一个小型网页应用：请通过 ',
      ' 打开（即在 127.0.0.1 上打开本页），或用 ',
      ' 打开带备注和计时器的演讲者视图。PDF 文件可在任何地方打开。',
    ],
    generatedBy: '由 studykit build 根据 Markdown 笔记生成。',
  },
  handoutPdf: '讲义（PDF）',
  handout: '讲义',
  pageOf: (page, count) => `第 ${page} 页，共 ${count} 页`,
  generatedNotes: {
    overview: (family, count, period) =>
      `先介绍 ${family}：${period} 年间的 ${count}。逐篇讲解之前，先点明贯穿其中的主线。`,
    lineage: {
      intro: '按时间顺序逐条讲解谱系图中的箭头：',
      outro: '请大家思考哪一步带来的变化最大。',
      none: '这些论文之间没有直接的继承关系：请说明每篇论文各自的出发点。',
    },
    comparison: (papers, largest) =>
      `逐行对比各篇论文：${papers}。${largest ? `其中规模最大的模型是 ${largest}。` : ''}请大家讨论哪方面的差异最重要：规模、数据还是训练方法。`,
    discussion: (count) =>
      `最后留出讨论时间，共 ${count} 个问题。每个问题先给大家一分钟思考，再给出自己的看法，并记下留待下次讨论的问题。`,
    familySection: (title) =>
      `“${clause(title)}”一页横向比较本系列的各篇论文：请指出每篇论文相对前一篇的变化。`,
    figure: (caption) =>
      `本页以图为主${caption ? `：${clause(caption)}` : ''}。先留给大家片刻看图，再进行讲解。`,
    points: (topics) =>
      `${topics.length > 0 ? `本页要点：${topics.join('；')}。` : ''}逐条讲解，并说明每一点为本节补充了什么。`,
  },
};

export const LABELS: Readonly<Record<StudyLanguage, Labels>> = { en: ENGLISH, zh: CHINESE };
