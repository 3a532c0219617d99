/**
 * A section's speaker notes divided among the slides its text was split over ("Details (1/2)",
 * "Details (2/2)"): each paragraph, list item and sentence goes to the slide whose text it shares
 * words with, in order (a later sentence never goes to an earlier slide), or by an even split when it
 * shares none. Nothing is copied onto two slides. Pure: the page HTML in, the notes per page out.
 */
import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { SlideNote } from './deck.js';
import { nodeText } from './mdast-html.js';
import { slideNote } from './note-html.js';

/** A piece of a note that may go to a slide of its own: a sentence, a list item, a formula. */
export interface NoteUnit {
  /** Which note and which of its blocks the unit came from: units of one block on a slide are joined. */
  note: number;
  block: number;
  node: RootContent;
  text: string;
}

/**
 * What a page that got no part of its section's notes shows, for a generated note: a figure alone
 * (its caption, maybe empty), or the points it makes (its bold phrases, or the start of its text).
 */
export type PageSummary = { figure: string } | { topics: string[] };

/**
 * Each page's notes: the plan's notes unchanged on a single page; over several pages, every unit on
 * exactly one page. A page left without a note gets `pageNote` when it shows a figure alone, or when
 * its section has notes (then every slide of the section has some); otherwise none.
 */
export function divideNotes(
  notes: readonly SlideNote[],
  pages: readonly string[],
  pageNote?: (page: PageSummary) => SlideNote,
): SlideNote[][] {
  if (pages.length === 1 && notes.length > 0) return [[...notes]];
  const units = notes.flatMap((note, index) => noteUnits(note.children, index));
  const pageOf = assignUnits(
    units.map((unit) => unit.text),
    pages.map(pageText),
    units.map((unit) => `${unit.note}.${unit.block}`),
  );
  return pages.map((html, page) => {
    const here = units.filter((_, index) => pageOf[index] === page);
    if (here.length > 0) return joinUnits(here).map(slideNote);
    const figure = aloneFigureCaption(html);
    if (!pageNote || (figure === undefined && notes.length === 0)) return [];
    return [pageNote(figure !== undefined ? { figure } : { topics: topicsOf(html) })];
  });
}

/** A note's blocks cut into units: paragraphs into sentences, lists into items, the rest whole. */
export function noteUnits(children: readonly RootContent[], note = 0): NoteUnit[] {
  return children.flatMap((node, block): NoteUnit[] => {
    if (node.type === 'paragraph') {
      return sentences(node.children).map((phrasing) => {
        const paragraph: Paragraph = { type: 'paragraph', children: phrasing };
        return { note, block, node: paragraph, text: nodeText(paragraph) };
      });
    }
    if (node.type === 'list') {
      return node.children.map((item, index) => {
        const list: List = {
          ...node,
          ...(node.ordered ? { start: (node.start ?? 1) + index } : {}),
          children: [item],
        };
        return { note, block, node: list, text: nodeText(item) };
      });
    }
    return [{ note, block, node, text: nodeText(node) }];
  });
}

/** Units back into blocks: neighbours from one block on the same page become one paragraph or list. */
function joinUnits(units: readonly NoteUnit[]): { children: RootContent[]; text: string }[] {
  const notes: { note: number; children: RootContent[] }[] = [];
  let previous: NoteUnit | undefined;
  for (const unit of units) {
    let current = notes.at(-1);
    if (!current || current.note !== unit.note) {
      current = { note: unit.note, children: [] };
      notes.push(current);
    }
    const last = current.children.at(-1);
    const sameBlock = previous?.note === unit.note && previous.block === unit.block && last;
    if (sameBlock && last.type === 'paragraph' && unit.node.type === 'paragraph') {
      current.children[current.children.length - 1] = {
        ...last,
        children: [...last.children, { type: 'text', value: ' ' }, ...unit.node.children],
      };
    } else if (sameBlock && last.type === 'list' && unit.node.type === 'list') {
      current.children[current.children.length - 1] = {
        ...last,
        children: [...last.children, ...unit.node.children] as ListItem[],
      };
    } else current.children.push(unit.node);
    previous = unit;
  }
  return notes.map(({ children }) => ({ children, text: children.map(nodeText).join('\n\n') }));
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /(?:^|\s)(?:e\.g|i\.e|vs|cf|et al|etc|Fig|Eq|No|approx|ca)\.$/i;
/** A sentence ends at . ! ? followed by a space, or at a full-width 。！？ (no space in Chinese). */
const SENTENCE_END = /(?<=[.!?]["'”’)]*)\s+|(?<=[。！？][”’）」』]*)(?![”’）」』])/gu;

/** A paragraph's phrasing cut at sentence ends (only inside its top-level text nodes). */
function sentences(children: readonly PhrasingContent[]): PhrasingContent[][] {
  const out: PhrasingContent[][] = [[]];
  const current = () => out[out.length - 1] as PhrasingContent[];
  for (const node of children) {
    if (node.type !== 'text') {
      current().push(node);
      continue;
    }
    let from = 0;
    for (const match of node.value.matchAll(SENTENCE_END)) {
      const before = node.value.slice(from, match.index);
      const end = match.index + match[0].length;
      if (ABBREVIATION.test(before)) continue;
      if (before) current().push({ type: 'text', value: before });
      if (current().length > 0) out.push([]);
      from = end;
    }
    const rest = node.value.slice(from);
    if (rest) current().push({ type: 'text', value: rest });
  }
  return out.filter((phrasing) => phrasing.some((node) => nodeText(node as RootContent).trim() !== ''));
}

/** How much a unit leans to the page of its predecessor from the same block. */
const COHESION = 0.3;
/** …and one that shares no word with any page ("It is the key point.") goes with it. */
const BELONGS = 10;
/** Pull towards the even split by order: decides only when no shared word does. */
const EVEN_PULL = 0.05;
/** What reaching one more page is worth: weak evidence spreads a note, a clear word keeps it together. */
const COVER = 0.25;

/**
 * The page of each unit (0-based), never decreasing. A unit scores on a page the distinctive words it
 * shares with it (a word on k of the pages counts 1/k; one on every page, nothing); each page reached
 * adds a little, so a note spreads unless its words keep it together. `blocks` names each unit's paragraph or list: a unit stays
 * with the one before it from the same block unless its words pull it on. Dynamic programming over
 * (unit, page): units × pages².
 */
export function assignUnits(
  units: readonly string[],
  pages: readonly string[],
  blocks: readonly string[] = [],
): number[] {
  const n = pages.length;
  const m = units.length;
  if (m === 0) return [];
  if (n <= 1) return units.map(() => 0);
  const pageTerms = pages.map((page) => terms(page));
  const pagesWith = new Map<string, number>();
  for (const set of pageTerms) for (const term of set) pagesWith.set(term, (pagesWith.get(term) ?? 0) + 1);
  const score = (unit: Set<string>, page: number): number => {
    let sum = 0;
    for (const term of unit) {
      const k = pagesWith.get(term) ?? 0;
      if (k > 0 && k < n && pageTerms[page]?.has(term)) sum += 1 / k;
    }
    return sum;
  };
  const scores = units.map((text) => {
    const unitTerms = terms(text);
    return pages.map((_, j) => score(unitTerms, j));
  });
  const value = scores.map((row, i) => {
    const even = ((i + 0.5) * n) / m - 0.5;
    return row.map((points, j) => points - EVEN_PULL * Math.abs(j - even));
  });
  const stay = units.map((_, i) => {
    if (i === 0 || blocks[i] === undefined || blocks[i] !== blocks[i - 1]) return 0;
    return scores[i]?.every((points) => points === 0) ? BELONGS : COHESION;
  });

  // best[i][j]: the best total for units 0..i with unit i on page j; from[i][j]: unit i-1's page.
  const best = units.map(() => pages.map(() => Number.NEGATIVE_INFINITY));
  const from = units.map(() => pages.map(() => -1));
  for (let j = 0; j < n; j++) (best[0] as number[])[j] = (value[0]?.[j] ?? 0) + COVER;
  for (let i = 1; i < m; i++) {
    for (let j = 0; j < n; j++) {
      for (let k = 0; k <= j; k++) {
        const previous = best[i - 1]?.[k] ?? Number.NEGATIVE_INFINITY;
        if (previous === Number.NEGATIVE_INFINITY) continue;
        const total = previous + (value[i]?.[j] ?? 0) + (k === j ? (stay[i] ?? 0) : COVER);
        if (total > (best[i]?.[j] ?? Number.NEGATIVE_INFINITY)) {
          (best[i] as number[])[j] = total;
          (from[i] as number[])[j] = k;
        }
      }
    }
  }
  const last = best[m - 1] as number[];
  let page = last.indexOf(Math.max(...last));
  const assigned = new Array<number>(m);
  for (let i = m - 1; i >= 0; i--) {
    assigned[i] = page;
    page = from[i]?.[page] ?? 0;
  }
  return assigned;
}

const STOP_WORDS = new Set(
  'the and for with that this from are was were its not but they their them than then into over also has have had what which when where who how why one two per all any can may more most much only such very here there these those about each every our your use used uses using show shows shown point make makes made mention stress slide slides note notes say'.split(
    ' ',
  ),
);

/** Words a note and a slide can share: lower case, simple plurals folded, acronyms; Chinese as character pairs. */
export function terms(text: string): Set<string> {
  const out = new Set<string>();
  for (const [written] of text.matchAll(/[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*/gu)) {
    // Short words count when written as an acronym: "RM", "KL".
    if (/^\p{Lu}{2}$/u.test(written)) out.add(written.toLowerCase());
    const word = written.toLowerCase();
    for (const run of word.split(/(\p{Script=Han}+)/u)) {
      if (/\p{Script=Han}/u.test(run)) {
        const chars = [...run];
        for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
        continue;
      }
      if (run.length < 3 && !/\d/.test(run)) continue;
      if (STOP_WORDS.has(run)) continue;
      out.add(run.length > 3 && run.endsWith('s') && !run.endsWith('ss') ? run.slice(0, -1) : run);
    }
  }
  return out;
}

/** What a reader sees of a page, with the words that name its tables and figures ("the table"). */
export function pageText(html: string): string {
  return [visibleText(html), ...namedParts(html)].join(' ');
}

function namedParts(html: string): string[] {
  return [
    /<table\b/.test(html) ? 'table tables 表 表格' : '',
    /<figure\b|<svg\b|<img\b/.test(html) ? 'figure diagram chart plot 图 图表' : '',
    /<pre\b/.test(html) ? 'code 代码' : '',
  ];
}

/** The text of some HTML: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi, (_, dec, hex, name) =>
      dec || hex
        ? String.fromCodePoint(Number.parseInt(dec ?? hex, dec ? 10 : 16))
        : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[String(name).toLowerCase()] ??
          ' '),
    );
}

/** At most this many points name a page in its generated note. */
const TOPICS = 4;
/** A page without bold phrases is named by its first sentence, cut to this many characters. */
const OPENING = 90;

/** The page's bold phrases, or the start of its text. */
function topicsOf(html: string): string[] {
  const bold = [...html.matchAll(/<strong>([\s\S]*?)<\/strong>/g)].map((match) =>
    visibleText(match[1] ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[:：,，.。]+$/u, ''),
  );
  // A phrase, not a bare number ("6B").
  const distinct = [...new Set(bold.filter((phrase) => (phrase.match(/\p{L}/gu)?.length ?? 0) >= 3))];
  if (distinct.length > 0) return distinct.slice(0, TOPICS);
  const text = visibleText(html.replace(/<(table|figure)\b[\s\S]*?<\/\1>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  const first = text.split(/(?<=[.!?])\s+|(?<=[。！？])/u)[0] ?? '';
  const opening = [...first].length <= OPENING ? first : shorten(first, OPENING);
  return opening ? [opening.replace(/[.。]$/u, '')] : [];
}

/** The caption (possibly empty) of a page that holds a figure alone, or undefined. */
function aloneFigureCaption(html: string): string | undefined {
  if (!/^<figure class="sk-figure sk-figure-alone">/.test(html.trim())) return undefined;
  const caption = /<figcaption>([\s\S]*?)<\/figcaption>/.exec(html)?.[1] ?? '';
  const alt = /<img[^>]* alt="([^"]*)"/.exec(html)?.[1] ?? '';
  return visibleText(caption || alt)
    .replace(/\s+/g, ' ')
    .trim();
}

/** A sentence cut at a word to about `length` characters, with "…" (a generated note's opening). */
function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if ([...flat].length <= length) return flat;
  const cut = [...flat].slice(0, length - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
