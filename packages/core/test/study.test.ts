import { describe, expect, it } from 'vitest';
import { DEFAULT_STUDY } from '../src/index.js';
import { lines, PAPER, withPaper } from './helpers.js';

const STUDY = `---
title: Classic Large Language Model Papers
subtitle: From GPT-1 to ChatGLM-6B
group: LLM reading group
language: en
---

Twelve papers, four families.
`;

describe('study.md', () => {
  it('describes the study: title, subtitle, group, language and a description', () => {
    const ast = withPaper(PAPER);
    expect(ast.study).toEqual(DEFAULT_STUDY);
    const described = withPaperAndStudy(STUDY);
    expect(lines(described)).toEqual([]);
    expect(described.study).toMatchObject({
      title: 'Classic Large Language Model Papers',
      subtitle: 'From GPT-1 to ChatGLM-6B',
      group: 'LLM reading group',
      language: 'en',
      file: 'study.md',
    });
    expect(described.study.description.text).toBe('Twelve papers, four families.');
  });

  it('reports a bad field at its position, and an unknown one', () => {
    const bad = withPaperAndStudy(STUDY.replace('language: en', 'language: fr').replace('group:', 'team:'));
    expect(lines(bad)).toEqual([
      'study.md:4:1  error  Unknown field `team`  field-unknown',
      'study.md:5:11  error  Field `language` must be "en" or "zh", got "fr"  field-type',
    ]);
  });

  it("names the group's look: a logo (a content image, joined like a figure), an accent, a dark deck theme", () => {
    const logo = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"/>');
    const looks = withPaper(
      PAPER,
      {
        'study.md': STUDY.replace(
          'language: en',
          'language: en\nlogo: brand/logo.svg\naccent: "#e11d48"\ntheme: dark',
        ),
      },
      { 'brand/logo.svg': logo },
    );
    expect(lines(looks)).toEqual([]);
    expect(looks.study).toMatchObject({ accent: '#e11d48', theme: 'dark' });
    expect(looks.study.logo?.data?.asset).toMatchObject({
      file: 'brand/logo.svg',
      format: 'svg',
      width: 40,
      height: 20,
    });
    // Without them: no logo, the kit's colours, light decks.
    expect(withPaperAndStudy(STUDY).study).toMatchObject({ logo: null, accent: null, theme: 'light' });
  });

  it('checks the logo like a figure and the accent like a colour, at file:line:col', () => {
    const study = (fields: string) => STUDY.replace('language: en', `language: en\n${fields}`);
    const text = new TextEncoder().encode('not an image');
    const bad = (fields: string) =>
      lines(withPaper(PAPER, { 'study.md': study(fields) }, { 'notes.txt': text }));
    expect(bad('logo: logo.png')).toEqual([
      'study.md:6:7  error  Image `logo.png` not found (looked for logo.png in the content folder)  image-missing',
    ]);
    expect(bad('logo: ../logo.png')).toEqual([
      'study.md:6:7  error  Image `../logo.png` is outside the content folder  image-outside',
    ]);
    expect(bad('logo: notes.txt')).toEqual([
      expect.stringMatching(/^study\.md:6:7 {2}error {2}Image `notes\.txt` .+ {2}image-unsupported$/),
    ]);
    expect(bad('logo: https://example.org/logo.png')).toEqual([
      'study.md:6:7  error  Image `https://example.org/logo.png` is a remote URL: nothing is downloaded, the outputs show files of the content folder  image-remote',
    ]);
    expect(bad('accent: #e11d48')).toEqual([
      'study.md:6:9  error  Field `accent` is empty: YAML reads the unquoted `#` as the start of a comment  field-type',
    ]);
    expect(bad('accent: "crimson"')).toEqual([
      'study.md:6:9  error  Field `accent` must be a hex colour such as "#e11d48" (quoted), got "crimson"  field-type',
    ]);
    expect(bad('theme: night')).toEqual([
      'study.md:6:8  error  Field `theme` must be "light" or "dark", got "night"  field-type',
    ]);
  });

  it('is only the file at the root of the content folder', () => {
    const nested = withPaperAndStudy(STUDY, 'alpha/study.md');
    expect(nested.study).toEqual(DEFAULT_STUDY);
    expect(lines(nested).length).toBeGreaterThan(0);
  });
});

function withPaperAndStudy(study: string, path = 'study.md') {
  return withPaper(PAPER, { [path]: study });
}
