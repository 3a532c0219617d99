import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { formatReferences, toCslJson } from '@studykit/citations';
import { describe, expect, it } from 'vitest';
import { fixtureAst, HOSTILE, withPapers } from './fixtures.js';

const GPT_2 = {
  title: 'Language models are unsupervised multitask learners',
  authors: ['Alec Radford', 'Jeffrey Wu', 'Rewon Child', 'David Luan', 'Dario Amodei', 'Ilya Sutskever'],
  year: 2019,
  venue: 'OpenAI technical report',
  organisation: 'OpenAI',
  url: 'https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf',
};

describe('formatReferences (APA)', { timeout: 30_000 }, () => {
  it('formats content-mini exactly, one reference per paper in the AST order, the URL apart', () => {
    expect(formatReferences(fixtureAst('content-mini'), { style: 'apa' })).toEqual([
      {
        id: 'alpha-1',
        text: 'Lovelace, A., & Turing, A. (2018). Alpha One: a first model. arXiv.',
        url: 'https://example.org/alpha-1',
      },
      {
        id: 'alpha-2',
        text: 'Hopper, G. (2020). Alpha Two. NeurIPS 2020.',
        url: 'https://example.org/alpha-2',
      },
      { id: 'beta-1', text: 'Liskov, B. (2023). Beta One. ACL 2023.', url: 'https://example.org/beta-1' },
    ]);
  });

  it('formats a technical report with six authors exactly', () => {
    const [reference] = formatReferences(withPapers(GPT_2), { style: 'apa', lang: 'en-US' });
    expect(reference?.text).toBe(
      'Radford, A., Wu, J., Child, R., Luan, D., Amodei, D., & Sutskever, I. (2019). ' +
        'Language models are unsupervised multitask learners [Technical report]. OpenAI.',
    );
  });

  it('lists up to 20 authors, then "…" and the last one (APA 7): a 31-author paper keeps 19 + the last', () => {
    // Letters only: a name with digits is kept whole as a literal (person-name.ts).
    const family = (index: number) =>
      `${String.fromCharCode(65 + Math.floor(index / 26))}${String.fromCharCode(97 + (index % 26))}son`;
    const authors = Array.from({ length: 31 }, (_, index) => `Ann ${family(index)}`);
    const [reference] = formatReferences(withPapers({ ...GPT_2, authors }), { style: 'apa' });
    const first19 = Array.from({ length: 19 }, (_, index) => `${family(index)}, A.`).join(', ');
    expect(reference?.text.startsWith(`${first19}, … ${family(30)}, A. (2019). `)).toBe(true);
    const [whole] = formatReferences(withPapers({ ...GPT_2, authors: authors.slice(0, 20) }), {
      style: 'apa',
    });
    expect(whole?.text).toContain(`${family(18)}, A., & ${family(19)}, A. (2019).`);
    expect(whole?.text).not.toContain('…');
  });

  it('formats an arXiv preprint with its number', () => {
    const [reference] = formatReferences(
      withPapers({ ...GPT_2, venue: 'arXiv', url: 'https://arxiv.org/abs/2005.14165' }),
      { style: 'apa' },
    );
    expect(reference?.text).toBe(
      'Radford, A., Wu, J., Child, R., Luan, D., Amodei, D., & Sutskever, I. (2019). ' +
        'Language models are unsupervised multitask learners (arXiv:2005.14165). arXiv.',
    );
  });

  it('text, a space and the URL is what citation-js prints with the URL in', () => {
    const ast = fixtureAst('content-mini');
    const full = plugins.output.format('bibliography', toCslJson(ast), {
      format: 'text',
      style: 'apa',
      lang: 'en-US',
      asEntryArray: true,
    });
    const expected = new Map(full.map(([id, text]) => [id, text.trim()]));
    for (const reference of formatReferences(ast, { style: 'apa' }))
      expect(`${reference.text} ${reference.url}`).toBe(expected.get(reference.id));
  });

  it('keeps Chinese names and titles as written (content-zh)', () => {
    expect(
      formatReferences(fixtureAst('content-zh'), { style: 'apa' }).map((reference) => reference.text),
    ).toEqual([
      '曾奥涵, 刘潇, & 杜政晓. (2022). GLM-130B：开放的中英双语预训练模型. ICLR 2023.',
      '清华大学 KEG 实验室 & 智谱 AI. (2023). ChatGLM-6B：开源双语对话模型. GitHub.',
    ]);
  });

  it('shows hostile strings literally: no markup read, no quotes curled, no case changed', () => {
    const references = formatReferences(fixtureAst('content-hostile'), { style: 'apa' });
    expect(references.map((reference) => reference.text)).toEqual([
      `<img src=x onerror=window.__pwned=6>, Ada "The" Lovelace, & 测试作者 🚀. (2020). ${HOSTILE.titles[0]} </span></div> Venue $x^2$.`,
      `Mallory. (2021). ${HOSTILE.titles[1]}. arXiv.`,
    ]);
    expect(references[0]?.url).toBe('https://example.org/evil?a=1&b=<2>');
  });

  it('counts APA year letters within the chosen papers only', () => {
    const ast = withPapers({ title: 'First' }, { title: 'Second' });
    expect(formatReferences(ast, { style: 'apa' }).map((reference) => reference.text)).toEqual([
      'Lovelace, A., & Turing, A. (2018a). First. arXiv.',
      'Lovelace, A., & Turing, A. (2018b). Second. arXiv.',
    ]);
    expect(formatReferences(ast, { style: 'apa', papers: ['paper-2'] })).toEqual([
      {
        id: 'paper-2',
        text: 'Lovelace, A., & Turing, A. (2018). Second. arXiv.',
        url: 'https://example.org/alpha-1',
      },
    ]);
    expect(formatReferences(ast, { style: 'apa', papers: [] })).toEqual([]);
  });

  it('uses a bundled locale and refuses one it would have to fetch', () => {
    const [german] = formatReferences(fixtureAst('content-mini'), { style: 'apa', lang: 'de-DE' });
    expect(german?.text).toContain('Alpha One: a first model');
    expect(() => formatReferences(fixtureAst('content-mini'), { style: 'apa', lang: 'zh-CN' })).toThrow(
      /No bundled CSL locale "zh-CN" \(bundled: .*en-US/,
    );
  });
});

describe('formatReferences with a cache', () => {
  /** Authors and years that collide (APA letters), others that do not, and no-author papers. */
  const mixed = () =>
    withPapers(
      { title: 'First' },
      { title: 'Second' },
      { title: 'Third', authors: ['Grace Hopper'], year: 2018 },
      { title: 'Fourth', authors: ['Ada Lovelace', 'Grace Hopper'], year: 2018 },
      { title: 'Fifth', authors: ['Ada Lovelace'], year: 2019 },
      { title: 'Sixth', authors: [], year: 2019 },
      { title: 'Seventh', authors: ['ada  LOVELACE'], year: 2018 },
      { title: '第八', authors: ['王小明'], year: 2018 },
    );

  it('reads exactly as formatting all at once, year letters included', () => {
    for (const ast of [
      mixed(),
      fixtureAst('content-mini'),
      fixtureAst('content-zh'),
      fixtureAst('content-hostile'),
    ]) {
      const cache = new Map<string, readonly (readonly [string, string])[]>();
      expect(formatReferences(ast, { style: 'apa', cache })).toEqual(formatReferences(ast, { style: 'apa' }));
      // From the cache the second time, still the same.
      expect(formatReferences(ast, { style: 'apa', cache })).toEqual(formatReferences(ast, { style: 'apa' }));
    }
    expect(
      formatReferences(mixed(), { style: 'apa' })
        .map((reference) => reference.text)
        .slice(0, 4),
    ).toEqual([
      'Lovelace, A., & Turing, A. (2018a). First. arXiv.',
      'Lovelace, A., & Turing, A. (2018b). Second. arXiv.',
      'Hopper, G. (2018). Third. arXiv.',
      'Lovelace, A., & Hopper, G. (2018). Fourth. arXiv.',
    ]);
  });

  it('formats again only the group of an edited paper', () => {
    const cache = new Map<string, readonly (readonly [string, string])[]>();
    formatReferences(mixed(), { style: 'apa', cache });
    // Poisoned: anything taken from the cache now reads "cached".
    for (const [key, entries] of cache)
      cache.set(
        key,
        entries.map(([id]) => [id, 'cached']),
      );
    const edited = mixed();
    edited.papers[1] = { ...(edited.papers[1] as (typeof edited.papers)[number]), title: 'Second, revised' };
    const texts = formatReferences(edited, { style: 'apa', cache }).map((reference) => reference.text);
    // The group "Lovelace, 2018" (papers 1, 2, 4 and 7: the letters may move) is formatted again, no other.
    expect(texts).toEqual([
      'Lovelace, A., & Turing, A. (2018a). First. arXiv.',
      'Lovelace, A., & Turing, A. (2018b). Second, revised. arXiv.',
      'cached',
      'Lovelace, A., & Hopper, G. (2018). Fourth. arXiv.',
      'cached',
      'cached',
      'LOVELACE,  ada. (2018). Seventh. arXiv.',
      'cached',
    ]);
    // Another locale never reads the English texts.
    const german = formatReferences(edited, { style: 'apa', lang: 'de-DE', cache });
    expect(german.map((reference) => reference.text)).not.toContain('cached');
  });
});
