/**
 * `out/meetings.ics`: the meetings as all-day calendar events (the `ics` package), so members can
 * subscribe. Stamped with the injected today, so the same content gives the same file.
 */
import { createHash } from 'node:crypto';
import { withoutControls } from '@studykit/citations';
import type { Meeting, Study, StudyAst } from '@studykit/core';
import { labelsOf } from '@studykit/view';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { foldCalendar } from './ics-lines.js';

function dateArray(date: Date): DateArray {
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/**
 * A meeting's UID: its date alone would be the same in two groups' calendars, and a calendar app
 * that subscribes to both would merge their meetings. The study and group make it unique; being a
 * digest of the content, it stays the same from one build to the next.
 */
export function meetingUid(study: Study, meeting: Meeting): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([study.title, study.group, meeting.id]))
    .digest('hex');
  return `${meeting.id}-${digest.slice(0, 16)}@studykit`;
}

export function meetingsCalendar(ast: StudyAst, now: Date): string | undefined {
  if (ast.meetings.length === 0) return undefined;
  const labels = labelsOf(ast);
  const shortOf = new Map(ast.papers.map((paper) => [paper.id, paper.short]));
  const events: EventAttributes[] = ast.meetings.map((meeting) => {
    const day = new Date(`${meeting.date}T00:00:00Z`);
    const papers = meeting.papers.map((id) => shortOf.get(id) ?? id);
    // Calendar TEXT allows no control characters (RFC 5545 §3.3.11); the lines break where we say.
    const description = [
      papers.join(', '),
      ...(meeting.presenter ? [labels.presentedBy(meeting.presenter)] : []),
      ...meeting.questions.map((question, index) => `${index + 1}. ${question.text}`),
    ]
      .map(withoutControls)
      .join('\n');
    return {
      uid: meetingUid(ast.study, meeting),
      productId: 'studykit',
      calName: withoutControls(ast.study.title),
      title: withoutControls(meeting.title ?? `${labels.meeting}: ${papers.join(', ')}`),
      description,
      start: dateArray(day),
      end: dateArray(new Date(day.getTime() + 86_400_000)),
      timestamp: now.getTime(),
    };
  });
  const { error, value } = createEvents(events);
  if (error || !value) throw new Error(`could not write meetings.ics: ${error?.message ?? 'no output'}`);
  return foldCalendar(value);
}
