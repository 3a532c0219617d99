import { dirname, join } from 'node:path';
import { ID_PATTERN, MAX_ID_LENGTH, type StudyAst } from '@studykit/core';
import { type CommandLine, UsageError } from '../args.js';
import { type Io, noticesTo } from '../io.js';
import { loadCached } from '../load.js';
import { familySkeleton, meetingSkeleton, paperSkeleton } from '../skeletons.js';
import { currentYear } from '../today.js';
import { writeNewFile } from '../write-new-file.js';

/**
 * `studykit new paper --family F --id ID`, `new family ID`, `new meeting YYYY-MM-DD`: writes a
 * documented skeleton where the content folder keeps its kind, checking clean as written, and prints
 * its path. Never overwrites.
 */
export async function newFile(line: CommandLine, io: Io): Promise<number> {
  const [kind, name] = line.arguments;
  const ast = await loadCached(line.content, line.cache, noticesTo(io));
  const language = ast.study.language ?? 'en';
  let path: string;
  let text: string;
  switch (kind) {
    case 'paper': {
      const id = requireId(line.id ?? name, 'new paper needs --id ID');
      const [familyId, ...more] = line.family;
      if (!familyId || more.length > 0) throw new UsageError('new paper needs one --family ID');
      const family = ast.families.find((candidate) => candidate.id === familyId);
      if (!family) throw new UsageError(unknownFamily(ast, familyId));
      refuseTaken(ast, id);
      path = join(line.content, dirname(family.file), `${id}.md`);
      text = paperSkeleton({ id, family: family.id, year: currentYear(), language });
      break;
    }
    case 'family': {
      const id = requireId(line.id ?? name, 'new family needs an id: studykit new family ID');
      if (ast.families.some((family) => family.id === id)) throw new UsageError(`family '${id}' exists`);
      const order = Math.max(0, ...ast.families.map((family) => family.order + 1));
      path = join(line.content, id, 'family.md');
      text = familySkeleton({ id, order, language });
      break;
    }
    case 'meeting': {
      const date = name ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
        throw new UsageError(`new meeting needs a date: studykit new meeting YYYY-MM-DD; got '${date}'`);
      const paper = ast.papers[0];
      if (!paper) throw new UsageError('a meeting shows papers: add one first (studykit new paper …)');
      path = join(line.content, 'meetings', `${date}.md`);
      text = meetingSkeleton({ date, papers: [paper.id], language });
      break;
    }
    default:
      throw new UsageError(`new makes a paper, a family or a meeting; got '${kind ?? ''}'`);
  }
  await writeNewFile(path, text);
  io.stdout(`wrote ${path}`);
  io.stderr('next: fill it in, then run studykit check');
  return 0;
}

function requireId(id: string | undefined, missing: string): string {
  if (!id) throw new UsageError(missing);
  if (!ID_PATTERN.test(id) || id.length > MAX_ID_LENGTH)
    throw new UsageError(
      `'${id}' is not an id: lowercase letters, digits and single hyphens, at most ${MAX_ID_LENGTH} characters`,
    );
  return id;
}

function refuseTaken(ast: StudyAst, id: string): void {
  const taken = ast.papers.find((paper) => paper.id === id);
  if (taken) throw new UsageError(`paper '${id}' exists: ${taken.file}`);
}

function unknownFamily(ast: StudyAst, id: string): string {
  const known = ast.families.map((family) => family.id);
  return `unknown family '${id}' (known: ${known.join(', ') || 'none'}); make it first: studykit new family ${id}`;
}
