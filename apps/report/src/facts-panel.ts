/** A paper's facts panel: authors, year, venue, size, links, tags, URL, as a tinted two-column panel. */
import type { BuildsOn, Paper } from '@studykit/core';
import { INK, MUTED, type Rgb, type Run } from '@studykit/typeset';
import { safeHttpUrl, splitConcurrent } from '@studykit/view';
import { paperMarker } from './anchors.js';
import type { BodySetting } from './body-setting.js';
import type { FlowBox } from './flow.js';
import { darken, LINK, layout, lighten, sans } from './theme.js';

/** The label and value of each row, in print order. */
function factRows(setting: BodySetting, paper: Paper): [string, Run[]][] {
  const { words, papersById } = setting;
  const valueStyle = sans(layout.factsPanel.valueSize, INK);
  const rows: [string, Run[]][] = [
    [words.authors, [{ text: paper.authors.join(', '), style: valueStyle }]],
    [words.year, [{ text: String(paper.year), style: valueStyle }]],
    [words.venue, [{ text: paper.venue, style: valueStyle }]],
    [words.organisation, [{ text: paper.organisation, style: valueStyle }]],
  ];
  if (paper.parameters.length > 0)
    rows.push([
      words.parameters,
      [{ text: paper.parameters.map((size) => size.text).join(', '), style: valueStyle }],
    ]);
  if (paper.tokens) rows.push([words.tokens, [{ text: paper.tokens.text, style: valueStyle }]]);
  // Earlier papers by their short names, linked to their sections when they are in the report; work
  // done at the same time in a row of its own (it is not built on).
  const { earlier, concurrent } = splitConcurrent(paper.buildsOn);
  const linkRuns = (links: readonly BuildsOn[], withKind: boolean): Run[] => {
    const runs: Run[] = [];
    links.forEach((link, i) => {
      const target = papersById.get(link.id);
      if (i > 0) runs.push({ text: words.clauseSeparator, style: valueStyle });
      runs.push({
        text: target?.short ?? link.id,
        style: target ? { ...valueStyle, color: LINK, dest: paperMarker(link.id) } : valueStyle,
      });
      const kind = words.relationNames[link.kind] ?? link.kind;
      const aside = withKind ? (link.label ? `${kind}${words.colon}${link.label}` : kind) : link.label;
      if (aside) runs.push({ text: words.aside(aside), style: { ...valueStyle, color: MUTED } });
    });
    return runs;
  };
  if (earlier.length > 0) rows.push([words.buildsOn, linkRuns(earlier, true)]);
  if (concurrent.length > 0) rows.push([words.concurrentWork, linkRuns(concurrent, false)]);
  if (paper.tags.length > 0)
    rows.push([words.tags, [{ text: paper.tags.join(words.listSeparator), style: valueStyle }]]);
  const url = safeHttpUrl(paper.url);
  rows.push([
    words.link,
    [{ text: paper.url, style: url ? { ...valueStyle, color: LINK, link: url } : valueStyle }],
  ]);
  return rows;
}

/** One box per row (a long panel may break between rows), each drawing its slice of the tint. */
export function factsPanel(setting: BodySetting, paper: Paper, accent: Rgb): FlowBox[] {
  const { typesetter, width } = setting;
  const p = layout.factsPanel;
  const { labelWidth, pad, leading } = p;
  const rows = factRows(setting, paper);
  const tint = lighten(accent, p.tint);
  const boxes: FlowBox[] = [];
  rows.forEach(([label, runs], index) => {
    const labelLines = typesetter.lines(
      [{ text: label.toUpperCase(), style: sans(p.labelSize, darken(accent, p.labelDarken), true) }],
      {
        width: labelWidth - pad,
        leading,
        align: 'left',
      },
    );
    const valueLines = typesetter.lines(runs, {
      width: width - labelWidth - 2 * pad,
      leading,
      align: 'left',
    });
    const first = index === 0;
    const last = index === rows.length - 1;
    const padTop = first ? pad : p.rowPad;
    const padBottom = last ? pad : p.rowPad;
    const height = padTop + Math.max(labelLines.length, valueLines.length) * leading + padBottom;
    boxes.push({
      height,
      spaceBefore: first ? p.spaceBefore : 0,
      keepWithNext: !last,
      draw: (canvas, x, top) => {
        canvas.rect(x, top, width, height, tint);
        canvas.rect(x, top, p.stripeWidth, height, accent);
        labelLines.forEach((line, i) => {
          canvas.line(line, x + pad + p.labelInset, top + padTop + i * leading + p.baseline);
        });
        valueLines.forEach((line, i) => {
          canvas.line(line, x + labelWidth + pad, top + padTop + i * leading + p.baseline);
        });
      },
    });
  });
  return boxes;
}
