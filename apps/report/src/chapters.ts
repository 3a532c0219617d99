/**
 * The body of the report: one chapter per family (opening, overview, the family's own sections such
 * as capability tables), one section per paper (facts block, body sections, conclusions), then the
 * reference list. Produces flow boxes plus the entries of the TOC and the outline.
 */
import type { FormattedReference } from '@studykit/citations';
import type { Family, Footnote, Paper } from '@studykit/core';
import {
  type EmbeddedForm,
  type FontBook,
  INK,
  MUTED,
  type Rgb,
  type Run,
  type TextStyle,
  type Typesetter,
} from '@studykit/typeset';
import { type Labels, periodText, safeHttpUrl } from '@studykit/view';
import { BlockSetter, type Frame, type TextBox } from './blocks.js';
import type { FlowBox } from './flow.js';
import { type BlockNode, inlineRuns } from './inline.js';
import { BODY_LEADING, body, darken, LINK, lighten, parseColour } from './theme.js';

export interface OutlineEntry {
  title: string;
  marker: string;
  children: OutlineEntry[];
}

export interface TocEntry {
  level: 0 | 1;
  /** Chapter number or paper short name, shown before the title. */
  label: string;
  title: string;
  marker: string;
}

/** Looks up printed page labels once pagination is done (drawing happens after it). */
export interface PageLabels {
  labelOf(marker: string): string;
}

export interface BodyContent {
  boxes: FlowBox[];
  outline: OutlineEntry[];
  toc: TocEntry[];
}

export const familyMarker = (id: string) => `family:${id}`;
export const paperMarker = (id: string) => `paper:${id}`;
export const REFERENCES_MARKER = 'references';
export const INDEX_MARKER = 'index';

const SECTION_TITLE_SIZE = 11.6;

export class BodyBuilder {
  private readonly typesetter: BlockSetter;

  constructor(
    readonly fonts: FontBook,
    readonly width: number,
    readonly labels: PageLabels,
    /** The output language's words (@studykit/view). */
    readonly words: Labels,
    /** The tallest a chapter's figure may be drawn: it shares its page with the chapter's opening. */
    readonly figureMaxHeight = Number.POSITIVE_INFINITY,
  ) {
    this.typesetter = new BlockSetter(fonts);
  }

  private frame(accent: Rgb, style: TextStyle = body): Frame {
    return { indent: 0, width: this.width, style, leading: BODY_LEADING, accent };
  }

  private papersById = new Map<string, Paper>();

  /**
   * `references`: each paper's APA reference (formatReferences), by paper id. `diagrams`: each
   * family's own lineage diagram (lineage-families.pdf), printed in its chapter after the overview.
   */
  build(
    families: Family[],
    papersById: Map<string, Paper>,
    references: ReadonlyMap<string, FormattedReference>,
    diagrams: ReadonlyMap<string, EmbeddedForm> = new Map(),
  ): BodyContent {
    this.papersById = papersById;
    const boxes: FlowBox[] = [];
    const outline: OutlineEntry[] = [];
    const toc: TocEntry[] = [];
    families.forEach((family, index) => {
      const papers = family.papers.map((id) => papersById.get(id)).filter((paper): paper is Paper => !!paper);
      const number = index + 1;
      boxes.push(...this.chapterOpening(family, number, papers.length));
      toc.push({ level: 0, label: String(number), title: family.name, marker: familyMarker(family.id) });
      const entry: OutlineEntry = {
        title: `${number}. ${family.name}`,
        marker: familyMarker(family.id),
        children: [],
      };
      outline.push(entry);
      const accent = parseColour(family.colour);
      boxes.push(...this.typesetter.blocks(family.overview.children, this.frame(accent)));
      const diagram = diagrams.get(family.id);
      if (diagram) boxes.push(...this.familyDiagram(family, diagram));
      for (const section of family.sections) {
        boxes.push(...this.sectionHeading(section.title, accent, 18));
        boxes.push(...this.typesetter.blocks(section.children, this.frame(accent)));
      }
      boxes.push(...this.footnotes(family.footnotes, accent));
      for (const paper of papers) {
        boxes.push(...this.paper(paper, accent));
        toc.push({ level: 1, label: paper.short, title: paper.title, marker: paperMarker(paper.id) });
        entry.children.push({
          title: `${paper.short}: ${paper.title}`,
          marker: paperMarker(paper.id),
          children: [],
        });
      }
    });
    const papers = families.flatMap((family) =>
      family.papers.map((id) => papersById.get(id)).filter((paper): paper is Paper => !!paper),
    );
    boxes.push(...this.references(papers, references));
    toc.push({ level: 0, label: '', title: this.words.references, marker: REFERENCES_MARKER });
    outline.push({ title: this.words.references, marker: REFERENCES_MARKER, children: [] });
    if (papers.some((paper) => paper.tags.length > 0)) {
      toc.push({ level: 0, label: '', title: this.words.index, marker: INDEX_MARKER });
      outline.push({ title: this.words.index, marker: INDEX_MARKER, children: [] });
    }
    return { boxes, outline, toc };
  }

  private chapterOpening(family: Family, number: number, paperCount: number): FlowBox[] {
    const accent = parseColour(family.colour);
    const label = this.typesetter.lines(
      [{ text: this.words.chapter(number).toUpperCase(), style: sans(9.5, darken(accent), true) }],
      {
        width: this.width,
        leading: 14,
        align: 'left',
      },
    );
    const title = this.typesetter.lines([{ text: family.name, style: sans(25, INK, true) }], {
      width: this.width,
      leading: 30,
      align: 'left',
    });
    const facts = `${family.organisation} · ${periodText(family, this.words)} · ${this.words.papers(paperCount)}`;
    const subtitle = this.typesetter.lines([{ text: facts, style: sans(10.5, MUTED) }], {
      width: this.width,
      leading: 15,
      align: 'left',
    });
    const height = 34 + 14 + title.length * 30 + 6 + subtitle.length * 15 + 26;
    const opening: FlowBox = {
      height,
      pageBreakBefore: true,
      keepWithNext: true,
      chapter: family.name,
      markers: [familyMarker(family.id)],
      draw: (canvas, x, top) => {
        canvas.rect(x, top + 8, 46, 5, accent);
        let y = top + 34;
        for (const line of label) canvas.line(line, x, y + 10);
        y += 14;
        for (const line of title) {
          canvas.line(line, x, y + 24);
          y += 30;
        }
        y += 6;
        for (const line of subtitle) {
          canvas.line(line, x, y + 11);
          y += 15;
        }
        canvas.rule(x, y + 10, x + this.width, y + 10, 0.5, lighten(accent, 0.5));
      },
    };
    return [opening];
  }

  /** The family's lineage, vector, as wide as the text at most (never enlarged), with its caption. */
  private familyDiagram(family: Family, diagram: EmbeddedForm): FlowBox[] {
    const scale = Math.min(1, this.width / diagram.width, this.figureMaxHeight / diagram.height);
    const [width, height] = [diagram.width * scale, diagram.height * scale];
    const caption = this.typesetter.lines(
      [
        {
          text: this.words.familyLineageCaption(family.name),
          style: { family: 'serif', italic: true, size: 9.8, color: MUTED },
        },
      ],
      { width: this.width, leading: 13.5, align: 'left' },
    );
    const figure: FlowBox = {
      height,
      spaceBefore: 12,
      keepWithNext: true,
      draw: (canvas, x, top) => canvas.form(diagram, x + (this.width - width) / 2, top, width, height),
    };
    const captionBox: FlowBox = {
      height: caption.length * 13.5 + 6,
      spaceBefore: 6,
      draw: (canvas, x, top) => {
        caption.forEach((line, index) => {
          canvas.line(line, x, top + 10 + index * 13.5);
        });
      },
    };
    return [figure, captionBox];
  }

  private sectionHeading(title: string, accent: Rgb, spaceBefore: number): TextBox[] {
    const style = sans(SECTION_TITLE_SIZE, darken(accent, 0.45), true);
    return this.typesetter.heading([{ text: title, style }], this.frame(accent), spaceBefore);
  }

  private paper(paper: Paper, accent: Rgb): FlowBox[] {
    const boxes: FlowBox[] = [];
    const kicker = this.typesetter.lines(
      [{ text: `${paper.short} · ${paper.year}`, style: sans(9.5, darken(accent), true) }],
      {
        width: this.width,
        leading: 13,
        align: 'left',
      },
    );
    const kickerHeight = 10 + kicker.length * 13;
    boxes.push({
      height: kickerHeight,
      spaceBefore: 30,
      keepWithNext: true,
      markers: [paperMarker(paper.id)],
      draw: (canvas, x, top) => {
        canvas.rule(x, top, x + this.width, top, 1.2, accent);
        kicker.forEach((line, i) => {
          canvas.line(line, x, top + 10 + i * 13 + 9.5);
        });
      },
    });
    boxes.push(
      ...this.typesetter.heading([{ text: paper.title, style: sans(16, INK, true) }], this.frame(accent), 2),
    );
    boxes.push(...this.facts(paper, accent));
    for (const section of paper.sections) {
      boxes.push(...this.sectionHeading(section.title, accent, 14));
      boxes.push(...this.typesetter.blocks(section.children, this.frame(accent)));
    }
    boxes.push(...this.conclusions(paper, accent));
    boxes.push(...this.footnotes(paper.footnotes, accent));
    return boxes;
  }

  /** The file's footnotes (core took them out of the text and numbered them), after its last section. */
  private footnotes(footnotes: readonly Footnote[], accent: Rgb): FlowBox[] {
    const definitions: BlockNode[] = footnotes.map((footnote) => ({
      type: 'footnoteDefinition',
      identifier: footnote.label,
      label: footnote.label,
      children: footnote.children as Extract<BlockNode, { type: 'footnoteDefinition' }>['children'],
    }));
    return this.typesetter.blocks(definitions, this.frame(accent));
  }

  /** The facts block: authors, year, venue, size, link, as a tinted two-column panel. */
  private facts(paper: Paper, accent: Rgb): FlowBox[] {
    const labelWidth = 78;
    const pad = 7;
    const valueStyle = sans(9.2, INK);
    const rows: [string, Run[]][] = [
      [this.words.authors, [{ text: paper.authors.join(', '), style: valueStyle }]],
      [this.words.year, [{ text: String(paper.year), style: valueStyle }]],
      [this.words.venue, [{ text: paper.venue, style: valueStyle }]],
      [this.words.organisation, [{ text: paper.organisation, style: valueStyle }]],
    ];
    if (paper.parameters.length > 0)
      rows.push([
        this.words.parameters,
        [{ text: paper.parameters.map((size) => size.text).join(', '), style: valueStyle }],
      ]);
    if (paper.tokens) rows.push([this.words.tokens, [{ text: paper.tokens.text, style: valueStyle }]]);
    if (paper.buildsOn.length > 0) {
      // Earlier papers by their short names, linked to their sections when they are in the report.
      const runs: Run[] = [];
      paper.buildsOn.forEach((link, i) => {
        const target = this.papersById.get(link.id);
        if (i > 0) runs.push({ text: '; ', style: valueStyle });
        runs.push({
          text: target?.short ?? link.id,
          style: target ? { ...valueStyle, color: LINK, dest: paperMarker(link.id) } : valueStyle,
        });
        const kind = this.words.relationNames[link.kind] ?? link.kind;
        runs.push({
          text: ` (${kind}${link.label ? `: ${link.label}` : ''})`,
          style: { ...valueStyle, color: MUTED },
        });
      });
      rows.push([this.words.buildsOn, runs]);
    }
    if (paper.tags.length > 0)
      rows.push([this.words.tags, [{ text: paper.tags.join(', '), style: valueStyle }]]);
    const url = safeHttpUrl(paper.url);
    rows.push([
      this.words.link,
      [{ text: paper.url, style: url ? { ...valueStyle, color: LINK, link: url } : valueStyle }],
    ]);

    const tint = lighten(accent, 0.92);
    const boxes: FlowBox[] = [];
    const leading = 12.6;
    rows.forEach(([label, runs], index) => {
      const labelLines = this.typesetter.lines(
        [{ text: label.toUpperCase(), style: sans(7.4, darken(accent, 0.3), true) }],
        {
          width: labelWidth - pad,
          leading,
          align: 'left',
        },
      );
      const valueLines = this.typesetter.lines(runs, {
        width: this.width - labelWidth - 2 * pad,
        leading,
        align: 'left',
      });
      const first = index === 0;
      const last = index === rows.length - 1;
      const padTop = first ? pad : 1.5;
      const padBottom = last ? pad : 1.5;
      const height = padTop + Math.max(labelLines.length, valueLines.length) * leading + padBottom;
      boxes.push({
        height,
        spaceBefore: first ? 8 : 0,
        keepWithNext: !last,
        draw: (canvas, x, top) => {
          canvas.rect(x, top, this.width, height, tint);
          if (first) canvas.rect(x, top, 2.5, height, accent);
          else canvas.rect(x, top, 2.5, height, accent);
          labelLines.forEach((line, i) => {
            canvas.line(line, x + pad + 2, top + padTop + i * leading + 9.3);
          });
          valueLines.forEach((line, i) => {
            canvas.line(line, x + labelWidth + pad, top + padTop + i * leading + 9.3);
          });
        },
      });
    });
    return boxes;
  }

  /** Main and secondary conclusions as two marked lists: solid squares versus open dashes. */
  private conclusions(paper: Paper, accent: Rgb): FlowBox[] {
    const boxes: FlowBox[] = [...this.sectionHeading(this.words.conclusions, accent, 14)];
    const groups = [
      { weight: 'main' as const, title: 'Main', color: INK },
      { weight: 'secondary' as const, title: 'Secondary', color: [0.27, 0.27, 0.3] as Rgb },
    ];
    for (const group of groups) {
      const items = paper.conclusions.filter((conclusion) => conclusion.weight === group.weight);
      if (items.length === 0) continue;
      const labelStyle = sans(8, darken(accent, 0.3), true);
      boxes.push(
        ...this.typesetter.heading(
          [
            {
              text: (group.weight === 'main'
                ? this.words.mainFindings
                : this.words.secondaryFindings
              ).toUpperCase(),
              style: labelStyle,
            },
          ],
          this.frame(accent),
          group.weight === 'main' ? 2 : 8,
        ),
      );
      const hang = 16;
      items.forEach((item, i) => {
        const style: TextStyle = { ...body, color: group.color };
        const frame: Frame = { ...this.frame(accent, style), indent: hang, width: this.width - hang };
        const itemBoxes = this.typesetter.blocks(item.children as BlockNode[], frame);
        if (itemBoxes.length === 0) {
          itemBoxes.push(...this.typesetter.paragraph(inlineRuns([], style), frame));
        }
        const first = itemBoxes[0];
        if (!first) return;
        first.spaceBefore = i === 0 ? 3 : 4;
        const baseline = first.baseline ?? 10;
        const draw = first.draw;
        const main = group.weight === 'main';
        first.draw = (canvas, x, top) => {
          draw?.(canvas, x, top);
          const cy = top + baseline - 3.4;
          if (main) canvas.rect(x + 2, cy - 3, 6, 6, accent);
          else canvas.rule(x + 2, cy, x + 8, cy, 1, MUTED);
        };
        boxes.push(...itemBoxes);
      });
    }
    return boxes;
  }

  /**
   * The index of tags, each with the papers that carry it and their pages. It comes last, so it is
   * built after the body is paginated and prints real page numbers.
   */
  index(papers: Paper[]): FlowBox[] {
    const byTag = new Map<string, Paper[]>();
    for (const paper of papers) {
      for (const tag of new Set(paper.tags)) byTag.set(tag, [...(byTag.get(tag) ?? []), paper]);
    }
    if (byTag.size === 0) return [];
    const tags = [...byTag.keys()].sort(
      (a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : 1),
    );
    const boxes: FlowBox[] = [this.chapterTitle(this.words.index, INDEX_MARKER)];
    const style: TextStyle = { ...body, size: 9.4 };
    let letter = '';
    for (const tag of tags) {
      const initial = (tag[0] ?? '').toLocaleUpperCase('en');
      if (initial !== letter) {
        letter = initial;
        boxes.push(
          ...this.typesetter.heading([{ text: initial, style: sans(12, MUTED, true) }], this.frame(INK), 12),
        );
      }
      const frame: Frame = { indent: 0, width: this.width, style, leading: 12.6, accent: INK };
      const runs: Run[] = [{ text: `${tag}  `, style: { ...style, family: 'sans', bold: true } }];
      (byTag.get(tag) ?? []).forEach((paper, i) => {
        const marker = paperMarker(paper.id);
        runs.push({ text: `${i > 0 ? ', ' : ''}${paper.short}\u00a0`, style: { ...style, dest: marker } });
        runs.push({ text: this.labels.labelOf(marker), style: { ...style, color: LINK, dest: marker } });
      });
      const lines = this.typesetter.paragraph(runs, frame, { align: 'left' }, 2.5);
      boxes.push(...lines);
    }
    return boxes;
  }

  private chapterTitle(title: string, marker: string): FlowBox {
    return {
      ...titleBand(this.typesetter, this.width, title),
      pageBreakBefore: true,
      chapter: title,
      markers: [marker],
    };
  }

  /** Reference list: one numbered APA entry per paper, with its page and a clickable http(s) link. */
  private references(papers: Paper[], references: ReadonlyMap<string, FormattedReference>): FlowBox[] {
    const boxes: FlowBox[] = [];
    boxes.push(this.chapterTitle(this.words.references, REFERENCES_MARKER));
    const numberWidth = 30;
    const pageWidth = 34;
    const style: TextStyle = { ...body, size: 9.4 };
    papers.forEach((paper, index) => {
      const url = safeHttpUrl(paper.url);
      const runs: Run[] = [
        { text: `${references.get(paper.id)?.text ?? paper.title} `, style },
        { text: paper.url, style: url ? { ...style, color: LINK, link: url } : style },
      ];
      const frame: Frame = {
        indent: numberWidth,
        width: this.width - numberWidth - pageWidth,
        style,
        leading: 12.8,
        accent: INK,
      };
      const entry = this.typesetter.paragraph(runs, frame, { align: 'left' }, index === 0 ? 0 : 5);
      const first = entry[0];
      if (!first) return;
      const [number] = this.typesetter.lines(
        [{ text: `[${index + 1}]`, style: { ...style, color: MUTED } }],
        {
          width: numberWidth,
          leading: 12.8,
          align: 'left',
        },
      );
      const baseline = first.baseline ?? 10;
      const draw = first.draw;
      const marker = paperMarker(paper.id);
      first.draw = (canvas, x, top) => {
        draw?.(canvas, x, top);
        if (number) canvas.line(number, x, top + baseline);
        const [page] = this.typesetter.lines(
          [{ text: this.labels.labelOf(marker), style: { ...style, color: LINK, dest: marker } }],
          { width: pageWidth, leading: 12.8, align: 'right' },
        );
        if (page) canvas.line(page, x + this.width - pageWidth, top + baseline);
      };
      boxes.push(...entry);
    });
    return boxes;
  }
}

export function sans(size: number, color: Rgb, bold = false): TextStyle {
  return { family: 'sans', size, color, bold };
}

/**
 * The heading band that opens the contents, the references and the index: a short bar, the title
 * in 25 pt, and 24 pt below its last baseline before what follows.
 */
export function titleBand(typesetter: Typesetter, width: number, title: string): FlowBox {
  const lines = typesetter.lines([{ text: title, style: sans(25, INK, true) }], {
    width,
    leading: 30,
    align: 'left',
  });
  return {
    height: 34 + lines.length * 30 + 24,
    keepWithNext: true,
    draw: (canvas, x, top) => {
      canvas.rect(x, top + 8, 46, 5, INK);
      lines.forEach((line, i) => {
        canvas.line(line, x, top + 34 + i * 30 + 24);
      });
    },
  };
}
