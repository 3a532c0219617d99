/** references.bib and references.json: every build (cheap, and the index links them). */
import { join } from 'node:path';
import { referencesInputs, referencesStamp } from '@studykit/citations/inputs';
import { outputDigest } from '@studykit/core/renderer-stamp';
import { OUTPUT_PATHS } from '@studykit/view';
import type { BuildStep } from './step.js';

export const referencesStep: BuildStep = {
  name: 'references',
  wanted: () => true,
  async run({ ast, line, staged, digests, present }) {
    const referencesNow = outputDigest(referencesStamp(), referencesInputs(ast));
    if (
      !line.force &&
      digests.get('references') === referencesNow &&
      (await present([OUTPUT_PATHS.bibtex, OUTPUT_PATHS.cslJson]))
    ) {
      return 'unchanged';
    }
    const { referenceFiles } = await import('@studykit/citations');
    const files = referenceFiles(ast);
    await staged.stageFiles(files);
    digests.set('references', referencesNow);
    return `wrote ${files.map((file) => join(line.out, file.path)).join(', ')}`;
  },
};
