/** Which families the report prints (`--family`), in chapter order: light, inputs.ts asks it too. */
import { compareCodePoints, type Family, type StudyAst } from '@studykit/core';

export function selectFamilies(ast: StudyAst, wanted: string[] | undefined): Family[] {
  const ordered = [...ast.families].sort((a, b) => a.order - b.order || compareCodePoints(a.id, b.id));
  if (!wanted || wanted.length === 0) return ordered;
  const unknown = wanted.filter(
    (name) => !ordered.some((family) => family.id === name || family.name === name),
  );
  if (unknown.length > 0) {
    throw new Error(
      `Unknown famil${unknown.length === 1 ? 'y' : 'ies'}: ${unknown.join(', ')} (known: ${ordered.map((f) => f.id).join(', ')})`,
    );
  }
  return ordered.filter((family) => wanted.includes(family.id) || wanted.includes(family.name));
}
