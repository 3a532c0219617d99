/**
 * What a deck reads of the AST, for the CLI's output digests (next to deck.ts, which reads it): its
 * papers whole, its family's or meeting's own text, and what it shows of other papers — the lineage
 * slide's ancestors (the same mermaid text the slide draws), the short names the facts and the
 * comparison table give for what a paper builds on — the study's title and group, and the language of
 * its words. Light: no Slidev, no Playwright, no citation formatter.
 */
import { chromiumStamp } from '@studykit/browser/chromium';
import type { Family, Meeting, Paper, StudyAst } from '@studykit/core';
import { outputDigest, rendererStamp } from '@studykit/core/renderer-stamp';
import { toMermaid } from '@studykit/lineage-mermaid';
import { type DeckTarget, familyOf, meetingOf, outputLanguage, papersOf, subLineage } from '@studykit/view';

/** How the deck is built (the CLI's --no-notes and --no-pdf). */
export interface DeckBuildOptions {
  notes: boolean;
  pdf: boolean;
}

/** A deck's inputs: plain JSON, digested with `deckStamp()`. */
export function deckInputs(ast: StudyAst, target: DeckTarget, options: DeckBuildOptions): unknown {
  const { title, group, accent, theme, logo } = ast.study;
  // The group's look: its logo by the file's digest (an edited logo rebuilds every deck).
  const look = { accent, theme, logo: logo?.data?.asset?.digest ?? null };
  const shared = { target, options, study: { title, group, ...look } };
  if (target.kind === 'family') {
    const family = familyOf(ast, target.id);
    const papers = papersOf(ast, family);
    return {
      ...shared,
      language: outputLanguage(ast, family),
      family: familyShown(family),
      papers: papers.map(paperShown),
      lineage: toMermaid(ast, { family: family.id, legend: false }),
      names: namesBuiltOn(ast, papers),
    };
  }
  const meeting = meetingOf(ast, target.id);
  const byId = new Map(ast.papers.map((paper) => [paper.id, paper]));
  const papers = meeting.papers.flatMap((id) => byId.get(id) ?? []);
  const familyName = new Map(ast.families.map((family) => [family.id, family.name]));
  return {
    ...shared,
    // A meeting spans families: its words follow the whole study.
    language: outputLanguage(ast),
    meeting: meetingShown(meeting),
    papers: papers.map(paperShown),
    // Each paper's facts slide names its family.
    families: papers.map((paper) => familyName.get(paper.family) ?? paper.family),
    lineage: toMermaid(subLineage(ast, meeting.papers), { legend: false }),
    names: namesBuiltOn(ast, papers),
  };
}

/** The slides renderer: its code, Slidev, mermaid, the fonts, and the Chromium that measures and prints. */
export function deckStamp(): string {
  return `${rendererStamp(import.meta.url)} ${chromiumStamp()}`;
}

/**
 * A deck's digest: what it reads, with the renderer and the Chromium that lay it out. The CLI keeps it
 * to skip a current deck; the built deck carries it (deck.json `inputs`) so a reader of out/ can tell
 * a deck built from this content by this code from a stale one.
 */
export function deckDigest(ast: StudyAst, target: DeckTarget, options: DeckBuildOptions): string {
  return outputDigest(deckStamp(), deckInputs(ast, target, options));
}

/** Every field of a paper a slide shows: all but the file it came from and that file's digest. */
function paperShown({ file: _file, digest: _digest, ...shown }: Paper): Omit<Paper, 'file' | 'digest'> {
  return shown;
}

/** A family's own text: its name, overview and sections, colour, period and its papers' order. */
function familyShown({
  id,
  name,
  organisation,
  colour,
  overview,
  sections,
  footnotes,
  papers,
  period,
}: Family) {
  return { id, name, organisation, colour, overview, sections, footnotes, papers, period };
}

function meetingShown({ file: _file, ...shown }: Meeting): Omit<Meeting, 'file'> {
  return shown;
}

/** The short names of the papers these build on, as the facts slides and the comparison table give them. */
function namesBuiltOn(ast: StudyAst, papers: readonly Paper[]): Record<string, string> {
  const shortOf = new Map(ast.papers.map((paper) => [paper.id, paper.short]));
  const names: Record<string, string> = {};
  for (const paper of papers)
    for (const link of paper.buildsOn) names[link.id] = shortOf.get(link.id) ?? link.id;
  return names;
}
