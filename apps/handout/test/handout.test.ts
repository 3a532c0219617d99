import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type HandoutLayout, type HandoutSlide, renderHandout } from '@studykit/handout';
import { LABELS } from '@studykit/view';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { missingTool, skipNote } from '../../../tests/skips.js';
import { type Box, pageGrid } from '../src/layouts.js';
import {
  inkIn,
  makeDeck,
  noPoppler,
  pdfText,
  renderGrey,
  slide,
  type Word,
  wordBoxes,
  writeTemp,
  xObjectKinds,
} from './tools.js';

const DATE = new Date(Date.UTC(2026, 10, 29));
const noQpdf = missingTool('qpdf');
const CHINESE_NOTE = '介绍时强调开放与双语两点，并说明量化后可在四张显卡上推理。';

/** Seven slides over two papers; notes carry a marker word per slide so they can be found on the page. */
const SLIDES: HandoutSlide[] = [
  slide('Cover', [], undefined, 'cover'),
  slide('Agenda', ['markerB opens the session.'], undefined, 'agenda'),
  slide('GPT1', ['markerC the paper slide.', 'Second paragraph of markerC.'], 'gpt-1', 'paper'),
  slide('Motivation', [], 'gpt-1'),
  slide('GLM130B', [CHINESE_NOTE], 'glm-130b', 'paper'),
  slide('Results', ['markerF results and caveats. '.repeat(12)], 'glm-130b'),
  slide('References', ['markerG'], undefined, 'references'),
];

let deck: Uint8Array;

async function render(layout: HandoutLayout, paperSize: 'a4' | 'letter' = 'a4', slides = SLIDES) {
  const file = await renderHandout({
    deckPdf: slides === SLIDES ? deck : await makeDeck(slides),
    slides,
    layout,
    paperSize,
    header: { study: 'Classic LLM papers', subject: 'Test family', date: DATE },
    words: LABELS.en,
    path: 'handout/test.pdf',
  });
  expect(file.path).toBe('handout/test.pdf');
  return file.contents as Uint8Array;
}

beforeAll(async () => {
  deck = await makeDeck(SLIDES);
});

describe('page count and paper', () => {
  // Seven slides: notes and 2up two a page, lines three, 4up four, 6up six.
  const expected: [HandoutLayout, number][] = [
    ['notes', 4],
    ['lines', 3],
    ['2up', 4],
    ['4up', 2],
    ['6up', 2],
  ];
  for (const [layout, pages] of expected) {
    it(`${layout}: 7 slides make ${pages} pages`, async () => {
      const doc = await PDFDocument.load(await render(layout));
      expect(doc.getPageCount()).toBe(pages);
    });
  }

  it('one slide still makes one page, twelve slides make 6 / 4 / 6 / 3 / 2', async () => {
    const one = [slide('Only')];
    expect((await PDFDocument.load(await render('6up', 'a4', one))).getPageCount()).toBe(1);
    const twelve = Array.from({ length: 12 }, (_, i) => slide(`S${i}`));
    const counts = [];
    for (const layout of ['notes', 'lines', '2up', '4up', '6up'] as const)
      counts.push((await PDFDocument.load(await render(layout, 'a4', twelve))).getPageCount());
    expect(counts).toEqual([6, 4, 6, 3, 2]);
  });

  it('A4 and Letter, portrait; notes and 4up turn the page (notes beside the slides, a 2 × 2 grid)', async () => {
    const size = async (layout: HandoutLayout, paper: 'a4' | 'letter') => {
      const doc = await PDFDocument.load(await render(layout, paper));
      return doc.getPages().map((page) => [Math.round(page.getWidth()), Math.round(page.getHeight())]);
    };
    expect(new Set((await size('notes', 'a4')).map(String))).toEqual(new Set(['842,595']));
    expect(new Set((await size('notes', 'letter')).map(String))).toEqual(new Set(['792,612']));
    expect(new Set((await size('lines', 'letter')).map(String))).toEqual(new Set(['612,792']));
    expect(new Set((await size('4up', 'a4')).map(String))).toEqual(new Set(['842,595']));
    expect(new Set((await size('4up', 'letter')).map(String))).toEqual(new Set(['792,612']));
  });

  it('a PDF that does not match deck.json (an older build) is refused', async () => {
    await expect(
      renderHandout({
        deckPdf: deck,
        slides: SLIDES.slice(1),
        header: { study: 's', subject: 's', date: DATE },
        words: LABELS.en,
        path: 'handout/x.pdf',
      }),
    ).rejects.toThrow('the deck PDF has 7 pages but deck.json lists 6 slides');
  });

  it('the same input gives the same bytes', async () => {
    expect(Buffer.from(await render('notes')).equals(Buffer.from(await render('notes')))).toBe(true);
  });
});

describe('slides are vector art', () => {
  for (const layout of ['notes', 'lines', '2up', '4up', '6up'] as const) {
    it(`${layout}: every page draws its slides as Form XObjects, no image`, async () => {
      const doc = await PDFDocument.load(await render(layout));
      const perPage = { notes: 2, lines: 3, '2up': 2, '4up': 4, '6up': 6 }[layout];
      doc.getPages().forEach((_, index) => {
        const kinds = xObjectKinds(doc, index);
        expect(kinds.every((kind) => kind === 'Form')).toBe(true);
        expect(kinds).toHaveLength(Math.min(perPage, SLIDES.length - index * perPage));
      });
    });
  }
});

describe('outline', () => {
  it('has one entry per paper, pointing at the page of its first slide', async () => {
    const doc = await PDFDocument.load(await render('notes'));
    const pageRefs = doc.getPages().map((page) => page.ref);
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const entries: { title: string; page: number }[] = [];
    let ref = outlines.get(PDFName.of('First'));
    while (ref instanceof PDFRef) {
      const item = doc.context.lookup(ref, PDFDict);
      const title = item.get(PDFName.of('Title'));
      const dest = item.lookup(PDFName.of('Dest'), PDFArray).get(0);
      entries.push({
        title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
        page: dest instanceof PDFRef ? pageRefs.indexOf(dest) : -1,
      });
      ref = item.get(PDFName.of('Next'));
    }
    // Slide 3 (index 2) opens GPT-1 on page 2; slide 5 (index 4) opens GLM-130B on page 3.
    expect(entries).toEqual([
      { title: 'GPT1', page: 1 },
      { title: 'GLM130B', page: 2 },
    ]);
  });
});

describe.skipIf(noPoppler)(`what a reader sees${skipNote(noPoppler)}`, () => {
  let path: string;
  beforeAll(async () => {
    path = writeTemp(await render('notes'));
  });
  const grid = pageGrid('notes', 'a4');
  const find = (words: Word[], text: string) => words.find((word) => word.text.includes(text));

  it("each slide's notes sit beside that slide, level with its title, inside the slide's half page", () => {
    const cases: [number, string, string][] = [
      [1, 'Slide2', 'markerB'],
      [2, 'Slide3', 'markerC'],
      [3, 'Slide6', 'markerF'],
      [4, 'Slide7', 'markerG'],
    ];
    for (const [page, titleWord, note] of cases) {
      const words = wordBoxes(path, page);
      const title = find(words, titleWord);
      const noteWord = find(words, note);
      expect(title, `${titleWord} on page ${page}`).toBeDefined();
      expect(noteWord, `${note} on page ${page}`).toBeDefined();
      if (!title || !noteWord) continue;
      const half = grid.cells.find((cell) => title.yMin >= cell.top && title.yMax <= cell.top + cell.height);
      expect(half, `${titleWord} lies in a half page`).toBeDefined();
      if (!half) continue;
      // Beside, not under: right of the slide's title and starting level with it.
      expect(noteWord.xMin).toBeGreaterThan(title.xMax);
      expect(noteWord.yMin).toBeGreaterThanOrEqual(half.top - 0.5);
      expect(noteWord.yMin).toBeLessThan(title.yMax);
      expect(noteWord.yMax).toBeLessThanOrEqual(half.top + half.height);
      expect(noteWord.xMin).toBeGreaterThanOrEqual(half.x - 0.5);
      expect(noteWord.xMax).toBeLessThanOrEqual(half.x + half.width + 0.5);
    }
  });

  it('sets notes ragged-right: the lines of a long note end at different places', () => {
    // Slide 6's note runs over several lines (page 3, lower half).
    const column = grid.body.x + grid.body.width * 0.45;
    const lines = new Map<number, number>();
    for (const word of wordBoxes(path, 3).filter((w) => w.xMin > column && w.yMin > grid.height / 2)) {
      const line = Math.round(word.yMin);
      lines.set(line, Math.max(lines.get(line) ?? 0, word.xMax));
    }
    // The last line is short anyway: only the full ones count.
    const ends = [...lines.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, end]) => end)
      .slice(0, -1);
    expect(ends.length).toBeGreaterThan(3);
    // Justified, every full line would end at the column's right edge.
    expect(Math.max(...ends) - Math.min(...ends)).toBeGreaterThan(10);
  });

  it("shows each slide number once: the slide's own, no second one printed under it", () => {
    for (let page = 1; page <= 4; page++) {
      const bare = wordBoxes(path, page).filter(
        (w) => /^\d+$/.test(w.text) && w.yMin > grid.headerBaseline + 8 && w.yMax < grid.folioBaseline - 12,
      );
      expect({ page, bare: bare.map((w) => w.text) }).toEqual({ page, bare: [] });
    }
  });

  it('a slide without notes keeps its half page: the next slide is in the lower half', () => {
    const words = wordBoxes(path, 2);
    // Slide 3 has notes, slide 4 has none; both keep a half page.
    const motivation = find(words, 'Slide4');
    expect(motivation?.yMin).toBeGreaterThan(grid.height / 2);
  });

  it('prints the header (study, subject, date) and the folio on every page', () => {
    for (let page = 1; page <= 4; page++) {
      const text = pdfText(path, page);
      expect(text).toContain('Classic LLM papers');
      expect(text).toContain('Test family');
      expect(text).toContain('29 November 2026');
      expect(text).toMatch(new RegExp(`\\b${page}\\s*/\\s*4\\b`));
    }
  });

  it.skipIf(noQpdf)(`passes qpdf --check${skipNote(noQpdf)}`, () => {
    const result = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
    expect(result.stdout).toContain('No syntax or stream encoding errors');
    expect(result.status).toBe(0);
  });

  it('embeds its own faces as subsets only', () => {
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    const own = fonts.filter((row) => /Source|Noto/.test(row));
    expect(own.length).toBeGreaterThan(1);
    for (const row of own) expect(row).toMatch(/^[A-Z]{6}\+\S+\s.*\byes\s+yes\s+yes\b/);
  });

  it('Chinese notes are drawn (ink in their place) and extract as text', () => {
    // Slide 5 (GLM130B) is the top half of page 3.
    const text = pdfText(path, 3).replace(/\s+/g, '');
    expect(text).toContain(CHINESE_NOTE);
    const words = wordBoxes(path, 3);
    const title = find(words, 'Slide5');
    const chinese = words.filter((word) => /\p{Script=Han}/u.test(word.text));
    expect(chinese.length).toBeGreaterThan(0);
    const image = renderGrey(path, 3, 60);
    for (const word of chinese) {
      expect(word.xMin).toBeGreaterThan(title?.xMax ?? Number.POSITIVE_INFINITY);
      expect(word.yMax).toBeLessThan(grid.height / 2);
      expect(inkIn(image, word, 60)).toBeGreaterThan(0.05);
    }
  });
});

describe('links', () => {
  it("keeps the deck's links, each over its place on the slide, in every layout", async () => {
    // Slide 3 links its paper at (100, 300)–(400, 320) of the 735 × 413 page, as Chromium prints an <a>.
    const source = await PDFDocument.load(deck);
    const page = source.getPage(2);
    const action = source.context.obj({ Type: 'Action', S: 'URI' }) as PDFDict;
    action.set(PDFName.of('URI'), PDFString.of('https://arxiv.org/abs/2005.14165'));
    const link = source.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [100, 300, 400, 320],
      A: action,
    });
    page.node.addAnnot(source.context.register(link));
    const linked = await source.save();
    for (const layout of ['notes', '6up'] as const) {
      const file = await renderHandout({
        deckPdf: linked,
        slides: SLIDES,
        layout,
        header: { study: 's', subject: 's', date: DATE },
        words: LABELS.en,
        path: 'handout/test.pdf',
      });
      const doc = await PDFDocument.load(file.contents as Uint8Array);
      const found = doc.getPages().flatMap((handoutPage, index) => {
        const annots = handoutPage.node.Annots();
        return Array.from({ length: annots?.size() ?? 0 }, (_, i) => {
          const annot = annots?.lookup(i) as PDFDict;
          const uri = (annot.lookup(PDFName.of('A')) as PDFDict).lookup(PDFName.of('URI')) as PDFString;
          const rect = (annot.lookup(PDFName.of('Rect')) as PDFArray).asArray().map((n) => Number(String(n)));
          return { page: index + 1, uri: uri.decodeText(), rect };
        });
      });
      // Slide 3: page 2 top half with notes, page 1 third cell in 6up.
      expect(found.map(({ page: at, uri }) => ({ at, uri }))).toEqual([
        { at: layout === 'notes' ? 2 : 1, uri: 'https://arxiv.org/abs/2005.14165' },
      ]);
      const grid = pageGrid(layout, 'a4');
      const cell = grid.cells[layout === 'notes' ? 0 : 2] as Box;
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = found[0]?.rect ?? [];
      // Inside the slide's cell, with the slide's proportions: 300 × 20 of 735 wide.
      expect(x1).toBeGreaterThan(cell.x);
      expect(x2).toBeLessThan(cell.x + cell.width);
      expect(grid.height - y2).toBeGreaterThan(cell.top);
      expect(grid.height - y1).toBeLessThan(cell.top + cell.height);
      expect((x2 - x1) / (y2 - y1)).toBeCloseTo(15, 0);
    }
  });
});

describe.skipIf(noPoppler)(`long notes${skipNote(noPoppler)}`, () => {
  it('shrink the slide and the type, then end with an ellipsis inside their half page', async () => {
    const long = [slide('Long', ['lorem ipsum dolor sit amet '.repeat(400)]), slide('Next', ['markerN'])];
    const path = writeTemp(await render('notes', 'letter', long));
    expect((await PDFDocument.load(readFileSync(path))).getPageCount()).toBe(1);
    const words = wordBoxes(path, 1);
    const grid = pageGrid('notes', 'letter');
    const top = grid.cells[0] as Box;
    const lorem = words.filter((word) => word.text === 'lorem' || word.text.endsWith('…'));
    expect(lorem.length).toBeGreaterThan(20);
    for (const word of lorem) expect(word.yMax).toBeLessThanOrEqual(top.top + top.height);
    expect(words.some((word) => word.text.endsWith('…'))).toBe(true);
    expect(words.find((word) => word.text === 'markerN')?.yMin).toBeGreaterThan(grid.height / 2);
  });
});
