import type { StudyAst } from '@studykit/core';
import { ContentFolderError, loadContent } from '@studykit/core/fs';
import { UsageError } from './args.js';
import { currentYear } from './today.js';

/** Loads the content folder; a missing folder is a usage error (exit 2), not a content problem. */
export async function loadOrFail(
  dir: string,
  load: () => Promise<StudyAst> = () => loadContent(dir, { currentYear: currentYear() }),
): Promise<StudyAst> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ContentFolderError) throw new UsageError(error.message);
    throw error;
  }
}
