import type { StudyAst } from '@studykit/core';

/** A deck the study has: a family's (with papers) or a meeting's, and the folder it is built to. */
export interface DeckTarget {
  id: string;
  kind: 'family' | 'meeting';
  /** `slides/<family>` or `meetings/<id>`; the PDF is that plus `.pdf`. */
  folder: string;
}

/**
 * Which decks a build makes: every family with papers (or the ones asked for) and every meeting
 * (none when families were asked for). Cheap: the CLI checks what is current without the renderer.
 */
export function deckTargets(
  ast: StudyAst,
  options: { families?: readonly string[]; meetings?: readonly string[] } = {},
): DeckTarget[] {
  const families = options.families ?? ast.families.filter((f) => f.papers.length > 0).map((f) => f.id);
  const meetings = options.meetings ?? (options.families ? [] : ast.meetings.map((m) => m.id));
  return [
    ...families.map((id) => ({ id, kind: 'family' as const, folder: `slides/${id}` })),
    ...meetings.map((id) => ({ id, kind: 'meeting' as const, folder: `meetings/${id}` })),
  ];
}
