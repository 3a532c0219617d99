/**
 * The parser skips GFM's bare-URL syntax when a file's body cannot hold a bare URL or address (it
 * costs a third of the parse). The trees must be exactly those of remark-gfm and remark-math, with positions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/markdown.js';

const remark = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkMath)
  .freeze();
const root = fileURLToPath(new URL('../../..', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const FRONTMATTER = '---\nid: x\nurl: https://example.org/x\n---\n\n';

describe('parseMarkdown', () => {
  it('gives remark-gfm’s and remark-math’s tree for every markdown file of the repository', () => {
    const files = [...markdownFiles(join(root, 'content')), ...markdownFiles(join(root, 'tests/fixtures'))];
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      expect(parseMarkdown(text), file).toEqual(remark.parse(text));
    }
    // Two parses of every file of the repository: seconds on a busy machine, more as content grows.
  }, 60_000);

  it.each([
    ['a bare URL in the body', `${FRONTMATTER}See https://example.org/a_(b)_c. now`],
    ['a www. address', `${FRONTMATTER}Visit WWW.example.org/path?q=1, then leave.`],
    ['an e-mail address', `${FRONTMATTER}Write to ada@example.org!`],
    ['a URL right after the closing fence', '---\nid: x\n---  \nhttps://example.org'],
    ['a lone CR line ending', '---\r\nid: x\r---\rwww.example.org'],
    ['an empty frontmatter', '---\n---\nada@example.org'],
    ['no frontmatter', 'Plain http://example.org text'],
    ['a fence inside a block scalar', '---\nnote: |\n  ---\n---\nhttp://example.org'],
  ])('links %s, with positions', (_name, text) => {
    const tree = parseMarkdown(text);
    expect(tree).toEqual(remark.parse(text));
    expect(JSON.stringify(tree)).toMatch(/"type":"link".*"position"/);
  });

  it('leaves a URL in the frontmatter alone', () => {
    const text = `${FRONTMATTER}## Results\n\nNo address here, only *emphasis*.\n`;
    const tree = parseMarkdown(text);
    expect(tree).toEqual(remark.parse(text));
    expect(JSON.stringify(tree)).not.toContain('"link"');
  });
});
