import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@studykit/core';
import { MermaidRenderer, PNG_SCALE } from '@studykit/diagram';
import { paperLabel, toMermaid, wrapLabel } from '@studykit/lineage-mermaid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE, study } from '../../../packages/lineage-mermaid/test/fixture.js';
import { HOSTILE_LABELS, shown } from '../../../packages/lineage-mermaid/test/hostile.js';
import { missingTool, skipNote } from '../../../tests/skips.js';
import { renderLineage } from '../src/index.js';
import { Inspector } from './inspect.js';

const noRsvg = missingTool('rsvg-convert');
const noPoppler = missingTool('pdftotext');

let renderer: MermaidRenderer;
let inspector: Inspector;

beforeAll(async () => {
  [renderer, inspector] = await Promise.all([MermaidRenderer.launch(), Inspector.launch()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([renderer?.close(), inspector?.close()]);
});

const text = (files: { path: string; contents: string | Uint8Array }[], path: string): string => {
  const file = files.find((candidate) => candidate.path === path);
  if (!file || typeof file.contents !== 'string') throw new Error(`no text file ${path}`);
  return file.contents;
};
const bytes = (files: { path: string; contents: string | Uint8Array }[], path: string): Uint8Array => {
  const file = files.find((candidate) => candidate.path === path);
  if (!file || typeof file.contents === 'string') throw new Error(`no binary file ${path}`);
  return file.contents;
};

describe('renderLineage', () => {
  let files: Awaited<ReturnType<typeof renderLineage>>;
  beforeAll(async () => {
    files = await renderLineage(FIXTURE, { renderer });
  }, 60_000);

  test('writes the whole lineage in four formats, each family as .mmd and .svg, and the families as one PDF', () => {
    const families = ['openai', 'anthropic', 'llama', 'glm'];
    expect(files.map((file) => file.path).sort()).toEqual(
      [
        ...['mmd', 'svg', 'png', 'pdf'].map((ext) => `lineage/lineage.${ext}`),
        ...families.flatMap((family) => [`lineage/lineage-${family}.mmd`, `lineage/lineage-${family}.svg`]),
        'lineage/lineage-families.pdf',
      ].sort(),
    );
    expect(text(files, 'lineage/lineage.mmd')).toBe(toMermaid(FIXTURE, { direction: 'TB' }));
  });

  test('the SVG shows every paper, every family and every edge label, as SVG text', async () => {
    const view = await inspector.svg(text(files, 'lineage/lineage.svg'));
    for (const paper of FIXTURE.papers) expect(view.texts).toContain(paperLabel(paper));
    for (const family of FIXTURE.families) expect(view.texts).toContain(family.name);
    expect(view.texts).toContain('RLHF on GPT-3');
    expect(view.texts).toContain('uses data');
    expect(view.tags).not.toContain('foreignObject');
    expect(view.links).toContain('https://arxiv.org/abs/2005.14165');
    const svg = text(files, 'lineage/lineage.svg');
    // Every builds_on edge is a path between the two papers' generated ids.
    const edgePaths = svg.match(/data-id="L_n\d+_n\d+_\d+"/g) ?? [];
    expect(new Set(edgePaths).size).toBeGreaterThanOrEqual(FIXTURE.edges.length);
  });

  test('the SVG stands alone: sized and namespaced', () => {
    const svg = text(files, 'lineage/lineage.svg');
    expect(svg).toMatch(/^<\?xml [^>]*\?>\n<svg [^>]*width="\d+"[^>]*height="\d+"/);
    expect(svg).toContain('xmlns:xlink="http://www.w3.org/1999/xlink"');
  });

  test.skipIf(noRsvg)(
    `the SVG is readable by a non-browser renderer (rsvg-convert)${skipNote(noRsvg)}`,
    () => {
      const svg = text(files, 'lineage/lineage.svg');
      const converted = execFileSync('rsvg-convert', ['--format', 'png'], {
        input: svg,
        maxBuffer: 64 << 20,
      });
      expect(converted.subarray(1, 4).toString()).toBe('PNG');
    },
  );

  test('the PNG is 2× the diagram, not blank, and shows the family colours', async () => {
    const view = await inspector.svg(text(files, 'lineage/lineage.svg'));
    const png = await inspector.png(bytes(files, 'lineage/lineage.png'));
    expect(png.width).toBe(Math.round(view.width) * PNG_SCALE);
    expect(png.height).toBe(Math.round(view.height) * PNG_SCALE);
    expect(png.inked).toBeGreaterThan(0.05);
    expect(await png.has('#10a37f')).toBe(true);
    expect(await png.has('#cc3333')).toBe(true);
  });

  test('the PDF is one vector page with the labels as text', () => {
    const pdf = Buffer.from(bytes(files, 'lineage/lineage.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    expect(raw).not.toMatch(/\/Subtype\s*\/Image/);
    expect(raw).toMatch(/\/FontFile2/);
  });

  test.skipIf(noPoppler)(
    `the PDF's labels can be extracted as text (pdftotext)${skipNote(noPoppler)}`,
    () => {
      const pdf = Buffer.from(bytes(files, 'lineage/lineage.pdf'));
      const extracted = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
      expect(extracted).toContain('GPT-3 · 2020 · 175B');
    },
  );

  test.skipIf(noPoppler)(
    `lineage-families.pdf holds every family's diagram, a page each the diagram's size${skipNote(noPoppler)}`,
    async () => {
      const pdf = Buffer.from(bytes(files, 'lineage/lineage-families.pdf'));
      const families = FIXTURE.families.filter((family) =>
        FIXTURE.papers.some((p) => p.family === family.id),
      );
      const pages = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString().split('\f');
      families.forEach((family, index) => {
        expect(pages[index], family.id).toContain(family.name);
      });
      // Page sizes follow the diagrams (CSS px → pt, one spare pixel), not one size for all.
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(families.length), '-'], { input: pdf })
        .toString()
        .match(/Page +\d+ size: +([\d.]+) x ([\d.]+)/g);
      expect(info).toHaveLength(families.length);
      const llama = await inspector.svg(text(files, 'lineage/lineage-llama.svg'));
      const llamaPage = info?.[families.findIndex((family) => family.id === 'llama')] ?? '';
      const [, width] = /size: +([\d.]+)/.exec(llamaPage) ?? [];
      expect(Number(width)).toBeCloseTo(Math.ceil(llama.width) * 0.75, 0);
      expect(new Set(info).size).toBeGreaterThan(1);
    },
  );

  test('each family diagram shows only its papers and its outside predecessors', async () => {
    const view = await inspector.svg(text(files, 'lineage/lineage-llama.svg'));
    expect(view.texts).toEqual(
      expect.arrayContaining(['LLaMA · 2023 · 65B', 'Alpaca · 2023 · 7B', 'GPT-3 · 2020 · 175B']),
    );
    expect(view.texts).not.toContain('GPT-2 · 2019 · 1.5B');
    expect(view.texts).not.toContain('GLM · 2021 · 10B');
  });

  test('rendering again in the warm page gives the same files', async () => {
    const again = await renderLineage(FIXTURE, { renderer });
    expect(text(again, 'lineage/lineage.svg')).toBe(text(files, 'lineage/lineage.svg'));
    expect(text(again, 'lineage/lineage-glm.svg')).toBe(text(files, 'lineage/lineage-glm.svg'));
  }, 60_000);
});

describe('click links', () => {
  test('each paper links to its URL byte for byte: mermaid decodes none of its percent escapes', async () => {
    const urls = [
      'https://example.com/wiki/GPT-3_%28model%29?q=a%2Fb%26c%3Dd#sec%20one',
      'https://example.org/a;v=1?x=1&y=%3B#b;c',
    ];
    const ast = {
      ...FIXTURE,
      papers: FIXTURE.papers.map((paper, index) => ({ ...paper, url: urls[index] ?? paper.url })),
    };
    const mmd = toMermaid(ast);
    for (const url of urls) expect(mmd).toContain(`href "${url}" _blank`);
    const view = await inspector.svg((await renderer.renderSvg(mmd, { id: 'links' })).svg);
    // Before, mermaid's own href read `?q=a/b&c=d`.
    expect([...view.links].sort()).toEqual(ast.papers.map((paper) => paper.url).sort());
  }, 60_000);
});

describe('hostile and international labels', () => {
  const hostile = study(
    [{ id: 'evil', name: '"]; end %%{init: {"theme":"dark"}}%% <b>family</b>', colour: '#123', order: 1 }],
    HOSTILE_LABELS.map((label, i) => ({
      id: `p${i}`,
      family: 'evil',
      short: label,
      year: 2000 + i,
      url: i === 0 ? 'javascript:alert(1)' : `https://example.org/${i}`,
      ...(i > 0 ? { buildsOn: [{ id: `p${i - 1}`, label: `edge ${label}` }] } : {}),
    })),
  );

  test('parse with mermaid and show literally in the browser', async () => {
    const mmd = toMermaid(hostile);
    await renderer.validate(mmd);
    const { svg } = await renderer.renderSvg(mmd, { id: 'hostile' });
    const view = await inspector.svg(svg);
    // Edge labels are wrapped by us at word boundaries, long ones shortened with "…" (label-width.ts):
    // compare them without whitespace. Node labels stay on one line and must match exactly.
    const squash = (s: string) => s.replace(/\s+/g, '');
    for (const [i, label] of HOSTILE_LABELS.entries()) {
      expect(view.texts).toContain(`${shown(label)} · ${2000 + i}`);
      if (i > 0) expect(view.texts.map(squash)).toContain(squash(wrapLabel(`edge ${label}`).join(' ')));
    }
    expect(view.texts).toContain('"]; end %%{init: {"theme":"dark"}}%% <b>family</b>');
    // Nothing was interpreted: no markup elements, no dark theme, no script link.
    for (const tag of ['script', 'img', 'b', 'foreignObject']) expect(view.tags).not.toContain(tag);
    expect(svg).not.toMatch(/<[^>]*\sonerror=/); // shown as text (&lt;img …), never an attribute
    expect(svg).toMatch(/fill:#ECECFF/i); // the default theme's node fill …
    expect(svg).not.toMatch(/#1f2020/i); // … not the dark theme's
    expect(view.links.some((link) => link.startsWith('javascript'))).toBe(false);
  }, 60_000);

  test('a Chinese lineage renders with real glyphs', async () => {
    const chinese = (name: string) =>
      study(
        [{ id: 'glm', name: '清华大学', colour: '#c33', order: 1 }],
        [
          { id: 'a', family: 'glm', short: name, year: 2021, parameters: ['10B'] },
          {
            id: 'b',
            family: 'glm',
            short: 'ChatGLM-6B',
            year: 2023,
            buildsOn: [{ id: 'a', label: '指令微调' }],
          },
        ],
      );
    const first = await renderer.render(toMermaid(chinese('通用语言模型')));
    const view = await inspector.svg(first.svg);
    expect(view.texts).toEqual(expect.arrayContaining(['通用语言模型 · 2021 · 10B', '指令微调', '清华大学']));
    // Missing glyphs are drawn as identical boxes: two different same-length names would then look the same.
    const second = await renderer.render(toMermaid(chinese('自回归填空')));
    const third = await renderer.render(toMermaid(chinese('预训练模型')));
    expect(Buffer.compare(Buffer.from(second.png), Buffer.from(third.png))).not.toBe(0);
    expect(Buffer.from(third.pdf).toString('latin1')).toMatch(/NotoSansSC/);
  }, 60_000);
});

describe('markdown content parsed by @studykit/core', () => {
  test('a Chinese content folder becomes a Chinese diagram', async () => {
    const folder = fileURLToPath(new URL('./content-zh', import.meta.url));
    const files = await Promise.all(
      ['glm/family.md', 'glm/glm.md', 'glm/chatglm-6b.md'].map(async (path) => ({
        path,
        contents: await readFile(join(folder, path), 'utf8'),
      })),
    );
    const ast = parse(files);
    expect(ast.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const rendered = await renderLineage(ast, { renderer });
    const view = await inspector.svg(text(rendered, 'lineage/lineage.svg'));
    expect(view.texts).toEqual(
      expect.arrayContaining([
        '清华 GLM 系列',
        '通用语言模型 · 2022 · 10B',
        'ChatGLM-6B 对话模型 · 2023 · 6.2B',
      ]),
    );
    expect(view.texts.map((t) => t.replace(/\s+/g, ''))).toContain('指令微调+人类反馈"RLHF"');
    expect(text(rendered, 'lineage/lineage-glm.mmd')).toContain('通用语言模型');
    // Opened on its own, the SVG draws every label with the subsets it embeds, never a system font.
    const fonts = await inspector.drawnFonts();
    expect(fonts.filter((font) => !font.custom)).toEqual([]);
    expect(fonts.map((font) => font.family)).toEqual(
      expect.arrayContaining(['Source Sans 3', 'Noto Sans SC']),
    );
    expect(text(rendered, 'lineage/lineage.svg')).toMatch(
      /@font-face \{ font-family: 'Studykit CJK'.*data:font\/woff2;base64,/,
    );
  }, 60_000);
});

describe('blank names', () => {
  test('empty and whitespace-only names still parse and render', async () => {
    const blank = study(
      [{ id: 'f', name: '   ', colour: '#123456', order: 1 }],
      [
        { id: 'a', family: 'f', short: '\n', year: 2020 },
        { id: 'b', family: 'f', short: 'B', year: 2021, buildsOn: [{ id: 'a', label: ' ' }] },
      ],
    );
    const { svg } = await renderer.renderSvg(toMermaid(blank));
    expect((await inspector.svg(svg)).texts).toContain('B · 2021');
  });
});
