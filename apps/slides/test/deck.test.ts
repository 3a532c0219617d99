import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StudyAst } from '@studykit/core';
import type { Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { chunkBlocks } from '../src/chunks.js';
import type { DeckOptions, DeckSlide, SlidePlan } from '../src/deck.js';
import { contentHtml } from '../src/escape.js';
import { planDeck, toSlidevMarkdown } from '../src/index.js';
import { phrasingToHtml, tableToHtml } from '../src/mdast-html.js';
import { joinChunks } from '../src/paginate.js';
import { fixtureAst } from './fixtures.js';

const ast = fixtureAst();

/** A plan's body HTML as one page (layout-deck.ts may cut it into several after measuring). */
function bodyOf(plan: SlidePlan): string {
  const body = plan.body;
  if (body.type === 'fixed') return body.html;
  if (body.type === 'flow') return joinChunks(body.chunks);
  return '<div class="sk-diagram"><svg></svg></div>';
}

/** Every plan as one unmeasured slide: what the markdown writer's tests need. */
function unmeasured(family: string, options: DeckOptions = {}, study: StudyAst = ast): DeckSlide[] {
  return planDeck(study, family, options).map((plan) => ({
    kind: plan.kind,
    title: plan.title,
    kicker: plan.kicker,
    notes: plan.notes,
    bodyHtml: bodyOf(plan),
    zoom: 1,
  }));
}

const buildDeck = (family: string, options: DeckOptions = {}) => unmeasured(family, options);

/** The slides of a generated slides.md: the text between frontmatter blocks. */
function slideBodies(markdown: string): string[] {
  return markdown
    .split(/^---\n[\s\S]*?\n---\n/m)
    .slice(1)
    .map((body) => body.trim());
}

describe('fixture', () => {
  it('parses without errors', () => {
    expect(ast.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ast.families.map((f) => f.id)).toEqual(['demo', 'zh', 'hostile']);
  });
});

describe('planDeck', () => {
  const slides = buildDeck('demo');
  const titles = slides.map((s) => s.title);

  it('opens with the family, an agenda and the lineage, and ends with a comparison and references', () => {
    expect(slides[0]).toMatchObject({ kind: 'cover', title: 'Demo language models' });
    expect(slides[0]?.bodyHtml).toContain('Demo Lab · 2018–2019');
    expect(titles.slice(1, 4)).toEqual(['Agenda', 'Overview', 'Lineage']);
    const lineage = planDeck(ast, 'demo').find((s) => s.kind === 'lineage')?.body;
    expect(lineage?.type === 'diagram' && lineage.mermaid.LR).toContain('Alpha-1');
    expect(lineage?.type === 'diagram' && lineage.mermaid.TB).toMatch(/^flowchart TB$/m);
    expect(titles.slice(-3)).toEqual(['Capability table', 'Comparison', 'References']);
  });

  it('gives each paper, in year order, a title slide with its facts and its sections', () => {
    const first = titles.indexOf('Alpha-1');
    const second = titles.indexOf('Alpha-2');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(titles.slice(first, first + 6)).toEqual([
      'Alpha-1',
      'Motivation',
      'Approach',
      'Details',
      'Results',
      'Conclusions',
    ]);
    const facts = slides[second]?.bodyHtml ?? '';
    expect(facts).toContain('Language Models are Unsupervised Multitask Learners at Scale');
    expect(facts).toContain('117M, 345M, 762M, 1.5B');
    expect(facts).toContain('scales up Alpha-1');
    expect(facts).toContain('et al. (10 authors)');
    expect(facts).toContain('href="https://example.org/alpha-2"');
  });

  it('names concurrent work in a row of its own, never under "Builds on" (HH-RLHF and InstructGPT)', () => {
    const study = structuredClone(ast);
    const alpha2 = study.papers.find((paper) => paper.id === 'alpha-2');
    if (!alpha2) throw new Error('the fixture lost alpha-2');
    alpha2.buildsOn = [
      { ...alpha2.buildsOn[0], id: 'alpha-1', kind: 'concurrent', label: 'the same spring' },
    ];
    const deck = unmeasured('demo', {}, study);
    const facts = deck.find((slide) => slide.title === 'Alpha-2')?.bodyHtml ?? '';
    expect(facts).toContain('Concurrent work');
    expect(facts).toContain('Alpha-1 (the same spring)');
    expect(facts).not.toContain('Builds on');
    expect(facts).not.toContain('concurrent with');
    // The comparison's "Builds on" column has nothing left to show.
    const comparison = deck.find((slide) => slide.kind === 'comparison')?.bodyHtml ?? '';
    expect(comparison).not.toContain('<th>Builds on</th>');
  });

  it('keeps reference-style links and shows footnotes on the section that cites them', () => {
    const approach = slides.find((s) => s.title === 'Approach')?.bodyHtml ?? '';
    expect(approach).toContain('<a href="https://example.org/semi-supervised"');
    expect(approach).toContain('of work.<sup class="sk-fn">1</sup>');
    expect(approach).toContain(
      '<p class="sk-footnote"><sup class="sk-fn">1</sup> Unsupervised pre-training, then supervised fine-tuning.</p>',
    );
  });

  it('tells main conclusions from secondary ones', () => {
    const conclusions = slides.find((s) => s.kind === 'conclusions')?.bodyHtml ?? '';
    expect(conclusions).toMatch(/<ul class="sk-conclusions sk-main"><li>Generative pre-training/);
    expect(conclusions).toMatch(/<ul class="sk-conclusions sk-secondary"><li>Zero-shot behaviour/);
  });

  it('attaches speaker notes to the paper and section slides they name', () => {
    const paper = slides.find((s) => s.title === 'Alpha-1');
    expect(paper?.notes.map((n) => n.text).join(' ')).toContain('Start with the scarcity of labels');
    const approach = slides.find((s) => s.title === 'Approach');
    expect(approach?.notes.map((n) => n.text).join(' ')).toContain('only the input format changes');
  });

  it('compares the papers in a table and lists references with links', () => {
    const comparison = slides.find((s) => s.kind === 'comparison')?.bodyHtml ?? '';
    expect(comparison).toContain('<th>Model</th>');
    expect(comparison).toContain('<td class="sk-align-right">4 sizes, up to 1.5B</td>');
    const references = slides.find((s) => s.kind === 'references')?.bodyHtml ?? '';
    expect(references).toContain('href="https://example.org/alpha-1"');
    // APA 7 from formatReferences: every author (up to 20), "&" before the last one, escaped as HTML.
    expect(references).toContain(
      '<strong>Alpha-1</strong> — Lovelace, A., Turing, A., &amp; Hopper, G. (2018). Improving Language Understanding with Generative Pre-Training on Unlabelled Text. Demo Workshop 2018. <a href="https://example.org/alpha-1"',
    );
    expect(references).toContain(
      'Thompson, K., &amp; Ritchie, D. (2019). Language Models are Unsupervised Multitask Learners at Scale. Demo Blog. <a href="https://example.org/alpha-2"',
    );
  });

  it('shows hostile titles and authors literally in the APA references', () => {
    const references = buildDeck('hostile').find((s) => s.kind === 'references')?.bodyHtml ?? '';
    const [paper] = ast.papers.filter((candidate) => candidate.family === 'hostile');
    expect(references).toContain(contentHtml(`${paper?.title}.`));
    expect(references).toContain(contentHtml(paper?.authors[0] ?? 'missing author'));
  });

  it("compares with each paper's headline, never a finding cut with '…', numbers right-aligned", () => {
    const comparisonOf = (study: StudyAst) =>
      bodyOf(planDeck(study, 'demo').find((plan) => plan.kind === 'comparison') as SlidePlan);
    const withHeadlines = structuredClone(ast);
    for (const paper of withHeadlines.papers) paper.headline = `What ${paper.year} showed`;
    const table = comparisonOf(withHeadlines);
    expect(table).toContain('<td>What 2018 showed</td>');
    expect(table).toContain('<th class="sk-align-right">Year</th>');
    expect(table).toMatch(/<td class="sk-align-right">\d{4}<\/td>/);
    // Without headlines a finding is shown whole when it is one short line, else not at all.
    expect(comparisonOf(ast)).not.toContain('…');
  });

  it('keeps a code chip on one line with the bracket before it and the punctuation after it', () => {
    expect(
      phrasingToHtml([
        { type: 'text', value: 'GPT-3 (' },
        { type: 'inlineCode', value: 'davinci' },
        { type: 'text', value: '): a base model' },
      ]),
    ).toBe('GPT-3 <span class="sk-glue">(<code>davinci</code>):</span> a base model');
    expect(
      phrasingToHtml([
        { type: 'text', value: 'see ' },
        { type: 'inlineCode', value: 'x' },
      ]),
    ).toBe('see <code>x</code>');
  });

  it('keeps the glued chip whole when a tall paragraph is divided between slides', () => {
    const [chunk] = chunkBlocks([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'The base model (' },
          { type: 'inlineCode', value: 'davinci' },
          { type: 'text', value: '), then more.' },
        ],
      },
    ]);
    const atoms = chunk?.divisible?.atoms ?? [];
    expect(atoms).toContain('<span class="sk-glue">(<code>davinci</code>),</span>');
    // The atoms still spell the paragraph as it is shown whole.
    expect(`<p>${atoms.join('')}</p>`).toBe(chunk?.html);
  });

  it('keeps short hyphenated words whole in table cells and right-aligns columns of numbers', () => {
    const table: Table = {
      type: 'table',
      align: [null, null, 'center'],
      children: [
        ['Model', 'Layers', 'Note'],
        ['ChatGLM-6B', '28', 'text-davinci-003-and-more'],
        ['GPT-3', '96', ''],
      ].map((values) => ({
        type: 'tableRow',
        children: values.map((value) => ({
          type: 'tableCell',
          children: value ? [{ type: 'text', value }] : [],
        })),
      })),
    };
    const html = tableToHtml(table, table.children.slice(1));
    expect(html).toContain('<th class="sk-align-right">Layers</th>');
    expect(html).toContain('<td class="sk-align-right">28</td>');
    expect(html).toContain('<th class="sk-align-center">Note</th>');
    expect(html).toContain('<td><span class="sk-nobreak">ChatGLM-6B</span></td>');
    // A long run may still break: a narrow column must not overflow.
    expect(html).toContain('<td class="sk-align-center sk-break">text-davinci-003-and-more</td>');
  });

  it('works for Chinese content', () => {
    const zh = buildDeck('zh');
    expect(zh.map((s) => s.title)).toEqual(
      expect.arrayContaining(['GLM 演示', '动机', '方法', '议程', '结论', '对比', '参考文献']),
    );
    expect(zh.find((s) => s.kind === 'paper')?.bodyHtml).toContain(
      '<dt>作者</dt><dd>杜政晓, 钱聿杰, 刘潇, 丁铭</dd>',
    );
    expect(zh.find((s) => s.kind === 'conclusions')?.bodyHtml).toContain('主要结论');
    expect(
      zh
        .find((s) => s.title === '方法')
        ?.notes.map((n) => n.text)
        .join(''),
    ).toContain('二维位置编码');
  });

  it('rejects an unknown family', () => {
    expect(() => buildDeck('nope')).toThrow(/Unknown family "nope" \(known families: demo, zh, hostile\)/);
  });

  it('leaves the lineage slide out on request', () => {
    expect(buildDeck('demo', { mermaid: null }).some((s) => s.kind === 'lineage')).toBe(false);
  });
});

const markdownOf = (family: string, withNotes = true) =>
  toSlidevMarkdown(unmeasured(family), { title: family, withNotes });

describe('toSlidevMarkdown', () => {
  const markdown = markdownOf('hostile');
  const bodies = slideBodies(markdown);

  it('speaks the deck’s language: <html lang>, and a tab titled without "- Slidev"', () => {
    expect(markdown).toContain('lang: "en"');
    expect(markdown).toContain('titleTemplate: "%s"');
    const chinese = toSlidevMarkdown(unmeasured('zh'), { title: '中文', language: 'zh' });
    expect(chinese).toContain('lang: "zh-Hans"');
  });

  it('configures an offline, hash-routed deck', () => {
    expect(markdown.startsWith('---\ntheme: "default"\n')).toBe(true);
    expect(markdown).toContain('routerMode: "hash"');
    expect(markdown).toContain('"provider":"none"');
    expect(markdown).toContain('favicon: "data:image/svg+xml');
    // Only content links (not fetched) and the favicon's SVG namespace name.
    expect(markdown).not.toMatch(/https?:\/\/(?!example\.(org|com)|www\.w3\.org\/2000\/svg)/);
  });

  it('has one slide per deck slide', () => {
    expect(bodies.length).toBe(buildDeck('hostile').length);
  });

  it('keeps every piece of content inside a v-pre element, escaped', () => {
    for (const body of bodies) {
      const [html = '', ...rest] = body.split('\n');
      expect(html).toMatch(/^<div v-pre class="sk-slide /);
      // Nothing after the HTML line but the lineage diagram and the notes comment.
      const tail = rest.join('\n');
      expect(tail.replace(/<!--[\s\S]*-->/, '').trim()).toBe('');
    }
    expect(markdown).not.toContain('<script');
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('<style');
    // Every `---` line is one of the two fences of a slide's frontmatter: no content line starts a slide.
    expect(markdown.match(/^---$/gm)?.length).toBe(2 * bodies.length);
    expect(markdown).toContain('Hostile {{ 7*7 }} &lt;script&gt;window.__pwned=1&lt;/script&gt;');
  });

  it('drops unsafe link targets and keeps http(s) ones', () => {
    expect(markdown).not.toContain('javascript:');
    expect(markdown).toContain('href="https://example.org/evil?a=1&amp;b=%3C2%3E"');
  });

  it('reduces frontmatter titles to plain text', () => {
    const titles = [...markdown.matchAll(/^title: (.*)$/gm)].map((m) => JSON.parse(m[1] ?? '""') as string);
    for (const title of titles) expect(title).toMatch(/^[\p{L}\p{N} \-().,:/+]*$/u);
  });

  it('encodes the notes so that nothing can end the comment or be interpreted', () => {
    const notes = [...markdown.matchAll(/<!--\n([\s\S]*?)\n-->/g)].map((m) => m[1] ?? '');
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      // Tags are the writer's and KaTeX's; the text between them is all entities; no `--` anywhere.
      expect(note).not.toContain('--');
      expect(note.replace(/<\/?[a-z]+(?: [a-z-]+="[^"<>]*")*>/g, '')).not.toMatch(/[<>{}$*_[\]`]/);
    }
    // `$m$` in a note is typeset (the presenter view shows KaTeX's HTML), its TeX gone.
    expect(notes.join('')).toContain('<span class="mord mathnormal">m</span>');
    expect(notes.join('')).not.toContain('&#36;m&#36;');
    expect(notes.join('')).toContain('&#123;&#123; 9&#42;9 &#125;&#125;');
  });

  it('keeps each note’s formulas apart for the handout (deck.json), the TeX without its dollars', () => {
    const spans = planDeck(ast, 'hostile').flatMap((plan) => plan.notes.flatMap((note) => note.spans));
    expect(spans).toContainEqual({ tex: 'm', display: false });
    expect(
      spans
        .filter((span) => 'text' in span)
        .map((span) => span.text)
        .join(''),
    ).not.toContain('$m$');
  });

  it('leaves a comparison column out when no paper fills it (training tokens of diffusion models)', () => {
    const comparisonOf = (study: StudyAst) =>
      JSON.stringify(planDeck(study, 'demo').find((plan) => plan.kind === 'comparison')?.body ?? '');
    expect(comparisonOf(ast)).toContain('Training tokens');
    const withoutTokens = structuredClone(ast);
    for (const paper of withoutTokens.papers) delete paper.tokens;
    const table = comparisonOf(withoutTokens);
    expect(table).not.toContain('Training tokens');
    expect(table).toContain('Parameters');
  });

  it('leaves notes out on request', () => {
    expect(markdownOf('demo', false)).not.toContain('<!--');
    expect(markdownOf('demo')).toContain('<!--');
  });

  it('matches the golden slides.md of the demo family (one page per plan, before measuring)', () => {
    // Measured page breaks depend on Chromium's text shaping; everything before them is deterministic.
    const golden = fileURLToPath(new URL('./golden/demo.slides.md', import.meta.url));
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, markdownOf('demo'));
    expect(markdownOf('demo')).toBe(readFileSync(golden, 'utf8'));
  });

  it('is deterministic', () => {
    const again = planDeck(fixtureAst() as StudyAst, 'demo');
    expect(JSON.stringify(planDeck(ast, 'demo'))).toBe(JSON.stringify(again));
    expect(markdownOf('demo')).toBe(markdownOf('demo'));
  });
});
