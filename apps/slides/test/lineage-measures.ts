/**
 * The lineage slide as the audience sees it: its smallest label against the deck's body text,
 * labels on top of each other, and edges drawn through a node that is not one of their ends
 * (@studykit/diagram's measureDiagrams, run where the slide is shown). One line per problem.
 */
import { measureDiagrams } from '@studykit/diagram';
import type { Page } from 'playwright-core';
import { DIAGRAM_MIN_LABEL } from '../src/layout.js';

export interface LineageSlideMeasure {
  /** The smallest label over the body text's size, both in screen px. */
  ratio: number;
  problems: string[];
}

/**
 * Measures the diagram(s) under `diagrams` against the body text size of `body` (an element whose
 * computed font size is the deck's body text), both as shown on screen.
 */
export async function measureLineageSlide(
  page: Page,
  where: string,
  diagrams: string,
  body: string,
): Promise<LineageSlideMeasure> {
  const measured = await page.evaluate(measureDiagrams, diagrams);
  const bodyPx = await page.evaluate((selector) => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) return 0;
    // The screen size of the body text: its font size times the scale the slide is shown at.
    const frame = element.closest<HTMLElement>('.slidev-layout') ?? element;
    const scale = frame.offsetWidth > 0 ? frame.getBoundingClientRect().width / frame.offsetWidth : 1;
    return Number.parseFloat(getComputedStyle(element).fontSize) * scale;
  }, body);
  const ratio = bodyPx > 0 ? Math.round((measured.smallestLabelPx / bodyPx) * 100) / 100 : 0;
  const problems: string[] = [];
  if (measured.diagrams === 0) problems.push(`${where}: no lineage diagram`);
  else if (ratio < DIAGRAM_MIN_LABEL)
    problems.push(
      `${where}: labels ${measured.smallestLabelPx} px against ${Math.round(bodyPx * 10) / 10} px body text (${ratio}, at least ${DIAGRAM_MIN_LABEL})`,
    );
  for (const pair of measured.overlaps) problems.push(`${where}: labels overlap: ${pair}`);
  // Edges across a family's title (measured.edgesThroughTitles) are not counted yet: see
  // docs/lineage-layout.md, "Known limits".
  for (const edge of measured.edgesThroughNodes) problems.push(`${where}: edge ${edge}`);
  return { ratio, problems };
}
