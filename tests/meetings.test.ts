/**
 * Meetings end to end: the schedule on the index page (upcoming and past, against the injected
 * today), the calendar, and a bad meeting file that stops the build with an exact diagnostic and
 * leaves every output in place.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, studykit } from './run-cli.js';

function withMeetings(meetings: Record<string, string>): { content: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'studykit-meetings-'));
  const content = join(dir, 'content');
  cpSync(join(root, 'tests/fixtures/content-mini'), content, { recursive: true });
  mkdirSync(join(content, 'meetings'));
  for (const [name, text] of Object.entries(meetings)) writeFileSync(join(content, 'meetings', name), text);
  return { content, out: join(dir, 'out') };
}

const PAST = '---\ndate: 2026-11-19\ntitle: The first evening\npapers: [alpha-1]\n---\n';
const NEXT =
  '---\ndate: 2026-12-03\npresenter: Ada\npapers: [alpha-2, beta-1]\nquestions:\n  - Why scale up?\n---\n';

describe('meetings', () => {
  it('are scheduled on the index page (upcoming, then past) and in a calendar', async () => {
    const { content, out } = withMeetings({ '2026-11-19.md': PAST, '2026-12-03.md': NEXT });
    // Today is 2026-11-29 in every test (SOURCE_DATE_EPOCH): one meeting is past, one upcoming.
    const result = await studykit(['build', '--content', content, '--out', out, '--only', 'index']);
    expect(result.code, result.stderr).toBe(0);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    const upcoming = index.indexOf('<h3>Upcoming</h3>');
    const past = index.indexOf('<h3>Past</h3>');
    expect(upcoming).toBeGreaterThan(0);
    expect(past).toBeGreaterThan(upcoming);
    expect(index.slice(upcoming, past)).toContain('2026-12-03');
    expect(index.slice(upcoming, past)).toContain('presented by Ada');
    expect(index.slice(past)).toContain('2026-11-19 · The first evening');
    expect(index).toContain('href="meetings.ics"');
    const calendar = readFileSync(join(out, 'meetings.ics'), 'utf8');
    expect(calendar.match(/BEGIN:VEVENT/g)?.length).toBe(2);
    expect(calendar).toContain('DTSTART;VALUE=DATE:20261203');
    expect(calendar).toContain('SUMMARY:The first evening');
    expect(calendar).toContain('DTSTAMP:20261129T000000Z');
  });

  it('a bad meeting file stops the build with its exact diagnostic and leaves every output in place', async () => {
    const { content, out } = withMeetings({ '2026-12-03.md': NEXT });
    expect((await studykit(['build', '--content', content, '--out', out, '--only', 'index'])).code).toBe(0);
    const before = readFileSync(join(out, 'index.html'), 'utf8');
    writeFileSync(join(content, 'meetings', '2026-12-03.md'), NEXT.replace('beta-1', 'beta-2'));
    const result = await studykit(['build', '--content', content, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'meetings/2026-12-03.md:4:19  error  Meeting 2026-12-03 lists unknown paper `beta-2`  meeting-paper-unknown\n' +
        '  hint: Did you mean `beta-1`?\n',
    );
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(before);
    expect(
      readdirSync(out)
        .filter((name) => name !== '.cache')
        .sort(),
    ).toEqual(['index.html', 'meetings.ics', 'references.bib', 'references.json']);
  });
});
