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

/** A sans-serif style (labels, headings, furniture). */
export function sans(size: number, color: Rgb, bold = false): TextStyle {
  return { family: 'sans', size, color, bold };
}

/** The numbers of the body's parts, one group per module (chapter-opening.ts, facts-panel.ts, …). */
export const layout = {
  /** Baseline assumed for a first line that reports none. */
  fallbackBaseline: 10,
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
