/// <reference lib="dom" />
/**
 * A Chinese study as a new group makes it (#21), built once (tests/shared-build.ts ADOPTED_ZH:
 * `init --language zh`, then a logo, an accent and dark decks in study.md):
 * - no English word of the kit's own on any output: decks (their pages in Chromium, deck.json, titles),
 *   handouts, report, lineage, PDF metadata, index.html, meetings.ics, references;
 * - the group's look: the logo drawn on the deck cover, the index and the report cover; the accent
 *   on the decks and the index; the dark scheme on the decks;
 * - published under a sub-path: out/ served at /some/sub/path/, every link of the index followed and
 *   every slide of every deck shown, with no 404 and no console error.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launchChromium, serveFolder } from '@studykit/browser';
import { LABELS } from '@studykit/view';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeckManifest } from '../apps/slides/src/render-decks.js';
import { showSlide } from '../apps/slides/test/deck-browser.js';
import { ADOPTED_ZH, type BuiltCopy, SHARED_BUILD_TIMEOUT, sharedBuild } from './shared-build.js';
import { firstMissing, missingTool, skipNote } from './skips.js';
import { temporaryFolder } from './temporary.js';

const noPoppler = firstMissing(missingTool('pdftotext'), missingTool('pdfinfo'));

let built: BuiltCopy;
let browser: Browser;

beforeAll(async () => {
  built = await sharedBuild(ADOPTED_ZH);
  browser = await launchChromium();
}, SHARED_BUILD_TIMEOUT);

afterAll(async () => {
  await browser?.close();
});

/** Every file below `dir`, relative to it, `/`-separated. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

const WORD = /[A-Za-z]{3,}/g;
const wordsOf = (text: string) => new Set((text.match(WORD) ?? []).map((word) => word.toLowerCase()));

/**
 * The kit's own English words: every English label (functions called with sample arguments) and the
 * literal words the apps have been seen to write, less the words of the notes themselves (a paper's
 * title is the group's text, in whatever language) and names that are no language's (file formats,
 * the command and its options as the index shows them).
 */
/** A label function's words: called with numbers (counts), else strings (titles), else lists (topics). */
function sample(label: (...args: unknown[]) => unknown): unknown {
  for (const args of [
    [2, 3],
    ['2', '3'],
    [['2'], ['3']],
  ]) {
    try {
      return label(...args);
    } catch {
      // the next kind of argument
    }
  }
  throw new Error(`no sample arguments fit the label function ${label.name}`);
}

function kitWords(content: string): Set<string> {
  const texts: string[] = [
    'Slidev Figure Generated studied lineage handout slides deck meeting image images',
  ];
  const collect = (value: unknown, name = ''): void => {
    if (typeof value === 'string') texts.push(value);
    else if (typeof value === 'function')
      texts.push(String(name === 'date' ? value(new Date(0)) : sample(value)));
    else if (Array.isArray(value)) for (const item of value) collect(item);
    else if (typeof value === 'object' && value !== null)
      for (const [key, item] of Object.entries(value)) collect(item, key);
  };
  collect(LABELS.en);
  const words = wordsOf(texts.join(' '));
  const notes = filesBelow(content)
    .filter((file) => file.endsWith('.md'))
    .map((file) => withoutYamlComments(readFileSync(join(content, file), 'utf8')));
  for (const word of wordsOf(notes.join('\n'))) words.delete(word);
  for (const name of [
    'pdf',
    'svg',
    'png',
    'bibtex',
    'csl',
    'json',
    'latex',
    'markdown',
    'mermaid',
    'studykit',
    'utc',
  ])
    words.delete(name);
  for (const command of ['build', 'present', 'family']) words.delete(command);
  return words;
}

/** A note without the comments of its frontmatter (init's skeletons explain each field in English). */
function withoutYamlComments(text: string): string {
  const [, frontmatter = '', body = text] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return `${frontmatter.replace(/(^|\s)#.*$/gm, '')}\n${body}`;
}

/**
 * The text a reader meets in an HTML or SVG file: no markup, no style or script, and no file name
 * shown as the link to that very file (`<a href="report/study-report.pdf">study-report.pdf</a>`: a
 * name, which a download keeps whatever the page's language).
 */
function visibleText(markup: string): string {
  return markup
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<a href="(?:[^"]*\/)?([^"/]+)">\1<\/a>/g, ' ')
    .replace(/<[^>]*\balt="([^"]*)"[^>]*>/g, ' $1 ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}

const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
/** What a PDF viewer shows of the document: its title, subject, keywords, author, creator and producer. */
const pdfInfo = (path: string) =>
  execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => /^(Title|Subject|Keywords|Author|Creator|Producer):/.test(line))
    .map((line) => line.replace(/^\w+:\s*/, ''))
    .join('\n');

/** Every string value of a JSON document whose key is not in `skip` (machine vocabulary). */
function jsonStrings(value: unknown, skip: ReadonlySet<string>, key = ''): string[] {
  if (skip.has(key)) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => jsonStrings(item, skip));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([name, item]) => jsonStrings(item, skip, name));
  return [];
}

/** Each deck of the build: its folder in out/ and what it says about itself. */
function decks(): { folder: string; manifest: DeckManifest }[] {
  return filesBelow(built.out)
    .filter((file) => file.endsWith('/deck.json'))
    .map((file) => ({
      folder: file.slice(0, -'/deck.json'.length),
      manifest: JSON.parse(readFileSync(join(built.out, file), 'utf8')) as DeckManifest,
    }));
}

describe('a Chinese study', { timeout: 300_000 }, () => {
  it.skipIf(noPoppler)(
    `shows no English word of the kit’s own on any output${skipNote(noPoppler)}`,
    async () => {
      const out = built.out;
      const english = kitWords(built.content);
      // Checks that the list can find a leak: the words the English index is made of are in it.
      for (const word of ['study', 'report', 'decks', 'references', 'calendar', 'figure', 'slidev'])
        expect(english, word).toContain(word);
      const texts: [string, string][] = [];
      const files = filesBelow(out);
      for (const file of files) {
        const path = join(out, file);
        if (file.endsWith('.pdf')) {
          texts.push([file, pdfText(path)], [`${file} (metadata)`, pdfInfo(path)]);
        } else if (file.endsWith('.svg') && file.startsWith('lineage/')) {
          texts.push([file, visibleText(readFileSync(path, 'utf8'))]);
        } else if (file === 'index.html' || file.endsWith('/index.html')) {
          // A deck's page is checked in Chromium below; here its <title>, lang and the index page's text.
          const html = readFileSync(path, 'utf8');
          expect(html, file).toMatch(/<html lang="zh-Hans">/);
          texts.push([
            file,
            file === 'index.html' ? visibleText(html) : (/<title>(.*?)<\/title>/.exec(html)?.[1] ?? ''),
          ]);
        } else if (file === 'meetings.ics') {
          // Property names are RFC 5545's; their values are the study's.
          const values = readFileSync(path, 'utf8')
            .replace(/\r?\n /g, '')
            .split(/\r?\n/)
            .filter((line) => /^(SUMMARY|DESCRIPTION|LOCATION|X-WR-CALNAME)[:;]/.test(line));
          texts.push([file, values.join('\n').replace(/\\n/g, ' ')]);
        } else if (file === 'references.bib') {
          // Comments and field values; entry types and field names are BibTeX's.
          const bib = readFileSync(path, 'utf8');
          const comments = bib.split('\n').filter((line) => line.startsWith('%'));
          // ` and ` between authors is BibTeX's syntax.
          const values = [...bib.matchAll(/= \{(.*)\},?$/gm)].map((match) =>
            match[1]?.replaceAll(' and ', ' '),
          );
          texts.push([file, [...comments, ...values].join('\n')]);
        } else if (file === 'references.json') {
          const skip = new Set(['type', 'id', 'citation-key', 'URL']);
          texts.push([file, jsonStrings(JSON.parse(readFileSync(path, 'utf8')), skip).join('\n')]);
        } else if (file.endsWith('/deck.json')) {
          const manifest = JSON.parse(readFileSync(path, 'utf8')) as DeckManifest;
          const noteText = (note: DeckManifest['slides'][number]['notes'][number]) =>
            typeof note === 'string' ? note : note.map((span) => ('text' in span ? span.text : '')).join('');
          const said = manifest.slides.flatMap((slide) => [
            slide.title,
            slide.kicker,
            ...slide.notes.map(noteText),
          ]);
          texts.push([file, [manifest.title, ...said].join('\n')]);
        }
      }
      // Each slide of each deck as Chromium shows it: the slide's text and its images' alt text.
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const server = await serveFolder(out);
      try {
        for (const { folder, manifest } of decks()) {
          await page.goto(`${server.origin}/${folder}/#/1`);
          await page.locator('.slidev-page-1').waitFor({ state: 'attached', timeout: 20_000 });
          for (let n = 1; n <= manifest.slides.length; n++) {
            await showSlide(page, n);
            const shown = await page.evaluate((no) => {
              const slide = document.querySelector<HTMLElement>(`.slidev-page-${no}`);
              const alts = [...(slide?.querySelectorAll('img') ?? [])].map((img) => img.alt);
              // What is drawn, as a reader sees it (innerText leaves out hidden text; textContent would not).
              // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is checked
              return [slide?.innerText ?? '', ...alts, document.title].join('\n');
            }, n);
            texts.push([`${folder} slide ${n}`, shown]);
          }
        }
      } finally {
        await page.close();
        await server.close();
      }
      // Every kind of output was looked at.
      const seen = texts.map(([name]) => name).join('\n');
      for (const kind of [
        'index.html',
        'meetings.ics',
        'references.bib',
        'references.json',
        'report/study-report.pdf',
        'lineage/lineage.svg',
        'lineage/lineage.pdf (metadata)',
        'handout/',
        'deck.json',
        'slide 1',
      ])
        expect(seen, kind).toContain(kind);
      const leaks = texts.flatMap(([name, text]) =>
        [...wordsOf(text)].filter((word) => english.has(word)).map((word) => `${name}: ${word}`),
      );
      expect(leaks).toEqual([]);
    },
  );

  it('wears the group’s look: the logo on the deck cover, the accent, dark slides', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const server = await serveFolder(built.out);
    try {
      const [family] = decks().filter((deck) => deck.folder.startsWith('slides/'));
      await page.goto(`${server.origin}/${family?.folder}/#/1`);
      await page.locator('.slidev-page-1').waitFor({ state: 'attached', timeout: 20_000 });
      await showSlide(page, 1);
      const cover = await page.evaluate(() => {
        const logo = document.querySelector<HTMLImageElement>('.slidev-page-1 img.sk-cover-logo');
        const frame = document.querySelector('.slidev-page-1 .slidev-layout')?.getBoundingClientRect();
        const box = logo?.getBoundingClientRect();
        return {
          // Drawn: decoded, with pixels, inside the slide's frame.
          drawn: !!logo && logo.complete && logo.naturalWidth === 256,
          inside: !!box && !!frame && box.width > 0 && box.top >= frame.top && box.right <= frame.right,
          alt: logo?.alt,
          scheme: document.documentElement.classList.contains('dark'),
          cover: getComputedStyle(document.querySelector('.slidev-page-1 .slidev-layout') as Element)
            .backgroundImage,
        };
      });
      expect(cover).toMatchObject({ drawn: true, inside: true, alt: '论文读书会', scheme: true });
      // The cover is the accent's gradient (#e11d48), not the family's colour.
      expect(cover.cover).toContain('rgb(225, 29, 72)');
      await showSlide(page, 2);
      const second = await page.evaluate(() => {
        const frame = document.querySelector('.slidev-page-2 .slidev-layout') as Element;
        return {
          bar: getComputedStyle(frame, '::before').backgroundColor,
          background: getComputedStyle(frame).backgroundColor,
          ink: getComputedStyle(frame).color,
        };
      });
      expect(second).toEqual({
        bar: 'rgb(225, 29, 72)',
        background: 'rgb(15, 23, 42)',
        ink: 'rgb(226, 232, 240)',
      });
    } finally {
      await page.close();
      await server.close();
    }
    // The index carries the logo in itself, and the accent.
    const index = readFileSync(join(built.out, 'index.html'), 'utf8');
    expect(index).toMatch(
      /<img class="logo" src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="论文读书会" width="256" height="256">/,
    );
    expect(index).toContain(':root { --accent: #e11d48; }');
  });

  it.skipIf(missingTool('pdfimages'))(
    `prints the logo on the report's cover${skipNote(missingTool('pdfimages'))}`,
    () => {
      const report = join(built.out, 'report/study-report.pdf');
      const images = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', report], { encoding: 'utf8' });
      // The PNG, embedded with its pixels (256 × 256), on the cover.
      const rows = images.split('\n').slice(2).filter(Boolean);
      expect(rows.map((row) => row.trim().split(/\s+/).slice(0, 5).join(' '))).toEqual(['1 0 image 256 256']);
    },
  );

  it('works published under a sub-path: every link of the index, every slide, no 404, no console error', async () => {
    const site = temporaryFolder('studykit-subpath-');
    const base = '/some/sub/path/';
    mkdirSync(join(site, base), { recursive: true });
    cpSync(built.out, join(site, base), { recursive: true });
    const server = await serveFolder(site);
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    try {
      const root = `${server.origin}${base}`;
      await page.goto(root);
      const links = await page.evaluate(() =>
        [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      );
      // The report, the references, the calendar, the diagram (4), both decks' pages, PDFs and handouts.
      expect(links.length).toBeGreaterThanOrEqual(15);
      for (const link of links) {
        expect(link.startsWith(root), link).toBe(true);
        if (link.endsWith('/index.html')) {
          // A deck: its app and every slide.
          const folder = link.slice(root.length, -'/index.html'.length);
          const manifest = JSON.parse(
            readFileSync(join(built.out, folder, 'deck.json'), 'utf8'),
          ) as DeckManifest;
          await page.goto(`${link}#/1`);
          await page.locator('.slidev-page-1').waitFor({ state: 'attached', timeout: 20_000 });
          for (let n = 1; n <= manifest.slides.length; n++) await showSlide(page, n);
          expect(await page.locator(`.slidev-page-${manifest.slides.length}`).count()).toBe(1);
        } else {
          const response = await page.request.get(link);
          expect(response.status(), link).toBe(200);
          expect((await response.body()).length, link).toBeGreaterThan(0);
        }
      }
    } finally {
      await page.close();
      await server.close();
    }
    expect(problems).toEqual([]);
  });
});
