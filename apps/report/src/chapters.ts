/**
 * The body of the report in reading order: one chapter per family (opening, overview, the family's
 * diagram, its own sections such as capability tables, footnotes, then its papers), the reference
 * list, and the TOC and outline entries for all of it. The index is set later (`index`), once the
 * body's pages are known. Each part is drawn by its own module; this one only orders them.
 */
import type { FormattedReference } from '@studykit/citations';
import type { Family, Paper } from '@studykit/core';
import type { EmbeddedForm, FontBook } from '@studykit/typeset';
import type { Labels } from '@studykit/view';
import {
  type BodyContent,
  familyMarker,
  INDEX_MARKER,
  type OutlineEntry,
  type PageLabels,
  paperMarker,
  REFERENCES_MARKER,
  type TocEntry,
} from './anchors.js';
import { BlockSetter } from './blocks.js';
import { type BodySetting, frame, sectionHeading } from './body-setting.js';
import { chapterOpening } from './chapter-opening.js';
import { familyFigure } from './family-figure.js';
import type { FlowBox } from './flow.js';
import { footnotes } from './footnotes.js';
import { indexSection } from './index-section.js';
import { NO_ART, type NotesArt } from './notes-art.js';
import { paperSection } from './paper-section.js';
import { referencesSection } from './references-section.js';
import { layout, parseColour } from './theme.js';

export class BodyBuilder {
  private setting: BodySetting;

  constructor(
    fonts: FontBook,
    width: number,
    labels: PageLabels,
    /** The output language's words (@studykit/view). */
    words: Labels,
    /** The tallest a chapter's figure may be drawn: it shares its page with the chapter's opening. */
    figureMaxHeight = Number.POSITIVE_INFINITY,
    /** The formulas, images and diagrams of the notes, ready to draw (notes-art.ts). */
    art: NotesArt = NO_ART,
  ) {
    this.setting = {
      typesetter: new BlockSetter(fonts, { art, words, figureMaxHeight }),
      width,
      labels,
      words,
      papersById: new Map(),
      figureMaxHeight,
    };
  }

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
    this.setting = { ...this.setting, papersById };
    const setting = this.setting;
    const { words } = setting;
    const boxes: FlowBox[] = [];
    const outline: OutlineEntry[] = [];
    const toc: TocEntry[] = [];
    families.forEach((family, index) => {
      const papers = papersOf(family, papersById);
      const number = index + 1;
      boxes.push(...chapterOpening(setting, family, number, papers.length));
      toc.push({ level: 0, label: String(number), title: family.name, marker: familyMarker(family.id) });
      const entry: OutlineEntry = {
        title: `${number}. ${family.name}`,
        marker: familyMarker(family.id),
        children: [],
      };
      outline.push(entry);
      const accent = parseColour(family.colour);
      boxes.push(...setting.typesetter.blocks(family.overview.children, frame(setting, accent)));
      const diagram = diagrams.get(family.id);
      if (diagram) boxes.push(...familyFigure(setting, family, diagram));
      for (const section of family.sections) {
        boxes.push(
          ...sectionHeading(setting, section.title, accent, layout.sectionHeading.familySpaceBefore),
        );
        boxes.push(...setting.typesetter.blocks(section.children, frame(setting, accent)));
      }
      boxes.push(...footnotes(setting, family.footnotes, accent));
      for (const paper of papers) {
        boxes.push(...paperSection(setting, paper, accent));
        toc.push({ level: 1, label: paper.short, title: paper.title, marker: paperMarker(paper.id) });
        entry.children.push({
          title: `${paper.short}: ${paper.title}`,
          marker: paperMarker(paper.id),
          children: [],
        });
      }
    });
    const papers = families.flatMap((family) => papersOf(family, papersById));
    boxes.push(...referencesSection(setting, papers, references));
    toc.push({ level: 0, label: '', title: words.references, marker: REFERENCES_MARKER });
    outline.push({ title: words.references, marker: REFERENCES_MARKER, children: [] });
    if (papers.some((paper) => paper.tags.length > 0)) {
      toc.push({ level: 0, label: '', title: words.index, marker: INDEX_MARKER });
      outline.push({ title: words.index, marker: INDEX_MARKER, children: [] });
    }
    return { boxes, outline, toc };
  }

  /** The tag index (index-section.ts), set once the papers' pages are known. */
  index(papers: Paper[]): FlowBox[] {
    return indexSection(this.setting, papers);
  }
}

/** A family's papers that are in the report, in the family's order. */
function papersOf(family: Family, papersById: ReadonlyMap<string, Paper>): Paper[] {
  return family.papers.map((id) => papersById.get(id)).filter((paper): paper is Paper => !!paper);
}
