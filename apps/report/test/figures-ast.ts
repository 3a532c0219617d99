/**
 * The figures fixture as core will give it (issue #18's AST contract): each image node carries its
 * resolved asset and a ```mermaid block is a diagram node. Where core does not do it yet, the test
 * does it by hand, so that the report's side is tested against the contract either way.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { ImageAsset, StudyAst } from '@studykit/core';

/** The fixture's images and their pixel sizes (written by hand: core measures them). */
const SIZES: Record<string, { format: ImageAsset['format']; width: number; height: number }> = {
  'samples.png': { format: 'png', width: 320, height: 200 },
  'curve.jpg': { format: 'jpeg', width: 240, height: 160 },
  'process.svg': { format: 'svg', width: 400, height: 120 },
};

export function withFigures(ast: StudyAst, contentDir: string): StudyAst {
  const visit = (node: Record<string, unknown>, folder: string): void => {
    if (node.type === 'image' && typeof node.url === 'string') {
      const data = (node.data ?? {}) as { asset?: ImageAsset };
      const size = SIZES[posix.basename(node.url)];
      if (!data.asset && size) {
        const file = posix.join(folder, node.url);
        const bytes = readFileSync(join(contentDir, file));
        data.asset = {
          file,
          ...size,
          bytes: bytes.length,
          digest: createHash('sha256').update(bytes).digest('hex'),
        };
        node.data = data;
      }
    }
    if (node.type === 'code' && node.lang === 'mermaid') {
      const caption = /caption="([^"]*)"/.exec(String(node.meta ?? ''))?.[1] ?? null;
      Object.assign(node, { type: 'diagram', language: 'mermaid', caption });
      delete node.lang;
      delete node.meta;
    }
    for (const child of (node.children as Record<string, unknown>[] | undefined) ?? []) visit(child, folder);
  };
  for (const paper of ast.papers) {
    const folder = posix.dirname(paper.file);
    for (const block of [...paper.sections, ...paper.conclusions, ...paper.notes]) {
      for (const node of block.children) visit(node as unknown as Record<string, unknown>, folder);
    }
  }
  return ast;
}
