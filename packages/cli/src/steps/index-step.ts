/** out/index.html, last: written from what out/ will hold after the build, so no link is dead. */
import { join } from 'node:path';
import { OUTPUT_PATHS } from '@studykit/view';
import { renderSiteIndex } from '../site-index.js';
import { today } from '../today.js';
import type { BuildStep } from './step.js';

export const indexStep: BuildStep = {
  name: 'index',
  wanted: () => true,
  async run({ ast, line, staged }) {
    const index = await renderSiteIndex(ast, (path) => staged.exists(path), today());
    await staged.stageFiles([{ path: OUTPUT_PATHS.index, contents: index }]);
    return `wrote ${join(line.out, OUTPUT_PATHS.index)}`;
  },
};
