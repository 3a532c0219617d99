/**
 * out/index.html, last: written from what out/ will hold after the build, so no link is dead. Its
 * inputs are its own text (making it costs less than choosing what it reads): an index that would be
 * the same is left as it is.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OUTPUT_PATHS } from '@studykit/view';
import { textDigest } from '../output-digests.js';
import { renderSiteIndex } from '../site-index.js';
import { today } from '../today.js';
import type { BuildStep } from './step.js';

export const indexStep: BuildStep = {
  name: 'index',
  wanted: () => true,
  async run({ ast, line, staged, digests, present }) {
    const logo = ast.study.logo?.data?.asset;
    const logoBytes = logo ? new Uint8Array(await readFile(join(line.content, logo.file))) : undefined;
    const index = await renderSiteIndex(ast, (path) => staged.exists(path), today(), logoBytes);
    const digest = textDigest(index);
    if (!line.force && digests.get('index') === digest && (await present([OUTPUT_PATHS.index])))
      return 'unchanged';
    await staged.stageFiles([{ path: OUTPUT_PATHS.index, contents: index }]);
    digests.set('index', digest);
    return `wrote ${join(line.out, OUTPUT_PATHS.index)}`;
  },
};
