/**
 * `out/meetings.ics`: the meetings as all-day calendar events (the `ics` package), so members can
 * subscribe. Stamped with the injected today, so the same content gives the same file.
 */
import type { StudyAst } from '@studykit/core';
import { labelsOf } from '@studykit/view';
import { createEvents, type DateArray, type EventAttributes } from 'ics';

function dateArray(date: Date): DateArray {
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

export function meetingsCalendar(ast: StudyAst, now: Date): string | undefined {
  if (ast.meetings.length === 0) return undefined;
  const labels = labelsOf(ast);
  const shortOf = new Map(ast.papers.map((paper) => [paper.id, paper.short]));
  const events: EventAttributes[] = ast.meetings.map((meeting) => {
    const day = new Date(`${meeting.date}T00:00:00Z`);
    const papers = meeting.papers.map((id) => shortOf.get(id) ?? id);
    const description = [
      papers.join(', '),
      ...(meeting.presenter ? [labels.presentedBy(meeting.presenter)] : []),
      ...meeting.questions.map((question, index) => `${index + 1}. ${question}`),
    ].join('\n');
    return {
      uid: `${meeting.id}@studykit`,
      productId: 'studykit',
      calName: ast.study.title,
      title: meeting.title ?? `${labels.meeting}: ${papers.join(', ')}`,
      description,
      start: dateArray(day),
      end: dateArray(new Date(day.getTime() + 86_400_000)),
      timestamp: now.getTime(),
    };
  });
  const { error, value } = createEvents(events);
  if (error || !value) throw new Error(`could not write meetings.ics: ${error?.message ?? 'no output'}`);
  return value;
}
