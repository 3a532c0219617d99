/**
 * Deck assembly: which slides a family's deck holds, in order, each with safe body HTML, a plain
 * title, and the untrusted speaker-note text (escaped later by slide-markdown.ts).
 */
import {
  type Family,
  formatSize,
  largestSize,
  type Paper,
  type SpeakerNote,
  type StudyAst,
} from '@studykit/core';
import { toMermaid } from '@studykit/lineage';
import type { List, ListItem, PhrasingContent, RootContent, Table, TableCell } from 'mdast';
import { escapeHtml, safeHttpUrl } from './escape.js';
import { type Labels, labelsFor } from './labels.js';
import { BODY_BUDGET, BODY_LINE, BODY_WIDTH, PARAGRAPH_GAP } from './layout.js';
import { linkHtml } from './mdast-html.js';
import { textHeight } from './measure.js';
import { type Chunk, chunkBlock, chunkBlocks, chunkList, paginate } from './paginate.js';

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
  | 'references';

export interface DeckSlide {
  kind: SlideKind;
  /** Plain text title (escaped when rendered). */
  title: string;
  /** The small line above the title (escaped when rendered). */
  kicker: string;
  /** Safe HTML (already escaped). */
  bodyHtml: string;
  /** Untrusted note text, escaped by the markdown writer. */
  notes: string[];
  zoom: number;
  /**
   * The paginator's estimate of the body's content height in canvas pixels (the last element's
   * bottom margin excluded), for paginated slides.
   */
  estimatedHeight?: number;
  /** Mermaid flowchart text, for the lineage slide. */
  mermaid?: string;
  /** How much to enlarge the diagram (small lineages would look lost on a slide). */
  diagramZoom?: number;
}

export type MermaidSource = (ast: StudyAst, options: { family: string }) => string;

export interface DeckOptions {
  /** Mermaid text of the family's lineage (default: the lineage app's); null leaves the slide out. */
  mermaid?: MermaidSource | null;
}

/**
 * The lineage app's per-family flowchart, without the relation-kind legend: on a 16:9 slide it takes
 * more room than the diagram (edge styles are explained by their labels).
 */
const defaultMermaid: MermaidSource = (ast, { family }) => toMermaid(ast, { family, legend: false });

export function familyOf(ast: StudyAst, familyId: string): Family {
  const family = ast.families.find((f) => f.id === familyId);
  if (!family) {
    const known = ast.families.map((f) => f.id).join(', ') || 'none';
    throw new Error(`Unknown family "${familyId}" (known families: ${known}).`);
  }
  return family;
}

/** The family's papers in year order (then reading order). */
export function papersOf(ast: StudyAst, family: Family): Paper[] {
  const byId = new Map(ast.papers.map((p) => [p.id, p]));
  const listed = family.papers.map((id) => byId.get(id)).filter((p): p is Paper => p !== undefined);
  const extra = ast.papers.filter((p) => p.family === family.id && !family.papers.includes(p.id));
  return [...listed, ...extra]
    .map((paper, index) => ({ paper, index }))
    .sort((a, b) => a.paper.year - b.paper.year || a.index - b.index)
    .map(({ paper }) => paper);
}

export function buildDeck(ast: StudyAst, familyId: string, options: DeckOptions = {}): DeckSlide[] {
  const family = familyOf(ast, familyId);
  const papers = papersOf(ast, family);
  const labels = labelsFor(family, papers);
  const slides: DeckSlide[] = [];
  const page = (slide: Omit<DeckSlide, 'notes' | 'zoom'> & Partial<Pick<DeckSlide, 'notes' | 'zoom'>>) =>
    slides.push({ notes: [], zoom: 1, ...slide });

  page({
    kind: 'cover',
    title: family.name,
    kicker: labels.readingGroup,
    bodyHtml: coverHtml(family, papers, labels),
  });

  const mermaidSource = options.mermaid === undefined ? defaultMermaid : options.mermaid;
  const mermaid = mermaidSource?.(ast, { family: family.id });
  const agenda: string[] = [];
  if (family.overview.children.length > 0) agenda.push(labels.overview);
  if (mermaid) agenda.push(labels.lineage);
  for (const paper of papers) agenda.push(`${paper.short} (${paper.year}): ${paper.title}`);
  for (const section of family.sections) agenda.push(section.title);
  agenda.push(labels.comparison, labels.references);
  // Agenda items are set smaller (18 px, tight): a family of a dozen papers still fits one slide.
  const agendaChunks = chunkList(textList(agenda, true), BODY_BUDGET, {
    className: 'sk-agenda',
    fontSize: 18,
    lineHeight: 1.4,
    itemGap: 2,
  });
  pushPages(slides, 'agenda', labels.agenda, family.name, agendaChunks);

  if (family.overview.children.length > 0) {
    pushPages(
      slides,
      'overview',
      labels.overview,
      family.name,
      chunkBlocks(family.overview.children, BODY_BUDGET),
    );
  }
  if (mermaid) {
    const diagramZoom = 1.6;
    page({ kind: 'lineage', title: labels.lineage, kicker: family.name, bodyHtml: '', mermaid, diagramZoom });
  }

  papers.forEach((paper, index) => {
    const notesFor = (target: string) => paper.notes.filter((n) => n.target === target).map(noteText);
    const facts = paperFacts(ast, paper, labels);
    page({
      kind: 'paper',
      title: paper.short,
      kicker: `${family.name} · ${labels.paperOf(index + 1, papers.length)}`,
      bodyHtml: paperFactsHtml(paper, facts),
      notes: notesFor('paper'),
      zoom: zoomToFit(paperFactsHeight(paper, facts), PAPER_BODY_BUDGET),
    });
    const kicker = `${paper.short} · ${paper.year}`;
    for (const section of paper.sections) {
      const target = section.kind === 'extra' ? section.title.toLowerCase() : section.kind;
      pushPages(
        slides,
        'section',
        section.title,
        kicker,
        chunkBlocks(section.children, BODY_BUDGET),
        notesFor(target),
      );
    }
    if (paper.conclusions.length > 0) {
      pushPages(
        slides,
        'conclusions',
        labels.conclusions,
        kicker,
        conclusionChunks(paper, labels),
        notesFor('conclusions'),
      );
    }
  });

  for (const section of family.sections) {
    pushPages(
      slides,
      'family-section',
      section.title,
      family.name,
      chunkBlocks(section.children, BODY_BUDGET),
    );
  }
  if (papers.length > 0) {
    pushPages(
      slides,
      'comparison',
      labels.comparison,
      family.name,
      chunkBlock(comparisonTable(ast, papers, labels), BODY_BUDGET),
    );
    pushPages(
      slides,
      'references',
      labels.references,
      family.name,
      chunkBlock(referenceList(papers, labels), BODY_BUDGET),
    );
  }
  return slides;
}

/** One or more slides for a run of chunks; continuation slides are numbered "Title (2/3)". */
function pushPages(
  slides: DeckSlide[],
  kind: SlideKind,
  title: string,
  kicker: string,
  chunks: Chunk[],
  notes: string[] = [],
): void {
  const pages = paginate(chunks, BODY_BUDGET);
  if (pages.length === 0) pages.push({ html: '', height: 0, zoom: 1 });
  pages.forEach((p, i) => {
    slides.push({
      kind,
      title: pages.length > 1 ? `${title} (${i + 1}/${pages.length})` : title,
      kicker,
      bodyHtml: p.html,
      notes,
      zoom: p.zoom,
      estimatedHeight: p.height > 0 ? p.height - PARAGRAPH_GAP : 0,
    });
  });
}

function noteText(note: SpeakerNote): string {
  return note.text;
}

function period(family: Family): string {
  if (!family.period) return '';
  const { from, to } = family.period;
  return from === to ? String(from) : `${from}–${to}`;
}

function coverHtml(family: Family, papers: Paper[], labels: Labels): string {
  const facts = [family.organisation, period(family)].filter(Boolean).map(escapeHtml).join(' · ');
  const names = papers.map((p) => `<span class="sk-chip">${escapeHtml(p.short)}</span>`).join('');
  const count = labels.papers(papers.length);
  return `<p class="sk-cover-facts">${facts}</p><p class="sk-cover-count">${count}</p><p class="sk-cover-chips">${names}</p>`;
}

const MAX_AUTHORS = 8;

/** The paper slide's title is larger than other slides' (44 px instead of 32 px). */
const PAPER_BODY_BUDGET = BODY_BUDGET - 15;
const FACT_SIZE = 17;
const FACT_VALUE_WIDTH = BODY_WIDTH - 186;

function zoomToFit(height: number, budget: number): number {
  return height > budget ? Math.max(0.55, Math.floor((budget / height) * 100) / 100) : 1;
}

function paperFactsHeight(paper: Paper, facts: [string, string][]): number {
  const title = textHeight(paper.title, 22, 1.3, BODY_WIDTH) + 18;
  const rows = facts.reduce(
    (sum, [, value]) => sum + textHeight(value, FACT_SIZE, 1.35, FACT_VALUE_WIDTH) + 5,
    0,
  );
  return title + rows + 14 + (paper.tags.length > 0 ? 36 : 0);
}

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
  if (paper.buildsOn.length > 0) {
    const relations = paper.buildsOn.map(
      (b) =>
        `${labels.relations[b.kind] ?? b.kind} ${shortOf.get(b.id) ?? b.id}${b.label ? ` (${b.label})` : ''}`,
    );
    rows.push([labels.buildsOn, relations.join('; ')]);
  }
  rows.push([labels.link, paper.url]);
  return rows;
}

function paperFactsHtml(paper: Paper, rows: [string, string][]): string {
  const value = (name: string, text: string) => {
    // The link row is always last.
    const href = rows.at(-1)?.[0] === name ? safeHttpUrl(text) : null;
    return href ? linkHtml(href, escapeHtml(href)) : escapeHtml(text);
  };
  const facts = rows.map(([name, text]) => `<dt>${name}</dt><dd>${value(name, text)}</dd>`).join('');
  const tags = paper.tags.map((t) => `<span class="sk-chip">${escapeHtml(t)}</span>`).join('');
  return `<p class="sk-paper-title">${escapeHtml(paper.title)}</p><dl class="sk-facts">${facts}</dl>${
    tags ? `<p class="sk-tags">${tags}</p>` : ''
  }`;
}

function conclusionChunks(paper: Paper, labels: Labels): Chunk[] {
  const chunks: Chunk[] = [];
  for (const weight of ['main', 'secondary'] as const) {
    const items = paper.conclusions.filter((c) => c.weight === weight);
    if (items.length === 0) continue;
    const label = weight === 'main' ? labels.mainFindings : labels.secondaryFindings;
    chunks.push({
      html: `<p class="sk-label sk-label-${weight}">${label}</p>`,
      height: Math.ceil(14 * BODY_LINE + 8), // 14px text, 8px margin below
      keepWithNext: true,
    });
    const list: List = {
      type: 'list',
      ordered: false,
      spread: false,
      children: items.map((c) => listItem(c.children)),
    };
    chunks.push(
      // Main findings: semibold (drawn bold) in a box (padding 6px 14px, 5px left border, no bullet).
      ...chunkList(
        list,
        BODY_BUDGET,
        weight === 'main'
          ? { className: `sk-conclusions sk-${weight}`, extraItemHeight: 12, indent: 33, face: 'bold' }
          : { className: `sk-conclusions sk-${weight}`, fontSize: 18 },
      ),
    );
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

function cell(value: string): TableCell {
  return { type: 'tableCell', children: value ? [text(value)] : [] };
}

const HEADLINE_LENGTH = 90;

function comparisonTable(ast: StudyAst, papers: Paper[], labels: Labels): Table {
  const shortOf = new Map(ast.papers.map((p) => [p.id, p.short]));
  const header = [
    labels.model,
    labels.year,
    labels.venue,
    labels.parameters,
    labels.tokens,
    labels.buildsOn,
    labels.headline,
  ];
  const rows = papers.map((paper) => {
    const largest = largestSize(paper.parameters);
    const largestText = largest ? formatSize(largest.value) : '';
    const parameters =
      paper.parameters.length > 1 ? labels.sizesUpTo(paper.parameters.length, largestText) : largestText;
    const headline = paper.conclusions.find((c) => c.weight === 'main') ?? paper.conclusions[0];
    return [
      paper.short,
      String(paper.year),
      paper.venue,
      parameters,
      paper.tokens?.text ?? '',
      paper.buildsOn.map((b) => shortOf.get(b.id) ?? b.id).join(', '),
      shorten(headline?.text ?? '', HEADLINE_LENGTH),
    ];
  });
  return {
    type: 'table',
    align: header.map(() => null),
    children: [header, ...rows].map((values) => ({ type: 'tableRow', children: values.map(cell) })),
  };
}

/** At most `length` characters, cut at a word boundary (or anywhere for text without spaces, e.g. Chinese). */
export function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if ([...flat].length <= length) return flat;
  const cut = [...flat].slice(0, length - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

function referenceList(papers: Paper[], labels: Labels): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: papers.map((paper) => {
      const authors =
        paper.authors.length > 3
          ? `${paper.authors.slice(0, 3).join(', ')} ${labels.etAl}`
          : paper.authors.join(', ');
      const href = safeHttpUrl(paper.url);
      const children: PhrasingContent[] = [
        { type: 'strong', children: [text(paper.short)] },
        text(` — ${authors} (${paper.year}). ${paper.title}. ${paper.venue}. `),
        href ? { type: 'link', url: href, children: [text(href)] } : text(paper.url),
      ];
      return listItem([{ type: 'paragraph', children }]);
    }),
  };
}
