/** meetings.ics: the meetings as a calendar, when there are any (every build, like the index). */
import { join } from 'node:path';
import { OUTPUT_PATHS } from '@studykit/view';
import { meetingsCalendar } from '../calendar.js';
import { today } from '../today.js';
import type { BuildStep } from './step.js';

export const calendarStep: BuildStep = {
  name: 'calendar',
  wanted: ({ ast }) => ast.meetings.length > 0,
  async run({ ast, line, staged }) {
    const calendar = meetingsCalendar(ast, today());
    if (calendar) await staged.stageFiles([{ path: OUTPUT_PATHS.calendar, contents: calendar }]);
    return `wrote ${join(line.out, OUTPUT_PATHS.calendar)}`;
  },
};
