/**
 * A paper URL with percent escapes reaches every output byte for byte: the report's link annotation,
 * the diagram's link, the deck's links (the lineage slide and the paper's facts), references.bib and
 * references.json. `%2F` and `/` are different addresses to a server; decoding one into the other
 * (or encoding `%` again) sends readers somewhere else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeckBrowser, showSlide } from '../apps/slides/test/deck-browser.js';
import { readStructure } from '../packages/typeset/test/pdf-tools.js';
import { MINI_FULL, ESCAPED_URL as PAPER_URL, SHARED_BUILD_TIMEOUT, sharedBuild } from './shared-build.js';

let out: string;
let decks: DeckBrowser;

/** Link targets of the `<a>` elements of what the page shows (HTML href or SVG xlink:href). */
function linksIn(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (within) =>
      [...document.querySelectorAll(`${within} a`)].map(
        (a) => a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '',
      ),
    selector,
  );
}

/** Only the links to alpha-1's URL, whatever they became: each must be the URL itself. */
const toAlpha1 = (links: string[]) => links.filter((link) => link.includes('example.com'));

// The run's shared build of every output of the small fixture carries the URL in alpha-1 (read only).
beforeAll(async () => {
  out = (await sharedBuild(MINI_FULL)).out;
  decks = await DeckBrowser.start(out);
}, SHARED_BUILD_TIMEOUT);

afterAll(async () => {
  await decks?.close();
});

describe('a paper URL with percent escapes survives byte for byte', () => {
  it('in the report: the link annotations of the facts block and the reference list', async () => {
    const { links } = await readStructure(readFileSync(join(out, 'report/study-report.pdf')));
    const uris = toAlpha1(links.flat().flatMap((link) => (link.uri ? [link.uri] : [])));
    // Before: `…GPT-3_(model)?q=a%252Fb%2526c%253Dd#sec%20one`.
    expect(uris.length).toBeGreaterThanOrEqual(2);
    for (const uri of uris) expect(uri).toBe(PAPER_URL);
  });

  it('in lineage.svg, opened in Chromium', async () => {
    const page = await decks.browser.newPage();
    await page.goto(`${decks.server.origin}/lineage/lineage.svg`);
    // Before: `…GPT-3_(model)?q=a/b&c=d#sec%20one` (mermaid decodes a click href).
    expect(toAlpha1(await linksIn(page, 'svg'))).toEqual([PAPER_URL]);
    await page.close();
  });

  it('in the deck, opened in Chromium: the lineage slide and the paper slide', async () => {
    const { slides } = JSON.parse(readFileSync(join(out, 'slides/alpha/deck.json'), 'utf8')) as {
      slides: { kind: string; paper?: string }[];
    };
    const lineage = slides.findIndex((slide) => slide.kind === 'lineage') + 1;
    const facts = slides.findIndex((slide) => slide.kind === 'paper' && slide.paper === 'alpha-1') + 1;
    expect(lineage).toBeGreaterThan(0);
    expect(facts).toBeGreaterThan(0);
    const { page } = await decks.open('alpha', String(lineage));
    await showSlide(page, lineage);
    await page.locator(`.slidev-page-${lineage} .sk-diagram svg a`).first().waitFor({ state: 'attached' });
    expect(toAlpha1(await linksIn(page, `.slidev-page-${lineage} .sk-diagram`))).toEqual([PAPER_URL]);
    await showSlide(page, facts);
    expect(toAlpha1(await linksIn(page, `.slidev-page-${facts}`))).toEqual([PAPER_URL]);
    await page.close();
  });

  it('in every link of the deck’s slides.md', () => {
    const markdown = readFileSync(join(out, 'slides/alpha/slides.md'), 'utf8');
    const hrefs = [...markdown.matchAll(/\bhref="([^"]*)"/g)].map(([, href]) => href ?? '');
    const links = toAlpha1(hrefs);
    expect(links.length).toBeGreaterThanOrEqual(3); // the lineage slide, the facts, the references
    for (const link of links) expect(link).toBe(PAPER_URL);
  });

  it('in references.bib, read back by a BibTeX parser', () => {
    const library = parseBibtex(readFileSync(join(out, 'references.bib'), 'utf8'), { sentenceCase: false });
    expect(library.errors).toEqual([]);
    expect(library.entries.find((entry) => entry.key === 'alpha-1')?.fields.url).toBe(PAPER_URL);
  });

  it('in references.json (CSL-JSON)', () => {
    const items = JSON.parse(readFileSync(join(out, 'references.json'), 'utf8')) as {
      id: string;
      URL: string;
    }[];
    expect(items.find((item) => item.id === 'alpha-1')?.URL).toBe(PAPER_URL);
  });
});
