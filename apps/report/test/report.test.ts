import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StudyAst } from '@studykit/core';
import { loadContent } from '@studykit/core/fs';
import { renderReport } from '@studykit/report';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  inkIn,
  noPdfTools,
  pdfFonts,
  pdfText,
  qpdfCheck,
  readStructure,
  renderGrey,
  squeeze,
  wordBoxes,
  writeTemp,
} from '../../../packages/typeset/test/pdf-tools.js';
import { skipNote } from '../../../tests/skips.js';

const fixtureDir = fileURLToPath(new URL('./fixtures/content', import.meta.url));

let ast: StudyAst;
let bytes: Uint8Array;
let path: string;
let text: string;
let structure: Awaited<ReturnType<typeof readStructure>>;

async function render(options: Parameters<typeof renderReport>[1] = {}): Promise<Uint8Array> {
  const files = await renderReport(ast, { date: '2026-11-29', ...options });
  expect(files).toHaveLength(1);
  expect(files[0]?.path).toBe('report/study-report.pdf');
  return files[0]?.contents as Uint8Array;
}

function pageText(page: number, layout = false): string {
  return pdfText(path, page + 1, layout);
}

beforeAll(async () => {
  ast = await loadContent(fixtureDir);
  expect(ast.papers.map((paper) => paper.id).sort()).toEqual(['alpha-1', 'alpha-2', 'evil-paper', 'zh-chat']);
  bytes = await render();
  path = writeTemp(bytes);
  text = noPdfTools ? '' : pdfText(path);
  structure = await readStructure(bytes);
}, 60_000);

describe.skipIf(noPdfTools)(`the PDF file${skipNote(noPdfTools)}`, () => {
  it('passes qpdf --check', () => {
    const { status, output } = qpdfCheck(path);
    expect(output).toContain('No syntax or stream encoding errors');
    expect(status).toBe(0);
  });

  it('embeds every font as a tagged subset, Latin and CJK faces included', () => {
    const fonts = pdfFonts(path);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+/);
    }
    const names = fonts.map((font) => font.name.slice(7));
    expect(names).toContain('SourceSerif4-Regular');
    expect(names).toContain('NotoSansSC-Regular');
  });

  it('is byte-identical when rendered twice', async () => {
    const again = await render();
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('carries title, author, subject, keywords, language and the fixed date', async () => {
    const { doc } = structure;
    expect(doc.getTitle()).toBe('Classic Large Language Model Papers');
    expect(doc.getAuthor()).toBeTruthy();
    expect(doc.getSubject()).toContain('4 papers in 3 families');
    expect(doc.getKeywords()).toContain('中文模型系列');
    expect(structure.language).toBe('en');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });

  it('is A4 by default and US Letter on request', async () => {
    expect(structure.size.width).toBeCloseTo(595.28, 1);
    expect(structure.size.height).toBeCloseTo(841.89, 1);
    const letter = await readStructure(await render({ paperSize: 'letter' }));
    expect(letter.size).toEqual({ width: 612, height: 792 });
  });
});

describe.skipIf(noPdfTools)(`the text on the pages${skipNote(noPdfTools)}`, () => {
  it('holds every paper title and every conclusion', () => {
    const squeezed = squeeze(text);
    for (const paper of ast.papers) {
      expect(squeezed, paper.title).toContain(squeeze(paper.title));
      for (const conclusion of paper.conclusions)
        expect(squeezed, conclusion.text).toContain(squeeze(conclusion.text));
    }
  });

  it('keeps the Chinese paragraph whole and in reading order', () => {
    const paragraph =
      '开源的大模型大多以英文为主，中文能力有限。我们希望得到一个可以在单张消费级显卡上运行的双语对话模型（支持INT4量化），并且保持较好的中文理解与生成能力。';
    expect(squeeze(text)).toContain(squeeze(paragraph));
    expect(squeeze(text)).toContain('模型基于GLM架构，在大约1T个中英文标记上训练');
    expect(squeeze(text)).toContain('MixedEnglishwordssuchasRLHFandquantisationappearinthesameparagraph.');
    // The study is English (its headings mostly are): one language for every word of ours.
    expect(text).toContain('MAIN FINDINGS');
    expect(text).not.toContain('主要结论');
  });

  it("speaks the study's language: a Chinese study gets a Chinese report", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'studykit-report-zh-'));
    cpSync(join(fixtureDir, 'zh'), join(dir, 'zh'), { recursive: true });
    writeFileSync(join(dir, 'study.md'), '---\ntitle: 中文大模型论文\nlanguage: zh\n---\n');
    const chinese = await loadContent(dir, { currentYear: 2026 });
    const [file] = await renderReport(chinese, { date: '2026-11-29' });
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, file?.contents as Uint8Array);
    // Compared without white space: pdftotext may or may not keep the space in "第 1 章".
    const shown = pdfText(pdf).replace(/\s+/g, '');
    for (const word of [
      '中文大模型论文',
      '目录',
      '论文谱系',
      '第1章',
      '主要结论',
      '参考文献',
      '2026年11月29日',
      '作者',
    ]) {
      expect(shown, word).toContain(word);
    }
    for (const word of ['CHAPTER', 'Contents', 'Authors', 'MAINFINDINGS', 'November'])
      expect(shown, word).not.toContain(word);
    const doc = await PDFDocument.load(file?.contents as Uint8Array, { updateMetadata: false });
    expect(doc.getTitle()).toBe('中文大模型论文');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('never starts a Chinese line with closing punctuation', () => {
    const lines = pdfText(path, undefined, true)
      .split('\n')
      .map((line) => line.trim());
    const chinese = lines.filter((line) => /[\u4e00-\u9fff]/.test(line));
    expect(chinese.length).toBeGreaterThan(5);
    for (const line of chinese) expect(line, line).not.toMatch(/^[，。、）：；！？」』]/);
  });

  it('shows hostile strings literally and keeps unsafe links inert', () => {
    expect(text).toContain("<script>alert('pwn')</script> {{ constructor }} \\(x\\) %% end");
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('%%{init: {"theme": "dark"}}%%');
    expect(text).toContain('<div class="block">a raw html block</div>');
    expect(text).toContain("Robert'); DROP TABLE papers;--");
    expect(text).toContain('a javascript link stays plain text.');
    const uris = structure.links.flat().flatMap((link) => (link.uri ? [link.uri] : []));
    expect(uris).toContain('https://example.com/alpha-1.pdf');
    expect(uris.some((uri) => uri.startsWith('javascript'))).toBe(false);
    // Parentheses and angle brackets survive as a valid, percent-encoded URI; a backslash is a slash
    // in an http(s) URL, as every browser reads it (the kit's one link rule, @studykit/view).
    expect(uris).toContain('https://example.com/a(b)c/d?e=%3Cf%3E');
  });

  it('links a paper to its URL byte for byte: no percent escape decoded or encoded again', async () => {
    const url = 'https://example.com/wiki/GPT-3_%28model%29?q=a%2Fb%26c%3Dd#sec%20one';
    const papers = ast.papers.map((paper) => (paper.id === 'alpha-2' ? { ...paper, url } : paper));
    const { links } = await readStructure(
      (await renderReport({ ...ast, papers }, { date: '2026-11-29' }))[0]?.contents as Uint8Array,
    );
    const uris = links.flat().flatMap((link) => (link.uri?.includes('GPT-3') ? [link.uri] : []));
    // The facts block and the reference list; before, both read `?q=a%252Fb%2526c%253Dd`.
    expect(uris.length).toBeGreaterThanOrEqual(2);
    for (const uri of uris) expect(uri).toBe(url);
  });

  it('prints the facts block of each paper', () => {
    expect(text).toContain('Ada Lovelace, Alan Turing');
    expect(text).toContain('Alpha technical report');
    expect(text).toContain('117M');
    expect(text).toContain('https://example.com/alpha-1.pdf');
    // "Builds on" names the earlier paper and links to it.
    expect(text).toContain('Alpha-1 (scales up)');
    const papers = structure.outline[2]?.children ?? [];
    const [first, second] = papers;
    expect(structure.links[second?.page ?? 0]?.some((link) => link.page === first?.page)).toBe(true);
  });

  it('names concurrent work in a row of its own, never under "Builds on"', async () => {
    const papers = ast.papers.map((paper) =>
      paper.id === 'alpha-2'
        ? { ...paper, buildsOn: paper.buildsOn.map((link) => ({ ...link, kind: 'concurrent' as const })) }
        : paper,
    );
    const pdf = writeTemp(
      (await renderReport({ ...ast, papers }, { date: '2026-11-29' }))[0]?.contents as Uint8Array,
    );
    const shown = pdfText(pdf);
    // Row labels are set in capitals.
    expect(shown).toMatch(/CONCURRENT WORK\s+Alpha-1\s/);
    expect(shown).not.toContain('BUILDS ON');
    expect(shown).not.toContain('(concurrent work)');
  });

  it('repeats nothing from speaker notes and keeps the table cells', () => {
    expect(text).toContain('Supervised fine-tuning on human demonstrations');
    expect(text).toContain('中英双语对话模型，经过监督微调和人类反馈强化学习');
  });

  it('lists the references in APA 7 (formatReferences), each with its http(s) link', () => {
    for (const reference of [
      'Lovelace, A., & Turing, A. (2018). Improving Alpha Understanding by Generative Pre-Training [Technical report]. Alpha Lab. https://example.com/alpha-1.pdf',
      'Hopper, G. (2019). Alpha Models are Unsupervised Multitask Learners. Alpha blog. https://example.com/alpha-2',
      '张三 & 李四. (2023). 中文对话模型：开放的双语对话语言模型. GitHub. https://example.com/zh-chat',
    ])
      expect(squeeze(text)).toContain(squeeze(reference));
    const page = structure.outline.find((entry) => entry.title === 'References')?.page ?? -1;
    const uris = (structure.links[page] ?? []).flatMap((link) => (link.uri ? [link.uri] : []));
    expect(uris).toEqual(
      expect.arrayContaining([
        'https://example.com/alpha-1.pdf',
        'https://example.com/alpha-2',
        'https://example.com/zh-chat',
      ]),
    );
  });
});

describe.skipIf(noPdfTools)(`navigation${skipNote(noPdfTools)}`, () => {
  it('nests the outline family → paper, each pointing at the page that holds its title', () => {
    const top = structure.outline.map((item) => item.title);
    expect(top).toEqual([
      'Contents',
      'Lineage of the papers',
      '1. Alpha transformer line',
      '2. 中文模型系列',
      '3. Hostile <b>family</b> {{ $emit }}',
      'References',
      'Index',
    ]);
    const alpha = structure.outline[2];
    expect(alpha?.children.map((child) => child.title)).toEqual([
      'Alpha-1: Improving Alpha Understanding by Generative Pre-Training',
      'Alpha-2: Alpha Models are Unsupervised Multitask Learners',
    ]);
    for (const family of structure.outline.slice(2, 5)) {
      for (const child of family.children) {
        const paper = ast.papers.find((candidate) => child.title.endsWith(candidate.title));
        expect(paper, child.title).toBeDefined();
        expect(squeeze(pageText(child.page))).toContain(squeeze(paper?.title ?? ''));
      }
    }
  });

  it('links every TOC entry to the page it names, and prints that page number', () => {
    const tocLinks = structure.links[1] ?? [];
    expect(tocLinks.length).toBeGreaterThan(8);
    const toc = pageText(1, true);
    for (const paper of ast.papers) {
      const target = structure.outline
        .flatMap((item) => item.children)
        .find((item) => item.title.endsWith(paper.title));
      expect(target).toBeDefined();
      expect(tocLinks.some((link) => link.page === target?.page)).toBe(true);
    }
    // The printed number next to an entry equals the target page's label.
    const zhPage = structure.outline[3]?.children[0]?.page ?? -1;
    const bodyStart = structure.pageLabels.find((range) => range.style === 'D')?.start ?? 0;
    const label = String(zhPage - bodyStart + 1);
    expect(toc).toMatch(new RegExp(`中文对话模型：开放的双语对话语言模型[ .]*${label}`));
    for (const link of tocLinks) expect(link.page).toBeGreaterThan(1);
  });

  it('labels pages Cover, roman front matter, arabic body, matching the printed folios', () => {
    const labels = structure.pageLabels;
    expect(labels[0]).toEqual({ start: 0, prefix: 'Cover' });
    expect(labels[1]).toEqual({ start: 1, style: 'r' });
    expect(labels[2]?.style).toBe('D');
    const bodyStart = labels[2]?.start ?? 0;
    expect(bodyStart).toBe(3);
    // Folios: the last line printed on a page is its number.
    const folio = (page: number) => pageText(page, true).trim().split('\n').pop()?.trim();
    expect(folio(1)).toBe('i');
    expect(folio(2)).toBe('ii');
    expect(folio(bodyStart)).toBe('1');
    expect(folio(structure.pageCount - 1)).toBe(String(structure.pageCount - bodyStart));
  });

  it('ends with an index of tags whose page numbers point at the papers', () => {
    const indexItem = structure.outline.find((item) => item.title === 'Index');
    expect(indexItem).toBeDefined();
    const indexText = pageText(indexItem?.page ?? 0, true);
    const zhPage = structure.outline[3]?.children[0]?.page ?? -1;
    const bodyStart = structure.pageLabels.find((range) => range.style === 'D')?.start ?? 0;
    expect(indexText).toMatch(new RegExp(`量化\\s+中文对话.${zhPage - bodyStart + 1}`));
    const links = structure.links[indexItem?.page ?? 0] ?? [];
    expect(links.some((link) => link.page === zhPage)).toBe(true);
  });

  it('shows a running header with the report title and the chapter on body pages', () => {
    const pagesWithHeader = Array.from({ length: structure.pageCount }, (_, page) => pageText(page)).filter(
      (page) =>
        page.startsWith('Classic Large Language Model Papers') || page.startsWith('Alpha transformer line'),
    );
    expect(pagesWithHeader.length).toBeGreaterThan(0);
  });
});

describe.skipIf(noPdfTools)(`ink on the page${skipNote(noPdfTools)}`, () => {
  it('draws visible glyphs for Latin, bold, CJK and monospaced words', () => {
    const checks: { page: number; word: string }[] = [];
    const find = (word: string) => {
      for (let page = 1; page <= structure.pageCount; page++) {
        if (wordBoxes(path, page).some((box) => box.text === word)) return page;
      }
      return -1;
    };
    for (const word of [
      'Generative',
      '中文对话模型：开放的双语对话语言模型',
      'peak',
      'Lovelace,',
      '六十二亿参数的双语模型经过对齐以后可以进行流畅的中文对话。',
    ]) {
      const page = find(word);
      expect(page, word).toBeGreaterThan(0);
      checks.push({ page, word });
    }
    for (const { page, word } of checks) {
      const image = renderGrey(path, page);
      const box = wordBoxes(path, page).find((candidate) => candidate.text === word);
      expect(box).toBeDefined();
      if (box) expect(inkIn(image, box), word).toBeGreaterThan(0.04);
    }
  });
});

describe.skipIf(noPdfTools)(`options${skipNote(noPdfTools)}`, () => {
  it('renders a subset of families and rejects an unknown one', async () => {
    const subset = await render({ families: ['zh'] });
    const subsetText = pdfText(writeTemp(subset));
    expect(subsetText).toContain('中文对话模型');
    expect(subsetText).not.toContain('Alpha Models are Unsupervised');
    await expect(render({ families: ['nope'] })).rejects.toThrow(/Unknown family: nope/);
  });

  it('embeds the lineage PDF as vector art, or shows a placeholder page', async () => {
    expect(pageText(2)).toContain('Lineage diagram not built');
    const lineage = await PDFDocument.create();
    const page = lineage.addPage([800, 400]);
    page.drawText('LINEAGE-DIAGRAM-MARKER', {
      x: 40,
      y: 200,
      size: 24,
      font: await lineage.embedFont(StandardFonts.Helvetica),
    });
    const withDiagram = writeTemp(await render({ lineagePdf: await lineage.save() }));
    const lineagePage = pdfText(withDiagram, 3);
    expect(lineagePage).toContain('LINEAGE-DIAGRAM-MARKER');
    expect(lineagePage).not.toContain('not built');
    expect(qpdfCheck(withDiagram).status).toBe(0);
    const broken = writeTemp(await render({ lineagePdf: new TextEncoder().encode('not a pdf') }));
    expect(pdfText(broken, 3)).toContain('could not be read');
  });

  it('prints each family’s own diagram in its chapter, after the overview, with a caption', async () => {
    const diagrams = await PDFDocument.create();
    const font = await diagrams.embedFont(StandardFonts.Helvetica);
    for (const id of ['alpha', 'zh']) {
      diagrams
        .addPage([900, 300])
        .drawText(`FAMILY-DIAGRAM-${id.toUpperCase()}`, { x: 20, y: 150, size: 24, font });
    }
    const pdf = await render({ familyDiagrams: { pdf: await diagrams.save(), families: ['alpha', 'zh'] } });
    const pages = pdfText(writeTemp(pdf)).split('\f');
    const pageWith = (marker: string) => pages.find((page) => page.includes(marker)) ?? '';
    // On the chapter's opening page, after the overview and before the first paper.
    const alpha = squeeze(pageWith('FAMILY-DIAGRAM-ALPHA'));
    expect(alpha).toContain(squeeze('Alpha transformer line'));
    expect(alpha.indexOf('FAMILY-DIAGRAM-ALPHA')).toBeLessThan(
      alpha.indexOf(squeeze('How the papers of Alpha transformer line build on one another')),
    );
    expect(squeeze(pageWith('FAMILY-DIAGRAM-ZH'))).toContain('中文模型系列');
    // A family without a diagram has no figure; the report stays valid.
    expect(pages.filter((page) => squeeze(page).includes(squeeze('How the papers of')))).toHaveLength(2);
    expect(qpdfCheck(writeTemp(pdf)).status).toBe(0);
    // Diagrams that do not match the families (another content's PDF) are left out, never misplaced.
    const mismatched = await render({ familyDiagrams: { pdf: await diagrams.save(), families: ['alpha'] } });
    expect(pdfText(writeTemp(mismatched))).not.toContain('FAMILY-DIAGRAM');
  });

  it('rejects a malformed date and reports progress', async () => {
    await expect(render({ date: '2026-02-30' })).rejects.toThrow(/Invalid report date/);
    const steps: string[] = [];
    await render({ onProgress: (event) => steps.push(`${event.done}/${event.total}`) });
    expect(steps[0]).toBe('0/5');
    expect(steps[steps.length - 1]).toBe('5/5');
  });
});
