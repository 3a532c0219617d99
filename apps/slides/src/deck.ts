/**
 * The deck view: which slides a family's deck holds, in order, each with a plain title, the untrusted
 * speaker-note text (escaped later by slide-markdown.ts) and a body that is fixed HTML, a flow of
 * chunks to paginate, or the lineage diagram. Pure: no heights here; layout-deck.ts measures.
 */
import { formatReferences, type ReferenceCache } from '@studykit/citations';
import {
  type Block,
  type Family,
  type Footnote,
  formatSize,
  largestSize,
  type Paper,
  type StudyAst,
} from '@studykit/core';
import { toMermaid } from '@studykit/lineage-mermaid';
import {
  displayWidth,
  familyOf,
  type Labels,
  labelsOf,
  meetingOf,
  type NoteSpan,
  papersOf,
  periodText,
  relationPhrase,
  safeHttpUrl,
  splitConcurrent,
  subLineage,
} from '@studykit/view';
import type { List, ListItem, Paragraph, PhrasingContent, RootContent, Table, TableCell } from 'mdast';
import { type Chunk, chunkBlock, chunkBlocks, chunkList } from './chunks.js';
import { contentHtml } from './escape.js';
import { linkHtml, phrasingToHtml } from './mdast-html.js';
import type { PageSummary } from './note-division.js';
import { slideNote } from './note-html.js';

export type SlideKind =
  | 'cover'
  | 'agenda'
  | 'overview'
  | 'lineage'
  | 'paper'
  | 'section'
  | 'conclusions'
  | 'family-section'
  | 'comparison'
  | 'discussion'
  | 'references';

/** A slide as the audience sees it: what layout-deck.ts makes of a plan. */
export interface DeckSlide {
  kind: SlideKind;
  /** Plain text title (escaped when rendered). */
  title: string;
  /** The small line above the title (escaped when rendered). */
  kicker: string;
  /** Safe HTML (already escaped). */
  bodyHtml: string;
  notes: SlideNote[];
  /** 1, or the scale at which the body fits its frame (a block that could not be divided). */
  zoom: number;
  /** Content height and body height in canvas pixels, as measured in Chromium before the build. */
  measured?: { used: number; available: number };
  /** Index of the plan this slide was laid out from (a long section gives several slides). */
  plan?: number;
  /** The paper the slide belongs to, if any. */
  paper?: string;
}

/**
 * A speaker note: its plain text, its presenter-view HTML (note-html.ts) and its text with each formula
 * apart (deck.json: the handout typesets those formulas).
 */
export interface SlideNote {
  text: string;
  html: string;
  spans: NoteSpan[];
  /** The note's blocks, for dividing it among the slides of a split section (note-division.ts). */
  children: readonly RootContent[];
}

export type SlideBody =
  | { type: 'fixed'; html: string }
  | { type: 'flow'; chunks: Chunk[] }
  /**
   * Mermaid text of the family's lineage, drawn left to right and top to bottom (the better fit wins);
   * when neither keeps its labels readable, the lineage is shown era by era: `era(ids)` draws a run of
   * `papers` (reading order) with the papers they build on as stubs.
   */
  | {
      type: 'diagram';
      mermaid: LineageTexts;
      papers: readonly string[];
      era: (papers: readonly string[]) => LineageTexts;
    };

/** One lineage drawing in both directions. */
export interface LineageTexts {
  LR: string;
  TB: string;
}

/** A slide before layout: a flow body may become several slides ("Title (2/3)"). */
export interface SlidePlan {
  kind: SlideKind;
  title: string;
  kicker: string;
  notes: SlideNote[];
  body: SlideBody;
  /** The paper a slide belongs to (its title slide, sections and conclusions). */
  paper?: string;
  /** The note of a page that got no part of the plan's notes (note-division.ts says when). */
  pageNote?: (page: PageSummary) => SlideNote;
}

export type MermaidSource = (
  ast: StudyAst,
  options: { family: string; direction: 'LR' | 'TB'; only?: readonly string[] },
) => string;

export interface DeckOptions {
  /** Mermaid text of the family's lineage (default: `toMermaid`); null leaves the slide out. */
  mermaid?: MermaidSource | null;
  /** References formatted before (other decks, earlier builds): only new ones go through citeproc. */
  referenceCache?: ReferenceCache;
}

/**
 * The lineage's per-family flowchart (@studykit/lineage-mermaid), without the relation-kind legend: on
 * a 16:9 slide it takes more room than the diagram (edge styles are explained by their labels).
 */
const defaultMermaid: MermaidSource = (ast, { family, direction, only }) =>
  toMermaid(ast, { family, direction, legend: false, ...(only ? { only } : {}) });

/** The lineage slide's body: the whole lineage of `papers`, and any era of it (a run of its papers). */
function lineageBody(
  papers: readonly Paper[],
  draw: (direction: 'LR' | 'TB', only?: readonly string[]) => string,
): Extract<SlideBody, { type: 'diagram' }> {
  const both = (only?: readonly string[]): LineageTexts => ({ LR: draw('LR', only), TB: draw('TB', only) });
  return { type: 'diagram', mermaid: both(), papers: papers.map((paper) => paper.id), era: both };
}

export function planDeck(ast: StudyAst, familyId: string, options: DeckOptions = {}): SlidePlan[] {
  const family = familyOf(ast, familyId);
  const papers = papersOf(ast, family);
  const labels = labelsOf(ast, family);
  const plans: SlidePlan[] = [];
  const plan = (kind: SlideKind, title: string, kicker: string, body: SlideBody, notes: SlideNote[] = []) =>
    plans.push({ kind, title, kicker, body, notes });
  const say = labels.generatedNotes;

  // The cover says which study and which group the deck belongs to (study.md), then the family.
  plan('cover', family.name, ast.study.group ?? labels.readingGroup, {
    type: 'fixed',
    html: coverHtml(ast.study.title, family, papers, labels),
  });

  const mermaidSource = options.mermaid === undefined ? defaultMermaid : options.mermaid;
  const mermaid = mermaidSource
    ? lineageBody(papers, (direction, only) =>
        mermaidSource(ast, { family: family.id, direction, ...(only ? { only } : {}) }),
      )
    : undefined;
  const agenda: string[] = [];
  if (family.overview.children.length > 0) agenda.push(labels.overview);
  if (mermaid) agenda.push(labels.lineage);
  for (const paper of papers) agenda.push(`${paper.short} (${paper.year}): ${paper.title}`);
  for (const section of family.sections) agenda.push(section.title);
  agenda.push(labels.comparison, labels.references);
  plan(
    'agenda',
    labels.agenda,
    family.name,
    flow(chunkList(textList(agenda, true), { className: 'sk-agenda' })),
  );

  if (family.overview.children.length > 0) {
    plan('overview', labels.overview, family.name, flow(chunkBlocks(family.overview.children, family.file)), [
      generatedNote(say.overview(family.name, labels.papers(papers.length), periodText(family, labels))),
    ]);
  }
  if (mermaid) {
    plan('lineage', labels.lineage, family.name, mermaid, [
      lineageNote(lineageSteps(ast, papers, labels), labels),
    ]);
  }

  papers.forEach((paper, index) => {
    plans.push(
      ...paperPlans(ast, paper, labels, `${family.name} · ${labels.paperOf(index + 1, papers.length)}`),
    );
  });

  for (const section of family.sections) {
    plan(
      'family-section',
      section.title,
      family.name,
      flow([
        ...chunkBlocks(section.children, family.file),
        ...footnoteChunks(section.children, family.footnotes),
      ]),
      [generatedNote(say.familySection(section.title))],
    );
  }
  if (papers.length > 0) {
    plan(
      'comparison',
      labels.comparison,
      family.name,
      flow(chunkBlock(comparisonTable(ast, papers, labels))),
      [comparisonNote(papers, labels)],
    );
    plan(
      'references',
      labels.references,
      family.name,
      flow(chunkBlock(referenceList(ast, papers, options.referenceCache))),
    );
  }
  return withPageNotes(plans, labels);
}

const flow = (chunks: Chunk[]): SlideBody => ({ type: 'flow', chunks });

/** One paper's slides, the same in a family deck and a meeting deck: facts, sections, conclusions. */
function paperPlans(ast: StudyAst, paper: Paper, labels: Labels, factsKicker: string): SlidePlan[] {
  const notesFor = (target: string) => paper.notes.filter((n) => n.target === target).map(slideNote);
  const plans: SlidePlan[] = [];
  const plan = (kind: SlideKind, title: string, kicker: string, body: SlideBody, notes: SlideNote[]) =>
    plans.push({ kind, title, kicker, body, notes, paper: paper.id });
  plan(
    'paper',
    paper.short,
    factsKicker,
    { type: 'fixed', html: paperFactsHtml(paper, paperFacts(ast, paper, labels)) },
    notesFor('paper'),
  );
  const kicker = `${paper.short} · ${paper.year}`;
  for (const section of paper.sections) {
    const target = section.kind === 'extra' ? section.title.toLowerCase() : section.kind;
    plan(
      'section',
      section.title,
      kicker,
      flow([
        ...chunkBlocks(section.children, paper.file),
        ...footnoteChunks(section.children, paper.footnotes),
      ]),
      notesFor(target),
    );
  }
  if (paper.conclusions.length > 0) {
    plan(
      'conclusions',
      labels.conclusions,
      kicker,
      flow(conclusionChunks(paper, labels)),
      notesFor('conclusions'),
    );
  }
  return plans;
}

/**
 * A meeting's deck: a cover with the date and presenter, the lineage of just its papers with their
 * nearest ancestors, each paper's slides in the meeting's order, a comparison, the references and a
 * closing slide with the discussion questions.
 */
export function planMeetingDeck(ast: StudyAst, meetingId: string, options: DeckOptions = {}): SlidePlan[] {
  const meeting = meetingOf(ast, meetingId);
  const byId = new Map(ast.papers.map((paper) => [paper.id, paper]));
  const papers = meeting.papers.flatMap((id) => byId.get(id) ?? []);
  const labels = labelsOf(ast);
  const title = meeting.title ?? `${labels.meeting} ${labels.date(dateOf(meeting.date))}`;
  const kicker = `${labels.meeting} · ${labels.date(dateOf(meeting.date))}`;
  const plans: SlidePlan[] = [];
  const plan = (kind: SlideKind, slideTitle: string, body: SlideBody, notes: SlideNote[] = []) =>
    plans.push({ kind, title: slideTitle, kicker, body, notes });
  const say = labels.generatedNotes;

  // When and where: the date, the time and length, the place, who presents.
  const facts = [
    labels.date(dateOf(meeting.date)),
    meeting.time
      ? `${meeting.time}${meeting.duration ? labels.aside(labels.minutes(meeting.duration)) : ''}`
      : '',
    meeting.place ?? '',
    meeting.presenter ? labels.presentedBy(meeting.presenter) : '',
  ]
    .filter(Boolean)
    .map(contentHtml);
  const chips = papers.map((p) => `<span class="sk-chip">${contentHtml(p.short)}</span>`).join('');
  plans.push({
    kind: 'cover',
    title,
    kicker: ast.study.group ?? labels.readingGroup,
    notes: [],
    body: {
      type: 'fixed',
      html: `<p class="sk-cover-study">${contentHtml(ast.study.title)}</p><p class="sk-cover-facts">${facts.join(' · ')}</p><p class="sk-cover-count">${labels.papers(papers.length)}</p><p class="sk-cover-chips">${chips}</p>`,
    },
  });
  const sub = subLineage(ast, meeting.papers);
  const mermaid =
    options.mermaid === null
      ? undefined
      : lineageBody(sub.papers, (direction, only) =>
          toMermaid(sub, { direction, legend: false, ...(only ? { only } : {}) }),
        );
  const agenda = [
    ...(mermaid ? [labels.lineage] : []),
    ...papers.map((p) => `${p.short} (${p.year}): ${p.title}`),
    labels.comparison,
    ...(meeting.questions.length > 0 ? [labels.discussion] : []),
    labels.references,
  ];
  plan('agenda', labels.agenda, flow(chunkList(textList(agenda, true), { className: 'sk-agenda' })));
  if (mermaid) {
    plan('lineage', labels.lineage, mermaid, [lineageNote(lineageSteps(sub, sub.papers, labels), labels)]);
  }
  papers.forEach((paper, index) => {
    const family = ast.families.find((f) => f.id === paper.family);
    plans.push(
      ...paperPlans(
        ast,
        paper,
        labels,
        `${family?.name ?? paper.family} · ${labels.paperOf(index + 1, papers.length)}`,
      ),
    );
  });
  if (papers.length > 0) {
    plan('comparison', labels.comparison, flow(chunkBlock(comparisonTable(ast, papers, labels))), [
      comparisonNote(papers, labels),
    ]);
  }
  if (meeting.questions.length > 0) {
    plan(
      'discussion',
      labels.discussion,
      flow(chunkList(questionList(meeting.questions), { className: 'sk-questions' })),
      [generatedNote(say.discussion(meeting.questions.length))],
    );
  }
  plan('references', labels.references, flow(chunkBlock(referenceList(ast, papers, options.referenceCache))));
  return withPageNotes(plans, labels);
}

/** A note the kit writes (one paragraph of plain text in the study's language). */
function generatedNote(text: string): SlideNote {
  return slideNote({ children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }], text });
}

/** A flow's page that its section's notes leave without one (a figure alone, a part no note is about). */
function withPageNotes(plans: SlidePlan[], labels: Labels): SlidePlan[] {
  const say = labels.generatedNotes;
  const pageNote = (page: PageSummary) =>
    generatedNote('figure' in page ? say.figure(page.figure) : say.points(page.topics));
  return plans.map((plan) => (plan.body.type === 'flow' ? { ...plan, pageNote } : plan));
}

/** "GPT-2 scales up GPT-1" for each edge into the shown papers, in their reading order. */
/**
 * The lineage slide's note: a line, the arrows as a list (one item each, so that a lineage shown era by era
 * gives each slide the arrows it draws: note-division.ts), a question.
 */
function lineageNote(steps: readonly string[], labels: Labels): SlideNote {
  const say = labels.generatedNotes.lineage;
  if (steps.length === 0) return generatedNote(say.none);
  const paragraph = (value: string): RootContent => ({
    type: 'paragraph',
    children: [{ type: 'text', value }],
  });
  const list: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: steps.map((step) => ({
      type: 'listItem',
      spread: false,
      children: [paragraph(step) as Paragraph],
    })),
  };
  const children: RootContent[] = [paragraph(say.intro), list, paragraph(say.outro)];
  return slideNote({ children, text: [say.intro, ...steps, say.outro].join(' ') });
}

function lineageSteps(ast: StudyAst, papers: readonly Paper[], labels: Labels): string[] {
  const shortOf = new Map(ast.papers.map((p) => [p.id, p.short]));
  return papers.flatMap((paper) =>
    ast.edges
      .filter((edge) => edge.to === paper.id)
      .map(
        (edge) => `${paper.short} ${relationPhrase(edge.kind, shortOf.get(edge.from) ?? edge.from, labels)}`,
      ),
  );
}

/** The comparison's note: its rows, and the largest model among them when any gives its size. */
function comparisonNote(papers: readonly Paper[], labels: Labels): SlideNote {
  const sized = papers.flatMap((paper) => {
    const size = largestSize(paper.parameters);
    return size ? [{ paper, size }] : [];
  });
  const largest = sized.reduce<(typeof sized)[number] | undefined>(
    (top, entry) => (!top || entry.size.value > top.size.value ? entry : top),
    undefined,
  );
  const largestText = largest ? `${largest.paper.short}${labels.aside(formatSize(largest.size.value))}` : '';
  const rows = papers.map((paper) => paper.short).join(labels.listSeparator);
  return generatedNote(labels.generatedNotes.comparison(rows, largestText));
}

function dateOf(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The footnotes a section refers to, as a small block after its text (in the order of their numbers). */
function footnoteChunks(children: readonly RootContent[], footnotes: readonly Footnote[]): Chunk[] {
  const labels = new Set<string>();
  const visit = (node: RootContent | PhrasingContent) => {
    if (node.type === 'footnoteReference' && node.label) labels.add(node.label);
    if ('children' in node)
      for (const child of node.children as (RootContent | PhrasingContent)[]) visit(child);
  };
  children.forEach(visit);
  return footnotes
    .filter((footnote) => labels.has(footnote.label))
    .map((footnote) => ({
      html: `<p class="sk-footnote"><sup class="sk-fn">${contentHtml(footnote.label)}</sup> ${footnote.children
        .map((child) =>
          child.type === 'paragraph' ? phrasingToHtml(child.children) : contentHtml(footnote.text),
        )
        .join(' ')}</p>`,
    }));
}

function coverHtml(study: string, family: Family, papers: Paper[], labels: Labels): string {
  const facts = [family.organisation, family.period ? periodText(family, labels) : '']
    .filter(Boolean)
    .map(contentHtml)
    .join(' · ');
  const names = papers.map((p) => `<span class="sk-chip">${contentHtml(p.short)}</span>`).join('');
  const count = labels.papers(papers.length);
  return `<p class="sk-cover-study">${contentHtml(study)}</p><p class="sk-cover-facts">${facts}</p><p class="sk-cover-count">${count}</p><p class="sk-cover-chips">${names}</p>`;
}

const MAX_AUTHORS = 8;

/** The paper's facts as [label, plain text value] pairs, in display order. */
function paperFacts(ast: StudyAst, paper: Paper, labels: Labels): [string, string][] {
  const shortOf = new Map(ast.papers.map((p) => [p.id, p.short]));
  const authors =
    paper.authors.length > MAX_AUTHORS
      ? `${paper.authors.slice(0, MAX_AUTHORS).join(', ')} ${labels.moreAuthors(paper.authors.length)}`
      : paper.authors.join(', ');
  const rows: [string, string][] = [
    [labels.authors, authors],
    [labels.year, String(paper.year)],
    [labels.venue, paper.venue],
    [labels.organisation, paper.organisation],
  ];
  if (paper.parameters.length > 0)
    rows.push([labels.parameters, paper.parameters.map((s) => s.text).join(', ')]);
  if (paper.tokens) rows.push([labels.tokens, paper.tokens.text]);
  const { earlier, concurrent } = splitConcurrent(paper.buildsOn);
  if (earlier.length > 0) {
    const relations = earlier.map(
      (b) =>
        `${relationPhrase(b.kind, shortOf.get(b.id) ?? b.id, labels)}${b.label ? labels.aside(b.label) : ''}`,
    );
    rows.push([labels.buildsOn, relations.join(labels.clauseSeparator)]);
  }
  if (concurrent.length > 0) {
    const works = concurrent.map(
      (b) => `${shortOf.get(b.id) ?? b.id}${b.label ? labels.aside(b.label) : ''}`,
    );
    rows.push([labels.concurrentWork, works.join(labels.clauseSeparator)]);
  }
  rows.push([labels.link, paper.url]);
  return rows;
}

function paperFactsHtml(paper: Paper, rows: [string, string][]): string {
  const value = (name: string, text: string) => {
    // The link row is always last.
    const href = rows.at(-1)?.[0] === name ? safeHttpUrl(text) : null;
    return href ? linkHtml(href, contentHtml(href)) : contentHtml(text);
  };
  const facts = rows.map(([name, text]) => `<dt>${name}</dt><dd>${value(name, text)}</dd>`).join('');
  const tags = paper.tags.map((t) => `<span class="sk-chip">${contentHtml(t)}</span>`).join('');
  return `<p class="sk-paper-title">${contentHtml(paper.title)}</p><dl class="sk-facts">${facts}</dl>${
    tags ? `<p class="sk-tags">${tags}</p>` : ''
  }`;
}

function conclusionChunks(paper: Paper, labels: Labels): Chunk[] {
  const chunks: Chunk[] = [];
  for (const weight of ['main', 'secondary'] as const) {
    const items = paper.conclusions.filter((c) => c.weight === weight);
    if (items.length === 0) continue;
    const label = weight === 'main' ? labels.mainFindings : labels.secondaryFindings;
    chunks.push({ html: `<p class="sk-label sk-label-${weight}">${label}</p>`, keepWithNext: true });
    const list: List = {
      type: 'list',
      ordered: false,
      spread: false,
      children: items.map((c) => listItem(c.children)),
    };
    chunks.push(...chunkList(list, { className: `sk-conclusions sk-${weight}` }));
  }
  return chunks;
}

function listItem(children: RootContent[]): ListItem {
  return { type: 'listItem', spread: false, children: children as ListItem['children'] };
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function textList(items: string[], ordered: boolean): List {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: items.map((item) => listItem([{ type: 'paragraph', children: [text(item)] }])),
  };
}

/** The discussion questions, numbered; each is one line of markdown as core read it (formulas too). */
function questionList(questions: readonly Block[]): List {
  return {
    type: 'list',
    ordered: true,
    spread: false,
    children: questions.map((question) =>
      listItem([{ type: 'paragraph', children: question.children as PhrasingContent[] }]),
    ),
  };
}

function cell(value: string): TableCell {
  return { type: 'tableCell', children: value ? [text(value)] : [] };
}

/** A first main finding shown whole in the comparison when the paper gives no `headline`. */
const HEADLINE_LENGTH = 80;

function comparisonTable(ast: StudyAst, papers: Paper[], labels: Labels): Table {
  const shortOf = new Map(ast.papers.map((p) => [p.id, p.short]));
  // A column no paper fills says nothing (training tokens in a study of diffusion models): left out.
  // Numbers are right-aligned.
  const columns: [string, (paper: Paper) => string, 'right' | null][] = [
    [labels.model, (paper) => paper.short, null],
    [labels.year, (paper) => String(paper.year), 'right'],
    [labels.venue, (paper) => paper.venue, null],
    [labels.parameters, (paper) => parametersText(paper, labels), 'right'],
    [labels.tokens, (paper) => paper.tokens?.text ?? '', 'right'],
    [
      labels.buildsOn,
      (paper) =>
        splitConcurrent(paper.buildsOn)
          .earlier.map((b) => shortOf.get(b.id) ?? b.id)
          .join(labels.listSeparator),
      null,
    ],
    [labels.headline, headlineOf, null],
  ];
  // Headlines are shown when every paper has one: a column of a few findings reads as data missing.
  const shown = columns.filter(([label, value]) =>
    label === labels.headline
      ? papers.every((paper) => value(paper) !== '')
      : papers.some((paper) => value(paper) !== ''),
  );
  const header = shown.map(([label]) => label);
  const rows = papers.map((paper) => shown.map(([, value]) => value(paper)));
  return {
    type: 'table',
    align: shown.map(([, , align]) => align),
    children: [header, ...rows].map((values) => ({ type: 'tableRow', children: values.map(cell) })),
  };
}

/**
 * The paper's `headline`; without one, the first sentence of its first main finding when that is one
 * short line. A finding is never cut mid-sentence: a cell ending in "…" says less than an empty one.
 */
function headlineOf(paper: Paper): string {
  if (paper.headline) return paper.headline;
  const finding = paper.conclusions.find((c) => c.weight === 'main') ?? paper.conclusions[0];
  const text = finding?.text.replace(/\s+/g, ' ').trim() ?? '';
  const sentence = text.match(FIRST_SENTENCE)?.[0] ?? text;
  return displayWidth(sentence) <= HEADLINE_LENGTH ? sentence : '';
}

const FIRST_SENTENCE = /^.*?[.!?](?=\s|$)|^.*?[。！？]/u;

/** "175B", or "4 sizes, up to 65B". */
function parametersText(paper: Paper, labels: Labels): string {
  const largest = largestSize(paper.parameters);
  const largestText = largest ? formatSize(largest.value) : '';
  return paper.parameters.length > 1 ? labels.sizesUpTo(paper.parameters.length, largestText) : largestText;
}

/** APA 7 references (formatReferences), formatted among the deck's papers so that 2020a/2020b count within it. */
function referenceList(ast: StudyAst, papers: Paper[], cache: ReferenceCache | undefined): List {
  const formatted = formatReferences(ast, {
    style: 'apa',
    papers: papers.map((paper) => paper.id),
    ...(cache ? { cache } : {}),
  });
  const referenceOf = new Map(formatted.map((reference) => [reference.id, reference.text]));
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: papers.map((paper) => {
      const href = safeHttpUrl(paper.url);
      const children: PhrasingContent[] = [
        { type: 'strong', children: [text(paper.short)] },
        text(` — ${referenceOf.get(paper.id) ?? paper.title} `),
        href ? { type: 'link', url: href, children: [text(href)] } : text(paper.url),
      ];
      return listItem([{ type: 'paragraph', children }]);
    }),
  };
}
