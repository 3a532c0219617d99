import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../src/args.js';

describe('the command line', () => {
  it('defaults', () => {
    expect(parseCommandLine(['build'])).toMatchObject({
      command: 'build',
      content: 'content',
      out: 'out',
      only: ['lineage', 'slides', 'handout', 'report', 'index'],
      family: [],
      paper: 'a4',
      handout: 'notes',
      notes: true,
      pdf: true,
    });
  });

  it('lists and repeats', () => {
    const line = parseCommandLine([
      'build',
      '--only',
      'slides,report',
      '--family',
      'openai',
      '--family',
      'glm,llama',
    ]);
    expect(line.only).toEqual(['slides', 'report']);
    expect(line.family).toEqual(['openai', 'glm', 'llama']);
  });

  it('takes a handout layout and the paper it prints on', () => {
    const line = parseCommandLine(['build', '--only', 'handout', '--handout', '6up', '--paper', 'letter']);
    expect(line).toMatchObject({ only: ['handout'], handout: '6up', paper: 'letter' });
  });

  it.each([
    [['build', '--paper', 'a3'], "--paper takes a4 or letter; got 'a3'"],
    [['build', '--handout', '3up'], "--handout takes notes, lines, 2up, 4up, 6up; got '3up'"],
    [['present', '--port', 'x'], "--port takes 0–65535; got 'x'"],
    [['build', '--date', '2024/01/01'], "--date takes YYYY-MM-DD; got '2024/01/01'"],
    [['check', 'extra'], "unexpected argument 'extra'"],
    [[], 'missing command (one of: check, ast, build, watch, present, new, init)'],
    [['check', '--content'], "option '--content <value>' argument missing"],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(new UsageError(message));
  });
});
