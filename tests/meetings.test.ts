/**
 * Meetings end to end: the schedule on the index page (upcoming and past, against the injected
 * today), the calendar, and a bad meeting file that stops the build with an exact diagnostic and
 * leaves every output in place.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, studykit, useCliRunner } from './run-cli.js';
import { temporaryFolder } from './temporary.js';

// Its builds, one after the other, in one CLI process with a warm Chromium.
useCliRunner();

function withMeetings(
  meetings: Record<string, string>,
  study?: string,
): { content: string; out: string; dir: string } {
  const dir = temporaryFolder('studykit-meetings-');
  const content = join(dir, 'content');
  cpSync(join(root, 'tests/fixtures/content-mini'), content, { recursive: true });
  mkdirSync(join(content, 'meetings'));
  for (const [name, text] of Object.entries(meetings)) writeFileSync(join(content, 'meetings', name), text);
  if (study) writeFileSync(join(content, 'study.md'), study);
  return { content, out: join(dir, 'out'), dir };
}

/** Builds the calendar alone (`--only index`) and returns meetings.ics as written. */
async function calendarOf(content: string, out: string): Promise<string> {
  const result = await studykit(['build', '--content', content, '--out', out, '--only', 'index']);
  expect(result.code, result.stderr).toBe(0);
  return readFileSync(join(out, 'meetings.ics'), 'utf8');
}

/** What a calendar app reads (RFC 5545 §3.1, §3.3.11): lines unfolded, then property → TEXT value. */
function properties(calendar: string): [string, string][] {
  return calendar
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':');
      const value = line
        .slice(colon + 1)
        .replace(/\\([\\;,nN])/g, (_, char: string) => (char.toLowerCase() === 'n' ? '\n' : char));
      return [line.slice(0, colon), value];
    });
}

const valuesOf = (calendar: string, name: string) =>
  properties(calendar).flatMap(([property, value]) => (property === name ? [value] : []));

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

  it('a meeting with a time, a length and a place: in the calendar at that local time, and on the index page', async () => {
    const timed = NEXT.replace(
      'presenter: Ada',
      'presenter: Ada\ntime: "18:30"\nduration: 90\nplace: Room 2.14, Main Library',
    );
    const { content, out } = withMeetings({ '2026-11-19.md': PAST, '2026-12-03.md': timed });
    const calendar = await calendarOf(content, out);
    // Floating local time (no zone): the group meets at 18:30 wherever the calendar is set.
    expect(valuesOf(calendar, 'DTSTART')).toEqual(['20261203T183000']);
    expect(valuesOf(calendar, 'DURATION')).toEqual(['PT90M']);
    expect(valuesOf(calendar, 'LOCATION')).toEqual(['Room 2.14, Main Library']);
    // The meeting without a time stays a whole day.
    expect(valuesOf(calendar, 'DTSTART;VALUE=DATE')).toEqual(['20261119']);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<strong>2026-12-03 · 18:30</strong>');
    expect(index).toContain('presented by Ada · 90 min · Room 2.14, Main Library');
  });

  it('a meeting dated otherwise than its file name is a warning at the date', async () => {
    const { content } = withMeetings({
      '2026-12-03.md': NEXT.replace('date: 2026-12-03', 'date: 2026-12-04'),
    });
    const result = await studykit(['check', '--content', content]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'meetings/2026-12-03.md:2:7  warning  Meeting date 2026-12-04 differs from its file name `2026-12-03.md`  meeting-date-filename\n  hint: Make the date and the file name agree (rename the file YYYY-MM-DD.md, or fix the date).\n',
    );
  });

  it('--meeting builds that meeting’s deck alone; a meeting given as --family, or unknown, is a usage error', async () => {
    const { content, out } = withMeetings({ '2026-11-19.md': PAST, '2026-12-03.md': NEXT });
    const env = { STUDYKIT_SLIDEV_BIN: join(root, 'apps/slides/test/fake-slidev.mjs') };
    const built = await studykit(
      [
        'build',
        '--content',
        content,
        '--out',
        out,
        '--only',
        'slides',
        '--no-pdf',
        '--meeting',
        '2026-12-03',
      ],
      env,
    );
    expect(built.code, built.stderr).toBe(0);
    expect(readdirSync(join(out, 'meetings'))).toEqual(['2026-12-03']);
    expect(existsSync(join(out, 'slides'))).toBe(false);
    const asFamily = await studykit(['build', '--content', content, '--out', out, '--family', '2026-11-19']);
    expect(asFamily).toMatchObject({
      code: 2,
      stderr:
        "studykit: '2026-11-19' is a meeting, not a family: use --meeting 2026-11-19 (see studykit --help)\n",
    });
    const unknown = await studykit(['build', '--content', content, '--out', out, '--meeting', '2026-12-24']);
    expect(unknown).toMatchObject({
      code: 2,
      stderr:
        "studykit: unknown meeting '2026-12-24' (known: 2026-11-19, 2026-12-03) (see studykit --help)\n",
    });
  });

  it('meetings.ics keeps every line within 75 octets, folded so that it unfolds to the whole text', async () => {
    const english = `Why ${'does scale keep paying off, '.repeat(6)}and when does it stop?`;
    const chinese = `为什么${'自回归空白填充的预训练目标'.repeat(6)}能同时适用于理解和生成？`;
    // 36 CJK characters: within the 80-column limit of a meeting title (a CJK character counts as two).
    const title = `第一次讨论：${'从预训练到上下文学习'.repeat(3)}`;
    const { content, out, dir } = withMeetings({
      '2026-12-03.md': [
        '---',
        'date: 2026-12-03',
        `title: ${title}`,
        'presenter: Ada',
        'papers: [alpha-1, alpha-2]',
        'questions:',
        `  - ${english}`,
        `  - ${chinese}`,
        // Control characters (YAML escapes) are no calendar text: a bell and a right-to-left override.
        '  - "Bell\\a and \\u202Eoverride?"',
        '---',
        '',
      ].join('\n'),
    });
    const calendar = await calendarOf(content, out);
    const lines = calendar.split('\r\n');
    // Before, the Chinese lines ran to 152 octets (the ics package folds after 75 characters).
    for (const line of lines) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    expect(lines.filter((line) => /[\r\n]/.test(line))).toEqual([]);
    expect(calendar.replace(/\r\n/g, '')).not.toMatch(/[\p{Cc}\p{Bidi_Control}]/u);
    expect(valuesOf(calendar, 'SUMMARY')).toEqual([title]);
    expect(valuesOf(calendar, 'DESCRIPTION')).toEqual([
      [
        'Alpha-1, Alpha-2',
        'presented by Ada',
        `1. ${english}`,
        `2. ${chinese}`,
        '3. Bell and override?',
      ].join('\n'),
    ]);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('meeting UIDs differ between two studies meeting on the same day and stay the same across builds', async () => {
    const first = withMeetings({ '2026-12-03.md': NEXT });
    const other = withMeetings(
      { '2026-12-03.md': NEXT },
      '---\ntitle: Reading notes\ngroup: Tuesday group\n---\n',
    );
    const uid = async (content: string, out: string) => valuesOf(await calendarOf(content, out), 'UID');
    const [once, again, otherStudy] = [
      await uid(first.content, first.out),
      await uid(first.content, join(first.dir, 'out-again')),
      await uid(other.content, other.out),
    ];
    expect(once).toHaveLength(1);
    expect(once[0]).toMatch(/^2026-12-03-[0-9a-f]{16}@studykit$/);
    // Before, both were 2026-12-03@studykit: a calendar subscribed to both merged the two meetings.
    expect(otherStudy[0]).not.toBe(once[0]);
    expect(again).toEqual(once);
    for (const { dir } of [first, other]) rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
