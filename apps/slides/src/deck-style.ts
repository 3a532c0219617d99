/**
 * The deck's stylesheet (written as style.css next to slides.md), built from layout.ts's numbers.
 * Every property that Slidev's theme sets on an element we emit is set here too, so the measuring
 * page (Slidev's reset + this sheet, no theme) lays a slide out exactly as the built deck does.
 */
import { cssStack } from '@studykit/fonts';
import * as L from './layout.js';

const SANS = cssStack('sans');
const MONO = cssStack('mono');

/** The family colour, validated as hex by core. */
export function deckCss(accent: string, fontFaces: string): string {
  return `${fontFaces}
:root {
  --sk-accent: ${accent};
  --sk-accent-soft: color-mix(in srgb, ${accent} 10%, white);
  --sk-accent-mid: color-mix(in srgb, ${accent} 35%, white);
  --sk-ink: #0f172a;
  --sk-muted: #475569;
  --slidev-theme-primary: ${accent};
}
/* Slidev's own screens (presenter view, overview) draw with the deck's faces too. */
html, body, #app { font-family: ${SANS}; }
code, kbd, pre, samp { font-family: ${MONO}; }
.slidev-layout.sk-page {
  padding: ${L.PAD_TOP}px ${L.PAD_X}px ${L.PAD_BOTTOM}px;
  font-family: ${SANS};
  font-size: ${L.BODY_SIZE}px;
  line-height: ${L.BODY_LINE};
  color: var(--sk-ink);
  background: #ffffff;
  overflow: hidden;
}
.slidev-layout.sk-page::before {
  content: '';
  position: absolute;
  left: 0; top: 0; bottom: 0;
  width: 8px;
  background: var(--sk-accent);
}
/* Undo the theme's element styles inside our slides: (0,3,0) beats its rules, and ours below win by order. */
/* KaTeX's own spans keep KaTeX's metrics (its rules are less specific than this reset): left out, at no specificity. */
.slidev-layout.sk-page .sk-slide :where(:is(p, h1, h3, ul, ol, li, table, thead, tbody, tr, th, td, code, pre, blockquote, a, strong, b, em, dl, dt, dd, hr, span, sup, del, figure, figcaption):not(.katex, .katex *)) {
  margin: 0; padding: 0; border: 0 solid currentColor; opacity: 1; background: none; border-radius: 0;
  font-size: inherit; line-height: inherit; font-weight: inherit; letter-spacing: inherit; text-transform: none;
  width: auto; text-align: inherit; color: inherit;
}
.slidev-layout.sk-page .sk-slide :where(strong, b, th) { font-weight: 700; }
.slidev-layout.sk-page .sk-slide em { font-style: italic; }
.sk-slide { height: 100%; display: flex; flex-direction: column; }
.sk-slide .sk-header { flex: none; }
.sk-slide .sk-body { flex: 1 1 auto; min-height: 0; }
.sk-zoom { width: 100%; }
.slidev-layout.sk-page .sk-kicker {
  margin: 0 0 4px; font-size: ${L.KICKER_SIZE}px; line-height: 1.5; letter-spacing: 0.08em;
  text-transform: uppercase; color: var(--sk-accent); font-weight: 700; opacity: 1;
}
.slidev-layout.sk-page .sk-header h1 {
  margin: 0 0 ${L.TITLE_GAP}px; font-size: ${L.TITLE_SIZE}px; line-height: 1.2; font-weight: 700;
  color: var(--sk-ink); letter-spacing: -0.01em; text-wrap: balance;
}
.slidev-layout.sk-page .sk-body { font-size: ${L.BODY_SIZE}px; line-height: ${L.BODY_LINE}; overflow-wrap: anywhere; }
.slidev-layout.sk-page .sk-body p { margin: 0 0 ${L.PARAGRAPH_GAP}px; font-size: inherit; line-height: inherit; opacity: 1; }
.slidev-layout.sk-page .sk-body h3.sk-heading { margin: 4px 0 6px; font-size: ${L.HEADING_SIZE}px; line-height: 1.3; color: var(--sk-accent); font-weight: 700; }
.slidev-layout.sk-page .sk-body ul, .slidev-layout.sk-page .sk-body ol {
  margin: 0 0 ${L.PARAGRAPH_GAP}px; padding-left: ${L.LIST_INDENT}px; list-style-position: outside;
}
.slidev-layout.sk-page .sk-body ul { list-style-type: disc; }
.slidev-layout.sk-page .sk-body ol { list-style-type: decimal; }
.slidev-layout.sk-page .sk-body li { margin: 0 0 ${L.LIST_ITEM_GAP}px; padding: 0; line-height: inherit; }
.slidev-layout.sk-page .sk-body li::marker { color: var(--sk-accent); font-weight: 700; }
.slidev-layout.sk-page .sk-body li.sk-continued { list-style-type: none; }
.slidev-layout.sk-page .sk-body li > ul, .slidev-layout.sk-page .sk-body li > ol { margin: ${L.LIST_ITEM_GAP}px 0 0; }
.slidev-layout.sk-page .sk-body strong { color: var(--sk-ink); font-weight: 700; }
.slidev-layout.sk-page .sk-body a { color: var(--sk-accent); text-decoration: underline; border: none; }
.slidev-layout.sk-page .sk-body code {
  font-family: ${MONO}; font-size: 0.85em; background: #f1f5f9; color: #0f172a; padding: 1px 2px; border-radius: 4px;
}
/* A chip with the bracket or punctuation around it breaks as one word. */
.slidev-layout.sk-page .sk-body .sk-glue { white-space: nowrap; }
.slidev-layout.sk-page .sk-body pre.sk-code {
  margin: 0 0 ${L.PARAGRAPH_GAP}px; padding: 12px; background: #f8fafc; border: 1px solid #e2e8f0; border-radius: 6px; font-family: ${MONO};
  font-size: ${L.CODE_SIZE}px; line-height: ${L.CODE_LINE}; white-space: pre-wrap; overflow-wrap: anywhere;
}
.slidev-layout.sk-page .sk-body pre.sk-code code { background: none; padding: 0; font-size: inherit; }
.slidev-layout.sk-page .sk-body blockquote {
  margin: 0 0 ${L.PARAGRAPH_GAP}px; padding: 4px 0 4px 20px; border-left: 4px solid var(--sk-accent-mid); color: var(--sk-muted);
  background: none; font-size: inherit;
}
.slidev-layout.sk-page .sk-body sup.sk-fn { font-size: 0.65em; vertical-align: super; line-height: 0; color: var(--sk-accent); font-weight: 700; }
.slidev-layout.sk-page .sk-body p.sk-footnote { font-size: 15px; line-height: 1.35; color: var(--sk-muted); border-top: 1px solid #e2e8f0; padding-top: 4px; margin: 0 0 4px; }
.slidev-layout.sk-page .sk-body p.sk-footnote + p.sk-footnote { border-top: none; padding-top: 0; }
.slidev-layout.sk-page .sk-body hr { margin: ${L.PARAGRAPH_GAP}px 0; border: none; border-top: 1px solid #e2e8f0; }
.slidev-layout.sk-page .sk-body .sk-raw { font-family: ${MONO}; font-size: 0.85em; color: #9f1239; }

/* Tables: wrap inside cells rather than ever growing past the slide. */
.slidev-layout.sk-page .sk-body table.sk-table {
  border-collapse: collapse; width: 100%; margin: 0 0 ${L.PARAGRAPH_GAP}px; table-layout: auto;
  font-size: ${L.TABLE_SIZE}px; line-height: ${L.TABLE_LINE};
}
.slidev-layout.sk-page .sk-body table.sk-table-compact { font-size: ${L.TABLE_COMPACT_SIZE}px; }
.slidev-layout.sk-page .sk-body table.sk-table th, .slidev-layout.sk-page .sk-body table.sk-table td {
  padding: ${L.TABLE_CELL_PAD_Y}px ${L.TABLE_CELL_PAD_X}px; border: none; border-bottom: 1px solid #e2e8f0;
  text-align: left; vertical-align: top; overflow-wrap: break-word; word-break: normal;
}
.slidev-layout.sk-page .sk-body table.sk-table .sk-break { overflow-wrap: anywhere; }
.slidev-layout.sk-page .sk-body table.sk-table th { background: var(--sk-accent-soft); color: var(--sk-ink); font-weight: 700; border-bottom: 2px solid var(--sk-accent-mid); }
.slidev-layout.sk-page .sk-body table.sk-table tbody tr:nth-child(even) td { background: #f8fafc; }
/* GFM alignment (and numeric columns) win over the cells' left alignment above. */
.slidev-layout.sk-page .sk-body table.sk-table .sk-align-right { text-align: right; font-variant-numeric: tabular-nums; }
.slidev-layout.sk-page .sk-body table.sk-table .sk-align-center { text-align: center; }
.slidev-layout.sk-page .sk-body table.sk-table .sk-nobreak { white-space: nowrap; }

.sk-footer {
  position: absolute; right: ${L.PAD_X}px; bottom: 12px; font-family: ${SANS}; font-size: 12px;
  color: #94a3b8; letter-spacing: 0.04em; font-variant-numeric: tabular-nums;
}

/* Cover */
.slidev-layout.sk-page.sk-page-cover { background: linear-gradient(135deg, var(--sk-accent) 0%, color-mix(in srgb, var(--sk-accent) 60%, #0f172a) 100%); color: #fff; }
.slidev-layout.sk-page.sk-page-cover::before { display: none; }
.sk-cover { justify-content: center; }
.sk-cover .sk-body { flex: none; }
.slidev-layout.sk-page.sk-page-cover .sk-kicker { color: rgba(255,255,255,0.8); font-size: 16px; }
.slidev-layout.sk-page.sk-page-cover .sk-header h1 { color: #fff; font-size: 52px; line-height: 1.1; margin-bottom: 20px; }
.slidev-layout.sk-page.sk-page-cover .sk-cover-study { font-size: 16px; margin: 0 0 10px; opacity: 0.85; letter-spacing: 0.02em; }
.slidev-layout.sk-page.sk-page-cover .sk-cover-facts { font-size: 24px; margin: 0 0 6px; opacity: 0.95; }
.slidev-layout.sk-page.sk-page-cover .sk-cover-count { font-size: 18px; margin: 0 0 18px; opacity: 0.8; }
.slidev-layout.sk-page.sk-page-cover .sk-chip { background: rgba(255,255,255,0.16); border-color: rgba(255,255,255,0.5); color: #fff; }

.slidev-layout.sk-page .sk-chip {
  display: inline-block; margin: 0 8px 8px 0; padding: 2px 12px; border: 1px solid var(--sk-accent-mid);
  border-radius: 999px; font-size: 15px; line-height: 1.5; color: var(--sk-accent); background: var(--sk-accent-soft);
}

/* Paper title slide */
.slidev-layout.sk-page.sk-page-paper .sk-header h1 { font-size: 44px; color: var(--sk-accent); margin-bottom: 6px; }
.slidev-layout.sk-page .sk-body .sk-paper-title { font-size: 22px; line-height: 1.3; font-style: italic; color: var(--sk-ink); margin: 0 0 18px; }
.slidev-layout.sk-page .sk-body dl.sk-facts {
  display: grid; grid-template-columns: 170px 1fr; column-gap: 16px; row-gap: 5px; margin: 0 0 14px;
  font-size: 17px; line-height: 1.35;
}
.slidev-layout.sk-page .sk-body dl.sk-facts dt { margin: 0; color: var(--sk-muted); font-size: 13px; text-transform: uppercase; letter-spacing: 0.06em; font-weight: 700; padding-top: 3px; }
.slidev-layout.sk-page .sk-body dl.sk-facts dd { margin: 0; }
.slidev-layout.sk-page .sk-body .sk-tags { margin: 0; }

.slidev-layout.sk-page .sk-body ol.sk-agenda { font-size: 18px; line-height: 1.4; }
.slidev-layout.sk-page .sk-body ol.sk-questions { font-size: 24px; line-height: 1.4; }
.slidev-layout.sk-page .sk-body ol.sk-questions > li { margin-bottom: 14px; }
.slidev-layout.sk-page .sk-body ol.sk-agenda > li { margin-bottom: 2px; }

/* Conclusions: the main findings stand out, the secondary ones recede. */
.slidev-layout.sk-page .sk-body .sk-label { margin: 0 0 8px; font-size: 14px; text-transform: uppercase; letter-spacing: 0.08em; font-weight: 700; color: var(--sk-muted); }
.slidev-layout.sk-page .sk-body .sk-label-main { color: var(--sk-accent); }
.slidev-layout.sk-page .sk-body ul.sk-main { list-style: none; padding-left: 0; }
.slidev-layout.sk-page .sk-body ul.sk-main > li {
  padding: 6px 14px; border-left: 5px solid var(--sk-accent); background: var(--sk-accent-soft); border-radius: 0 6px 6px 0; font-weight: 600;
}
.slidev-layout.sk-page .sk-body ul.sk-secondary { color: var(--sk-muted); font-size: 18px; }

/* Two short blocks side by side (layout-deck.ts chooses it when it saves a slide). */
.slidev-layout.sk-page .sk-body .sk-columns { display: grid; grid-template-columns: 1fr 1fr; column-gap: ${L.COLUMN_GAP}px; align-items: start; }
.slidev-layout.sk-page .sk-body .sk-columns > div { min-width: 0; }

/* Formulas (KaTeX's HTML, its stylesheet and fonts are the deck's own); a display formula is centred. */
/* As wide as the formula (centred), so the measuring page sees one wider than the body and scales its slide. */
.slidev-layout.sk-page .sk-body .sk-math { margin: 0 auto ${L.PARAGRAPH_GAP}px; width: fit-content; max-width: none; }
.slidev-layout.sk-page .sk-body .sk-math .katex-display { margin: 0; }
.slidev-layout.sk-page .sk-body .sk-math-error { color: #9f1239; }

/* Figures: sized by the build (width and height attributes), centred, the alt text or caption below. */
.slidev-layout.sk-page .sk-body figure.sk-figure { margin: 0 0 ${L.PARAGRAPH_GAP}px; display: flex; flex-direction: column; align-items: center; }
.slidev-layout.sk-page .sk-body figure.sk-figure img, .slidev-layout.sk-page .sk-body figure.sk-figure svg { display: block; max-width: none; }
.slidev-layout.sk-page .sk-body figure.sk-figure figcaption { margin-top: 6px; font-size: 16px; line-height: 1.35; color: var(--sk-muted); text-align: center; }
.slidev-layout.sk-page .sk-body figure.sk-figure-alone { margin: 0; }
.slidev-layout.sk-page .sk-body img.sk-inline-image { display: inline; height: 1.2em; width: auto; vertical-align: -0.2em; }

/* Lineage diagram: sized by the build to fill the body, centred. */
.slidev-layout.sk-page .sk-body .sk-diagram { display: flex; justify-content: center; align-items: flex-start; height: 100%; }
.slidev-layout.sk-page .sk-body .sk-diagram svg { display: block; max-width: none; }
`;
}
