/**
 * The studykit AST: the one data model every renderer reads (pandoc-style readers → AST → writers).
 * Everything here is plain JSON; `studykit ast` prints it as is. Changing a shape is a breaking change:
 * bump AST_VERSION and update packages/core/README.md.
 */
/// <reference types="mdast-util-math" />
// mdast-util-math adds `inlineMath` (`$…$`) and `math` (`$$…$$`) to mdast's content types; their
// `value` is the TeX as written.
import type { Image, Literal, RootContent } from 'mdast';

export const AST_VERSION = 4 as const;

/** 1-based line and column, 0-based offset into the file text (BOM removed, CRLF kept as written). */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** Where a node came from: a content file path (relative to the content folder, `/`-separated). */
export interface Span {
  file: string;
  start: Point;
  end: Point;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  message: string;
  rule: string;
  hint?: string;
}

export const RELATION_KINDS = [
  'extends',
  'scales-up',
  'fine-tunes',
  'borrows-method',
  'uses-data',
  'concurrent',
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Body sections of a paper, in their required order. Conclusions and notes are lifted out of `sections`. */
export const SECTION_KINDS = [
  'motivation',
  'approach',
  'details',
  'results',
  'conclusions',
  'notes',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];
/** Kinds that end up in `Paper.sections`; `extra` is any other `##` heading. */
export type BodySectionKind = 'motivation' | 'approach' | 'details' | 'results' | 'extra';

/** A model or corpus size: as written ("175B") and as a number (175e9). */
export interface Size {
  text: string;
  value: number;
}

/** A run of markdown content: the mdast nodes (with positions) and their plain text. */
export interface Block {
  children: RootContent[];
  text: string;
}

export const IMAGE_FORMATS = ['png', 'jpeg', 'svg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/**
 * An image file the notes show (`![alt](path)`), resolved by core against the folder of the markdown
 * file that references it. The mdast `image` node carries it in `data.asset`; it is absent when the
 * reference is broken (a diagnostic says why, and renderers show the alt text).
 */
/** EXIF's orientations other than 1 (the stored pixels as they are). */
export type ExifOrientation = 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface ImageAsset {
  /** Path relative to the content folder, `/`-separated. */
  file: string;
  format: ImageFormat;
  /**
   * Intrinsic size in CSS pixels (an SVG's width and height, else its viewBox), as the image is shown:
   * a JPEG whose EXIF orientation turns it a quarter (5–8) has its stored width and height swapped.
   */
  width: number;
  height: number;
  /**
   * A JPEG's EXIF orientation when it is not the stored one (2–8: mirrored, turned, or both): browsers
   * show the image turned, and a writer that draws the stored pixels (the report) must turn them.
   */
  orientation?: ExifOrientation;
  bytes: number;
  /** sha256 of the file's bytes: an edited image rebuilds every output that shows it. */
  digest: string;
}

/**
 * A diagram drawn in the notes: a fenced ```` ```mermaid ```` block, which core turns into this node
 * in place of mdast's `code`. Renderers draw it at build time (packages/diagram).
 */
export interface Diagram extends Literal {
  type: 'diagram';
  language: 'mermaid';
  /** The mermaid source. */
  value: string;
  /** From the fence's info string, ```` ```mermaid caption="…" ````; null when none is given. */
  caption: string | null;
}

declare module 'mdast' {
  interface ImageData {
    asset?: ImageAsset;
  }
  interface RootContentMap {
    diagram: Diagram;
  }
  interface BlockContentMap {
    diagram: Diagram;
  }
}

/** A footnote: its number as shown (first referenced, first numbered) and its content. */
export interface Footnote extends Block {
  label: string;
}

export interface Section extends Block {
  kind: BodySectionKind;
  /** The heading as written, e.g. "Approach" or "方法". */
  title: string;
  span: Span;
}

export type ConclusionWeight = 'main' | 'secondary';

export interface Conclusion extends Block {
  weight: ConclusionWeight;
  span: Span;
}

/**
 * Speaker notes. `target` is `paper` for the paper's title slide, a body section kind
 * (`motivation` …) or, for an extra section, its title in lower case.
 */
export interface SpeakerNote extends Block {
  target: string;
  span: Span;
}

export interface BuildsOn {
  id: string;
  kind: RelationKind;
  label?: string;
  span: Span;
}

export interface Paper {
  id: string;
  family: string;
  title: string;
  short: string;
  /**
   * The finding in a few words (at most MAX_HEADLINE_LENGTH characters), for comparison tables:
   * absent when the author gave none (renderers fall back to the first main conclusion).
   */
  headline?: string;
  year: number;
  authors: string[];
  venue: string;
  url: string;
  organisation: string;
  parameters: Size[];
  tokens?: Size;
  tags: string[];
  buildsOn: BuildsOn[];
  sections: Section[];
  conclusions: Conclusion[];
  notes: SpeakerNote[];
  /** Footnotes of the file; references in the text carry their `label`. */
  footnotes: Footnote[];
  file: string;
  span: Span;
  /** sha256 of the file text: unchanged digest, unchanged paper. */
  digest: string;
}

export interface FamilySection extends Block {
  title: string;
  span: Span;
}

export interface Family {
  id: string;
  name: string;
  organisation: string;
  order: number;
  colour: string;
  /** Text before the first `##` heading of family.md. */
  overview: Block;
  /** Every `##` section of family.md (e.g. the capability table). */
  sections: FamilySection[];
  /** Footnotes of family.md. */
  footnotes: Footnote[];
  /** Paper ids in reading order (year, then lineage depth, then id). */
  papers: string[];
  /** First and last paper year; null for a family without papers. */
  period: { from: number; to: number } | null;
  file: string;
  span: Span;
  /** sha256 over family.md and each of its papers' digests. */
  digest: string;
}

/** A deck's colours: dark text on light, or light text on dark. */
export type DeckTheme = 'light' | 'dark';

/** The languages the outputs' own words (headings, labels) are written in. */
export type StudyLanguage = 'en' | 'zh';

/**
 * What the study is, from `study.md` at the root of the content folder (defaults when it is absent):
 * the report's title page, the index page and the deck covers show it.
 */
export interface Study {
  title: string;
  subtitle: string | null;
  /** The group that reads the papers, e.g. "LLM reading group". */
  group: string | null;
  /** Declared language of the outputs; null: each output detects it from the content. */
  language: StudyLanguage | null;
  /**
   * The group's logo (`logo:` in study.md), an image node like a figure's: its file in `data.asset`
   * (absent when the file is missing or unsupported, with a diagnostic); null when none is named.
   */
  logo: Image | null;
  /** The group's accent colour, `#rrggbb` or `#rgb`; null: the kit's own. */
  accent: string | null;
  /** The decks' colour scheme (Slidev's `colorSchema`). */
  theme: DeckTheme;
  /** Text of study.md below its frontmatter. */
  description: Block;
  /** `study.md`, or null when the content folder has none. */
  file: string | null;
}

/** A reading-group meeting, from `meetings/<date>.md`: which papers it covers, in order. */
export interface Meeting {
  /** The file name without .md, e.g. "2026-12-03": unique, used in output paths. */
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  title: string | null;
  presenter: string | null;
  /** Local start time, `HH:MM` (24-hour clock); null: the meeting is shown as a whole day. */
  time: string | null;
  /** Length in minutes; null when not given. */
  duration: number | null;
  /** Where the group meets (a room, an address, a video-call link as text). */
  place: string | null;
  /** Paper ids, in the meeting's order. */
  papers: string[];
  /**
   * Discussion questions for the closing slide, each one line of markdown (`children` are phrasing
   * nodes: text, emphasis, `inlineMath`…; `text` is the plain text).
   */
  questions: Block[];
  file: string;
  span: Span;
}

/** `from` is the earlier paper, `to` the one whose `builds_on` names it. */
export interface LineageEdge {
  from: string;
  to: string;
  kind: RelationKind;
  label?: string;
  crossFamily: boolean;
  span: Span;
}

export interface SourceFile {
  path: string;
  digest: string;
}

export interface StudyAst {
  version: typeof AST_VERSION;
  study: Study;
  families: Family[];
  /** Family order, then year, then lineage depth (a paper after what it builds on), then id. */
  papers: Paper[];
  edges: LineageEdge[];
  /** Meetings by date. */
  meetings: Meeting[];
  files: SourceFile[];
  diagnostics: Diagnostic[];
}
