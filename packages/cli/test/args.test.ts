import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../src/args.js';

describe('the command line', () => {
  it('defaults', () => {
    expect(parseCommandLine(['build'])).toMatchObject({
      command: 'build',
      content: 'content',
      out: 'out',
      only: ['lineage', 'slides', 'report', 'index'],
      family: [],
      paper: 'a4',
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

  it.each([
    [['build', '--paper', 'a3'], "--paper takes a4 or letter; got 'a3'"],
    [['present', '--port', 'x'], "--port takes 0–65535; got 'x'"],
    [['build', '--date', '2024/01/01'], "--date takes YYYY-MM-DD; got '2024/01/01'"],
    [['check', 'extra'], "unexpected argument 'extra'"],
    [[], 'missing command (one of: check, ast, build, watch, present)'],
    [['check', '--content'], "option '--content <value>' argument missing"],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(new UsageError(message));
  });
});
