import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { math } from 'micromark-extension-math';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';

/** `$…$` and `$$…$$` (what remark-math adds): `inlineMath` and `math` nodes holding the TeX. */
function remarkMathSyntax(this: Processor) {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), math()];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), mathFromMarkdown()];
}

// Markdown with YAML frontmatter, GFM (tables, footnotes, task lists, strikethrough, bare URLs) and
// math, positions on every node. One frozen processor each way.
const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkMathSyntax)
  .freeze();

/**
 * GFM without the syntax of bare URLs and e-mail addresses ("autolink literals"): that construct is
 * tried at the start of every word and its tree transform walks every text: a third of the parse
 * (measured: 2.0 s → 1.2 s for a thousand papers), yet it can only match where the text holds
 * `www.`, `http://`, `https://` or `@`.
 */
const processorWithoutAutolinkLiterals = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(function gfmWithoutAutolinkLiterals(this: Processor) {
    const data = this.data();
    data.micromarkExtensions = [
      ...(data.micromarkExtensions ?? []),
      gfmFootnote(),
      gfmStrikethrough(),
      gfmTable(),
      gfmTaskListItem(),
    ];
    data.fromMarkdownExtensions = [
      ...(data.fromMarkdownExtensions ?? []),
      gfmFootnoteFromMarkdown(),
      gfmStrikethroughFromMarkdown(),
      gfmTableFromMarkdown(),
      gfmTaskListItemFromMarkdown(),
    ];
  })
  .use(remarkMathSyntax)
  .freeze();

/** What an autolink literal needs somewhere in its text (GFM spec, extended autolinks). */
const AUTOLINK_TRIGGER = /www\.|https?:\/\/|@/i;
/** The frontmatter block as micromark's frontmatter construct reads it (any line ending). */
const FRONTMATTER = /^---[ \t]*(?:\r\n|\r|\n)(?:[\s\S]*?(?:\r\n|\r|\n))?---[ \t]*(?=\r\n|\r|\n|$)/;

export function parseMarkdown(text: string): Root {
  // Papers carry their URL in the frontmatter, which autolink literals never touch: only the body counts.
  const bodyStart = FRONTMATTER.exec(text)?.[0].length ?? 0;
  if (AUTOLINK_TRIGGER.test(bodyStart > 0 ? text.slice(bodyStart) : text)) return processor.parse(text);
  const tree = processorWithoutAutolinkLiterals.parse(text);
  if (bodyStart === 0) return tree;
  // Only if remark saw the same frontmatter block was the body tested the one it parsed as markdown.
  const first = tree.children[0];
  return first?.type === 'yaml' && first.position?.end.offset === bodyStart ? tree : processor.parse(text);
}
