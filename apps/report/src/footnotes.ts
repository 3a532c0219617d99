/** A file's footnotes (core took them out of the text and numbered them), set after its last section. */
import type { Footnote } from '@studykit/core';
import type { Rgb } from '@studykit/typeset';
import { type BodySetting, frame } from './body-setting.js';
import type { FlowBox } from './flow.js';
import type { BlockNode } from './inline.js';

export function footnotes(setting: BodySetting, notes: readonly Footnote[], accent: Rgb): FlowBox[] {
  const definitions: BlockNode[] = notes.map((footnote) => ({
    type: 'footnoteDefinition',
    identifier: footnote.label,
    label: footnote.label,
    children: footnote.children as Extract<BlockNode, { type: 'footnoteDefinition' }>['children'],
  }));
  return setting.typesetter.blocks(definitions, frame(setting, accent));
}
