/**
 * Paragraph layout: styled runs → justified lines of positioned pieces.
 *
 * Break opportunities come from UAX #14 (the `linebreak` package), which also gives basic kinsoku:
 * no break before closing CJK punctuation, none after opening punctuation, and breaks between
 * ideographs. Widths come from the font book's per-character cache, with per-character fallback to
 * the CJK face, so English and Chinese mix freely in one paragraph.
 */

import { MISSING_GLYPH } from '@studykit/fonts';
import { isWide } from '@studykit/view';
import LineBreaker from 'linebreak';
import type { FontBook, FontKey } from './fonts.js';
import type { InlineObject, Line, Piece, Run, TextStyle } from './text-types.js';

export interface ParagraphOptions {
  width: number;
  /** Line pitch in points. */
  leading: number;
  align?: 'justify' | 'left' | 'center' | 'right';
  /** Keep every space (code): no collapsing, no stretching. */
  pre?: boolean;
}

/** A forced line break inside a paragraph (markdown hard break). */
export const HARD_BREAK = '\u2028';

/**
 * What the line breaker sees for an inline object: a private-use character, which UAX #14 treats as a
 * letter. So a formula breaks like a word: at the spaces around it, never before the comma after it.
 */
const OBJECT_CHAR = '\ue000';

// Control and invisible format characters (bidi overrides, zero-width joiners, soft hyphens) have no
// glyph and could reorder or hide text: they are dropped so hostile strings show literally.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/u;
const SPACE = /[ \t\n\r\f\v\u2000-\u200a\u205f\u3000]/;
/** Emoji are wide too, but they are not CJK text. */
const EMOJI = /\p{Extended_Pictographic}/u;
/** Characters that must not start a line (used when a too-long word is cut by force). */
const NO_LINE_START =
  /[)\]}»”’、。，．：；！？）〕〉》」』】〙〗〟｝～ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・,.:;!?%]/u;

const HYPHEN = /[-\u2010]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** CJK text breaks between any two characters: East Asian Wide and Fullwidth (@studykit/view). */
export function isCjk(char: string): boolean {
  return isWide(char) && !EMOJI.test(char);
}

/** What layout needs to know about one character in one requested face; shared, never mutated. */
interface CharInfo {
  char: string;
  font: FontKey;
  /** Advance width in em. */
  advance: number;
  space: boolean;
  cjk: boolean;
  /** An inline object (its own info, never cached). */
  object?: InlineObject;
}

/** A paragraph as parallel arrays: shared character infos, their run index and width in points. */
interface Shaped {
  chars: CharInfo[];
  style: number[];
  width: number[];
  styles: TextStyle[];
}

const BREAK_INFO: CharInfo = { char: HARD_BREAK, font: 'serif', advance: 0, space: false, cjk: false };
const charInfoCache = new WeakMap<FontBook, Map<string, Map<string, CharInfo | null>>>();

function faceKey(request: TextStyle): string {
  return `${request.family}|${request.bold ? 1 : 0}|${request.italic ? 1 : 0}`;
}

function cacheFor(fonts: FontBook, request: TextStyle): Map<string, CharInfo | null> {
  let byFace = charInfoCache.get(fonts);
  if (!byFace) {
    byFace = new Map();
    charInfoCache.set(fonts, byFace);
  }
  const key = faceKey(request);
  let cache = byFace.get(key);
  if (!cache) {
    cache = new Map();
    byFace.set(key, cache);
  }
  return cache;
}

/** Face and width of a character for a requested face (null: dropped, e.g. a control character). */
function charInfo(
  fonts: FontBook,
  request: TextStyle,
  char: string,
  cache: Map<string, CharInfo | null>,
): CharInfo | null {
  let info = cache.get(char);
  if (info !== undefined) return info;
  if (SPACE.test(char) || char === '\t') {
    const font = fonts.faceFor(request, 32) ?? 'serif';
    info = { char: ' ', font, advance: fonts.advance(font, 32), space: true, cjk: false };
  } else if (INVISIBLE.test(char)) {
    info = null;
  } else {
    let shown = char;
    let font = fonts.faceFor(request, char.codePointAt(0) ?? 0x3f);
    if (!font) {
      shown = MISSING_GLYPH;
      font = fonts.faceFor(request, 0x3f) ?? 'serif';
    }
    info = {
      char: shown,
      font,
      advance: fonts.advance(font, shown.codePointAt(0) ?? 0x3f),
      space: false,
      cjk: isCjk(shown),
    };
  }
  cache.set(char, info);
  return info;
}

/** Splits runs into characters with their face and width; collapses white space like HTML does. */
function shape(runs: Run[], fonts: FontBook, pre = false): Shaped {
  const shaped: Shaped = { chars: [], style: [], width: [], styles: [] };
  const { chars, style, width } = shaped;
  let pendingSpace: CharInfo | null = null;
  let pendingStyle = 0;
  runs.forEach((run, styleIndex) => {
    shaped.styles.push(run.style);
    const size = run.style.size;
    const cache = cacheFor(fonts, run.style);
    /** A visible character (or an inline object): the space collapsed before it lands first. */
    const place = (info: CharInfo) => {
      if (pendingSpace) {
        chars.push(pendingSpace);
        style.push(pendingStyle);
        width.push(pendingSpace.advance * (shaped.styles[pendingStyle]?.size ?? size));
        pendingSpace = null;
      }
      chars.push(info);
      style.push(styleIndex);
      width.push(info.advance * size);
    };
    if (run.object) {
      const font = fonts.faceFor(run.style, 0x3f) ?? 'serif';
      const info: CharInfo = {
        char: OBJECT_CHAR,
        font,
        advance: run.object.width,
        space: false,
        cjk: false,
        object: run.object,
      };
      place(info);
      return;
    }
    for (const char of run.text) {
      if (char === HARD_BREAK) {
        pendingSpace = null;
        chars.push(BREAK_INFO);
        style.push(styleIndex);
        width.push(0);
        continue;
      }
      const info = charInfo(fonts, run.style, char, cache);
      if (!info) continue;
      if (info.space) {
        if (pre) {
          for (let n = char === '\t' ? 2 : 1; n > 0; n--) {
            chars.push(info);
            style.push(styleIndex);
            width.push(info.advance * size);
          }
        } else if (chars.length > 0 && chars[chars.length - 1] !== BREAK_INFO) {
          pendingSpace = info;
          pendingStyle = styleIndex;
        }
        continue;
      }
      place(info);
    }
  });
  return shaped;
}

interface Segment {
  start: number;
  /** End of the visible part (trailing spaces excluded). */
  contentEnd: number;
  end: number;
  width: number;
  required: boolean;
}

function segmentsOf(shaped: Shaped): Segment[] {
  const { chars, width } = shaped;
  let text = '';
  // linebreak speaks UTF-16 offsets; map them back to character indexes.
  const indexAtOffset = new Map<number, number>();
  let offset = 0;
  for (let index = 0; index < chars.length; index++) {
    indexAtOffset.set(offset, index);
    const char = (chars[index] as CharInfo).char;
    text += char;
    offset += char.length;
  }
  indexAtOffset.set(offset, chars.length);

  const segments: Segment[] = [];
  const breaker = new LineBreaker(text);
  let start = 0;
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
    const end = indexAtOffset.get(found.position) ?? chars.length;
    if (end <= start) continue;
    // No break after the hyphen of a compound ("few-shot"): text extraction would drop the hyphen.
    if (!found.required && end < chars.length && HYPHEN.test(chars[end - 1]?.char ?? '')) {
      if (WORD_CHAR.test(chars[end - 2]?.char ?? '') && WORD_CHAR.test(chars[end]?.char ?? '')) continue;
    }
    let contentEnd = end;
    while (contentEnd > start && (chars[contentEnd - 1]?.space || chars[contentEnd - 1] === BREAK_INFO))
      contentEnd--;
    let segmentWidth = 0;
    for (let i = start; i < contentEnd; i++) segmentWidth += width[i] ?? 0;
    segments.push({ start, contentEnd, end, width: segmentWidth, required: found.required });
    start = end;
  }
  return segments;
}

/** Cuts a segment wider than the line into pieces that fit (long URLs, hostile strings). */
function splitOversized(segment: Segment, shaped: Shaped, width: number): Segment[] {
  const widths = shaped.width;
  const parts: Segment[] = [];
  let start = segment.start;
  let used = 0;
  for (let i = segment.start; i < segment.contentEnd; i++) {
    const charWidth = widths[i] ?? 0;
    if (used + charWidth > width && i > start) {
      let cut = i;
      // Keep closing punctuation with the character before it.
      while (cut > start + 1 && NO_LINE_START.test(shaped.chars[cut]?.char ?? '')) cut--;
      let cutWidth = 0;
      for (let j = start; j < cut; j++) cutWidth += widths[j] ?? 0;
      parts.push({ start, contentEnd: cut, end: cut, width: cutWidth, required: false });
      start = cut;
      used = 0;
      for (let j = cut; j <= i; j++) used += widths[j] ?? 0;
      continue;
    }
    used += charWidth;
  }
  parts.push({
    start,
    contentEnd: segment.contentEnd,
    end: segment.end,
    width: used,
    required: segment.required,
  });
  return parts;
}

interface LineRange {
  start: number;
  end: number;
  width: number;
  /** The line ends the paragraph or a hard break: never stretched. */
  last: boolean;
}

function breakLines(segments: Segment[], shaped: Shaped, width: number): LineRange[] {
  const ranges: LineRange[] = [];
  let current: LineRange | null = null;
  let pendingSpaceWidth = 0;
  const queue = segments.reverse();
  while (queue.length > 0) {
    const segment = queue.pop() as Segment;
    if (segment.width > width && segment.contentEnd - segment.start > 1) {
      const parts = splitOversized(segment, shaped, width);
      if (parts.length > 1) {
        queue.push(...parts.reverse());
        continue;
      }
    }
    if (current && current.width + pendingSpaceWidth + segment.width > width + 0.01) {
      ranges.push(current);
      current = null;
    }
    if (!current) {
      current = { start: segment.start, end: segment.contentEnd, width: segment.width, last: false };
    } else {
      current.width += pendingSpaceWidth + segment.width;
      current.end = segment.contentEnd;
    }
    pendingSpaceWidth = 0;
    for (let i = segment.contentEnd; i < segment.end; i++) pendingSpaceWidth += shaped.width[i] ?? 0;
    if (segment.required) {
      current.last = true;
      ranges.push(current);
      current = null;
      pendingSpaceWidth = 0;
    }
  }
  if (current) ranges.push(current);
  const final = ranges[ranges.length - 1];
  if (final) final.last = true;
  return ranges;
}

function buildLine(range: LineRange, shaped: Shaped, options: ParagraphOptions): Line {
  const { chars, style: styleOf, width: widths, styles } = shaped;
  const align = options.align ?? 'justify';
  // Stretch points: after each inner space, and between two characters one of which is CJK.
  let stretchCount = 0;
  let size = 0;
  for (let i = range.start; i < range.end; i++) {
    size = Math.max(size, styles[styleOf[i] ?? 0]?.size ?? 0);
    if (i < range.end - 1 && stretchesAfter(chars, i, options)) stretchCount++;
  }
  const slack = options.width - range.width;
  let perStretch = 0;
  if (align === 'justify' && !range.last && stretchCount > 0 && slack > 0) {
    perStretch = slack / stretchCount;
    // A line with one huge gap reads worse than a ragged one.
    if (perStretch > size * 1.2) perStretch = 0;
  }
  let x = 0;
  if (align === 'center') x = Math.max(0, slack / 2);
  if (align === 'right') x = Math.max(0, slack);
  const startX = x;

  const pieces: Piece[] = [];
  let above = 0;
  let below = 0;
  let piece: Piece | null = null;
  let pieceStyle: TextStyle | null = null;
  for (let i = range.start; i < range.end; i++) {
    const info = chars[i] as CharInfo;
    if (info === BREAK_INFO) continue;
    const style = styles[styleOf[i] ?? 0] as TextStyle;
    const charWidth = widths[i] ?? 0;
    if (info.object) {
      pieces.push({
        x,
        width: charWidth,
        text: '',
        font: info.font,
        size: style.size,
        color: style.color,
        object: info.object,
      });
      above = Math.max(above, info.object.height * style.size);
      below = Math.max(below, info.object.depth * style.size);
      piece = null;
      x += charWidth;
      if (perStretch > 0 && i < range.end - 1 && stretchesAfter(chars, i, options)) x += perStretch;
      continue;
    }
    const sameRun =
      piece !== null &&
      piece.font === info.font &&
      (pieceStyle === style ||
        (piece.size === style.size &&
          piece.color === style.color &&
          piece.link === style.link &&
          piece.dest === style.dest &&
          piece.code === style.code)) &&
      Math.abs(piece.x + piece.width - x) < 1e-6;
    if (piece && sameRun) {
      piece.text += info.char;
      piece.width += charWidth;
    } else {
      piece = { x, width: charWidth, text: info.char, font: info.font, size: style.size, color: style.color };
      pieceStyle = style;
      if (style.link) piece.link = style.link;
      if (style.dest) piece.dest = style.dest;
      if (style.code) piece.code = true;
      pieces.push(piece);
    }
    x += charWidth;
    if (perStretch > 0 && i < range.end - 1 && stretchesAfter(chars, i, options)) x += perStretch;
  }
  const line: Line = { pieces, width: x - startX, leading: options.leading, size };
  if (above > 0 || below > 0) Object.assign(line, { above, below });
  return line;
}

function stretchesAfter(chars: CharInfo[], i: number, options: ParagraphOptions): boolean {
  if (options.pre) return false;
  const here = chars[i] as CharInfo;
  const next = chars[i + 1] as CharInfo;
  return here.space || (!next.space && (here.cjk || next.cjk));
}

/** Lays a paragraph out into lines no wider than `options.width`. */
export function layoutParagraph(runs: Run[], options: ParagraphOptions, fonts: FontBook): Line[] {
  const shaped = shape(runs, fonts, options.pre);
  const { chars } = shaped;
  // Drop trailing spaces and breaks so an empty last line is never produced.
  while (chars.length > 0 && (chars[chars.length - 1]?.space || chars[chars.length - 1] === BREAK_INFO)) {
    chars.pop();
    shaped.style.pop();
    shaped.width.pop();
  }
  if (chars.length === 0) return [];
  let lastFont: FontKey | undefined;
  for (const info of chars) {
    if (info.object) continue;
    if (info.font !== lastFont) {
      fonts.used.add(info.font);
      lastFont = info.font;
    }
  }
  const segments = segmentsOf(shaped);
  const ranges = breakLines(segments, shaped, options.width);
  return ranges.map((range) => buildLine(range, shaped, options));
}

/** Width of a single-line string in one style, with fallback (for labels such as page numbers). */
export function measureRuns(runs: Run[], fonts: FontBook): number {
  return shape(runs, fonts).width.reduce((sum, width) => sum + width, 0);
}
