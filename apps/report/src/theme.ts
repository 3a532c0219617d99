/**
 * Type sizes, colours and the layout numbers of the booklet's body (page geometry and the ink colours
 * it shares with the handouts are @studykit/typeset's). All lengths in PostScript points; a "baseline"
 * is measured from the top of its line (or box), a "leading" from one baseline to the next.
 */
import { INK, type Rgb, type TextStyle } from '@studykit/typeset';
import { channels } from '@studykit/view';

export const TINT: Rgb = [0.955, 0.955, 0.95];
export const LINK: Rgb = [0.09, 0.27, 0.55];
export const WHITE: Rgb = [1, 1, 1];

export const BODY_SIZE = 10.2;
export const BODY_LEADING = 14.6;

export const body: TextStyle = { family: 'serif', size: BODY_SIZE, color: INK };
export const small: TextStyle = { family: 'sans', size: 8.8, color: INK };
/** The grey of secondary conclusions: a step lighter than INK, darker than MUTED. */
export const SECONDARY_INK: Rgb = [0.27, 0.27, 0.3];

/** The cover's dark band, the kicker above its title and the subtitle under it. */
export const COVER_BAND: Rgb = [0.13, 0.17, 0.24];
export const COVER_KICKER: Rgb = [0.72, 0.77, 0.85];
export const COVER_SUBTITLE: Rgb = [0.85, 0.88, 0.92];
/** A paper's short name before its title in the contents. */
export const TOC_PAPER_LABEL: Rgb = darken([0.3, 0.3, 0.35], 0.2);
/** The dots of the contents' leaders. */
export const DOT_LEADER: Rgb = [0.55, 0.55, 0.58];
/** The lineage page's box when there is no diagram. */
export const PLACEHOLDER_TINT: Rgb = [0.965, 0.965, 0.96];

/** A sans-serif style (labels, headings, furniture). */
export function sans(size: number, color: Rgb, bold = false): TextStyle {
  return { family: 'sans', size, color, bold };
}

/** The numbers of the report's parts, one group per module (cover.ts, chapter-opening.ts, facts-panel.ts, …). */
export const layout = {
  /** Baseline assumed for a first line that reports none. */
  fallbackBaseline: 10,
  /** The cover (cover.ts): lengths from the top of the page unless said. */
  cover: {
    /** The dark band's share of the page height. */
    bandShare: 0.42,
    /** The family stripes under the band (each overlaps the next to leave no hairline gap). */
    stripeHeight: 7,
    stripeOverlap: 0.5,
    /** The group's logo (study.md), top right in the band: at most this tall and wide, this far in. */
    logoHeight: 54,
    logoWidth: 160,
    logoInset: 36,
    /** The group's accent (study.md): a bar across the band's foot, above the family stripes. */
    accentBar: 5,
    /** The kicker's first baseline, as a share of the band's height. */
    kickerTop: 0.3,
    kickerSize: 10,
    kickerLeading: 14,
    /** Kicker to title. */
    titleGap: 18,
    titleSize: 31,
    titleLeading: 36,
    titleBaseline: 10,
    /** Title to subtitle. */
    subtitleGap: 6,
    subtitleSize: 14,
    subtitleLeading: 19,
    subtitleBaseline: 10,
    /** "FAMILIES COVERED": this far below the band, then the list after a gap. */
    familiesTop: 54,
    familiesHeadingSize: 9,
    familiesHeadingLeading: 14,
    familiesGap: 8,
    /** The family list ends this far above the page's bottom edge ("… and n more" sits there). */
    familiesBottom: 120,
    /** Room a family block must leave above that end to be drawn in the column. */
    familyFit: 16,
    /** Between the two columns of a long list. */
    columnGap: 24,
    /** A family's colour swatch: width, how far above the first baseline it starts, how much shorter than its block. */
    swatchWidth: 8,
    swatchRaise: 10,
    swatchShorter: 14,
    /** The family's text: left of the column to the text, and the room kept on the right. */
    textInset: 18,
    textRightInset: 20,
    nameSize: 13,
    nameLeading: 16,
    nameBaseline: 2,
    /** The family's facts line (and "… and n more"). */
    detailSize: 9.5,
    detailLeading: 13,
    /** Below each family block. */
    blockGap: 12,
    /** The footer: its baseline this far above the bottom edge, the rule this far above the baseline. */
    footerBottom: 70,
    footerRuleRaise: 24,
    footerRuleWeight: 0.5,
    footerLeading: 14,
    dateSize: 11,
    summarySize: 10,
  },
  /** The table of contents (contents.ts). */
  contents: {
    /** The page-number column on the right and the gap before it. */
    numberColumn: 34,
    numberGap: 12,
    /** Leader dots: grid step, size, and the gap each side of the leader. */
    dotGap: 4.6,
    dotSize: 9,
    leaderGap: 6,
    /** A chapter's number column; a paper's indent (papers have no number column). */
    chapterLabelWidth: 22,
    paperIndent: 22,
    chapterSize: 11.5,
    chapterLeading: 15,
    chapterSpaceBefore: 12,
    paperSize: 9.8,
    paperLabelSize: 9,
    paperLeading: 13,
    paperSpaceBefore: 2.5,
    /** Share of the type size above the baseline (centres a line in its leading). */
    ascent: 0.8,
  },
  /** The lineage page (lineage-page.ts): portrait values as the heading band; landscape ones smaller. */
  lineagePage: {
    /** A diagram wider than this many times its height gets a landscape page. */
    landscapeAspect: 1.15,
    titleSize: 25,
    landscapeTitleSize: 17,
    /** Title leading as a multiple of the title size. */
    titleLeading: 1.2,
    /** Landscape: the title starts this far up into the top margin. */
    landscapeRaise: 30,
    barTop: 8,
    barWidth: 46,
    barHeight: 5,
    landscapeBarWidth: 30,
    landscapeBarHeight: 4,
    /** The top to the title's first line. */
    textTop: 34,
    landscapeTextTop: 22,
    /** Title to the diagram. */
    titleGap: 12,
    /** Diagram to caption; the caption. */
    captionGap: 14,
    captionSize: 9.8,
    captionLeading: 13.5,
    captionBaseline: 10,
    /** "Not built" in the placeholder box. */
    noticeSize: 16,
    noticeLeading: 20,
  },
  /** Markdown blocks in the body (blocks.ts). */
  blocks: {
    /** Between blocks, as a share of the leading. */
    blockGap: 0.45,
    /** Above and below a display formula (inside its box), as a share of the leading. */
    displayMathRoom: 0.25,
    /** Markdown headings: ## and above, ###; deeper ones keep the text size. Leading as a multiple of the size. */
    headingSize: 11.6,
    subheadingSize: 10.8,
    headingLeading: 1.25,
    /** Added above a markdown heading. */
    headingSpaceBefore: 4,
    /** Footnotes: their size as a share of the text's. */
    footnoteScale: 0.9,
    /** Thematic break: the box's height (the rule at its middle), half the rule's length, its weight. */
    breakHeight: 14,
    breakHalfWidth: 40,
    breakWeight: 0.6,
    /** Lists: the least hanging indent, the room between marker and text, the marker's line width beyond the hang. */
    listMinHang: 13,
    listMarkerGap: 6,
    markerGap: 5,
    markerRoom: 40,
    /** Between tight list items; between loose ones as a share of the leading. */
    tightItemGap: 2.5,
    looseItemGap: 0.4,
    /** Block quotes: the indent, and the bar in it (inset from the left, width). */
    quoteIndent: 14,
    quoteBarInset: 2,
    quoteBarWidth: 2,
    /** Code and raw HTML: size, leading, padding of the tinted box. */
    codeSize: 8.2,
    codeLeading: 11,
    codePad: 5,
    /** Tables: type size, leading, cell padding, added space above, and rule weights. */
    tableSize: 8.8,
    tableLeading: 11.6,
    cellPad: 4,
    tableSpaceBefore: 2,
    headerRuleWeight: 0.8,
    rowRuleWeight: 0.4,
    /** A column's least text width, and the slack added to a cell's measured text. */
    minCellText: 8,
    cellSlack: 1,
    /** A row taller than this is cut into slices; below the text height of both paper sizes. */
    maxRowHeight: 480,
  },
  /** Folios and running headers (page-furniture.ts). */
  furniture: {
    folioSize: 9,
    folioLeading: 12,
    /** The folio's baseline below the text column's bottom. */
    folioDrop: 34,
    headerSize: 8.5,
    headerLeading: 11,
    /** The header's baseline above the text column's top. */
    headerRaise: 30,
    /** The hairline under the header: below its baseline, and its weight. */
    headerRuleDrop: 6,
    headerRuleWeight: 0.4,
  },
  /** Heading band of the contents, references and index (title-band.ts); the chapter opening shares it. */
  band: {
    /** Box top to the top of the short bar. */
    barTop: 8,
    /** The short bar over the title. */
    barWidth: 46,
    barHeight: 5,
    /** Box top to the first line under the bar. */
    textTop: 34,
    /** The title: size, leading and baseline. */
    titleSize: 25,
    titleLeading: 30,
    titleBaseline: 24,
    /** Below the last title line before what follows. */
    bottom: 24,
  },
  /** A chapter's opening (chapter-opening.ts): bar and title as the band, plus label and subtitle. */
  chapterOpening: {
    /** "CHAPTER n" above the title. */
    labelSize: 9.5,
    labelLeading: 14,
    labelBaseline: 10,
    /** Between the title and the subtitle (organisation · period · papers). */
    subtitleGap: 6,
    subtitleSize: 10.5,
    subtitleLeading: 15,
    subtitleBaseline: 11,
    /** Last subtitle line to the hairline under it. */
    ruleOffset: 10,
    ruleWeight: 0.5,
    /** How pale the hairline is (lighten amount of the family colour). */
    ruleLighten: 0.5,
    /** Below the last subtitle line (the hairline included). */
    bottom: 26,
  },
  /** A family's own lineage diagram and its caption (family-figure.ts). */
  familyFigure: {
    /** The tallest it may be, as a share of the text column's height: it shares the page with the opening. */
    pageShare: 0.55,
    /** Above the figure. */
    spaceBefore: 12,
    captionSize: 9.8,
    captionLeading: 13.5,
    captionBaseline: 10,
    /** Figure to caption. */
    captionGap: 6,
    /** Below the last caption line. */
    captionBottom: 6,
  },
  /** Section headings of families and papers (body-setting.ts). */
  sectionHeading: {
    size: 11.6,
    /** How dark against the family colour. */
    darken: 0.45,
    /** Above a family section's heading. */
    familySpaceBefore: 18,
    /** Above a paper section's heading (and the conclusions'). */
    paperSpaceBefore: 14,
  },
  /** A paper's opening (paper-section.ts): rule, kicker "SHORT · year", title. */
  paperOpening: {
    /** Above the rule: the gap between papers. */
    spaceBefore: 30,
    ruleWeight: 1.2,
    /** Rule to the first kicker line. */
    kickerTop: 10,
    kickerSize: 9.5,
    kickerLeading: 13,
    kickerBaseline: 9.5,
    titleSize: 16,
    /** Kicker to title. */
    titleSpaceBefore: 2,
  },
  /** The facts panel (facts-panel.ts): a tinted two-column table, labels left. */
  factsPanel: {
    /** Above the panel. */
    spaceBefore: 8,
    /** The label column, its padding included. */
    labelWidth: 78,
    /** Padding around the panel and between the columns. */
    pad: 7,
    /** Above and below a row inside the panel. */
    rowPad: 1.5,
    /** The coloured stripe on the left edge. */
    stripeWidth: 2.5,
    /** Labels sit this far right of the padding (clear of the stripe). */
    labelInset: 2,
    labelSize: 7.4,
    /** How dark the labels are against the family colour. */
    labelDarken: 0.3,
    valueSize: 9.2,
    leading: 12.6,
    baseline: 9.3,
    /** How pale the panel is (lighten amount of the family colour). */
    tint: 0.92,
  },
  /** Main and secondary conclusions (conclusions.ts). */
  conclusions: {
    /** "MAIN FINDINGS" / "SECONDARY FINDINGS". */
    labelSize: 8,
    labelDarken: 0.3,
    mainSpaceBefore: 2,
    secondarySpaceBefore: 8,
    /** Hanging indent of an item (its marker sits in it). */
    hang: 16,
    /** Above the first item of a group, and above the others. */
    firstItemSpaceBefore: 3,
    itemSpaceBefore: 4,
    /** Marker: left edge and right end of the dash, its centre above the baseline, the square's side, the dash's weight. */
    markerLeft: 2,
    markerRight: 8,
    markerRaise: 3.4,
    squareSize: 6,
    dashWeight: 1,
  },
  /** The reference list (references-section.ts). */
  references: {
    size: 9.4,
    leading: 12.8,
    /** The "[n]" column on the left and the page-number column on the right. */
    numberWidth: 30,
    pageWidth: 34,
    /** Between entries. */
    entryGap: 5,
  },
  /** The tag index (index-section.ts). */
  index: {
    size: 9.4,
    leading: 12.6,
    /** The initial letter heading a run of tags. */
    letterSize: 12,
    letterSpaceBefore: 12,
    /** Between entries. */
    entryGap: 2.5,
  },
} as const;

/** A family colour (hex, validated by core) as pdf-lib's 0–1 channels. */
export function parseColour(hex: string): Rgb {
  const [red, green, blue] = channels(hex);
  return [red / 255, green / 255, blue / 255];
}

/** A darker shade of a family colour, readable as text on white. */
export function darken(colour: Rgb, amount = 0.35): Rgb {
  return [colour[0] * (1 - amount), colour[1] * (1 - amount), colour[2] * (1 - amount)];
}

/** A pale tint of a family colour, for backgrounds. */
export function lighten(colour: Rgb, amount = 0.88): Rgb {
  return [
    colour[0] + (1 - colour[0]) * amount,
    colour[1] + (1 - colour[1]) * amount,
    colour[2] + (1 - colour[2]) * amount,
  ];
}
