/**
 * meetings.ics: the meetings as a calendar, when there are any. Like the index, its inputs are its own
 * text: a calendar that would be the same is left as it is.
 */
import { join } from 'node:path';
import { OUTPUT_PATHS } from '@studykit/view';
import { meetingsCalendar } from '../calendar.js';
import { textDigest } from '../output-digests.js';
import { today } from '../today.js';
import type { BuildStep } from './step.js';

export const calendarStep: BuildStep = {
  name: 'calendar',
  wanted: ({ ast }) => ast.meetings.length > 0,
  async run({ ast, line, staged, digests, present }) {
    const calendar = meetingsCalendar(ast, today());
    if (!calendar) return 'no meetings';
    const digest = textDigest(calendar);
    if (!line.force && digests.get('calendar') === digest && (await present([OUTPUT_PATHS.calendar])))
      return 'unchanged';
    await staged.stageFiles([{ path: OUTPUT_PATHS.calendar, contents: calendar }]);
    digests.set('calendar', digest);
    return `wrote ${join(line.out, OUTPUT_PATHS.calendar)}`;
  },
};
