/**
 * The YAML parser's errors in words for the people who write frontmatter: what it means for their
 * file, at the place to fix, with what to do. "Nested mappings are not allowed in compact mappings"
 * becomes "the value holds `: `…, quote it". One slip often makes the parser complain several times
 * further on: those follow-on errors are dropped.
 */
import type { YAMLError } from 'yaml';

export interface YamlProblem {
  /** Offset into the YAML text where the author should look. */
  offset: number;
  length: number;
  message: string;
  hint?: string;
}

/** Errors the parser reports only because of an earlier one on the same slip. */
const FOLLOW_ON = new Set(['MULTILINE_IMPLICIT_KEY']);

export function yamlProblems(errors: readonly YAMLError[], yamlText: string): YamlProblem[] {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  return sorted
    .filter((error, index) => index === 0 || !isFollowOn(error))
    .map((error) => inWords(error, yamlText));
}

function isFollowOn(error: YAMLError): boolean {
  return FOLLOW_ON.has(error.code) || error.message.startsWith('Implicit map keys need to be followed');
}

const firstLine = (message: string) =>
  message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;

function inWords(error: YAMLError, yamlText: string): YamlProblem {
  const [start, end] = error.pos;
  const at = (offset: number, length = 1) => ({ offset, length });
  const lineStart = yamlText.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = yamlText.indexOf('\n', start) === -1 ? yamlText.length : yamlText.indexOf('\n', start);
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY': {
      if (error.message.startsWith('A block sequence')) {
        return {
          ...at(start),
          message: 'This list item is indented differently from the items above it',
          hint: 'Indent every `- item` of one list by the same number of spaces.',
        };
      }
      // `title: BERT: Pre-training`: a second `: ` in a plain value.
      const colon = yamlText.slice(start, lineEnd).search(/:(?=[ \t]|$)/);
      if (colon !== -1) {
        const key = /^\s*([^:#]+):/.exec(yamlText.slice(lineStart, lineEnd))?.[1]?.trim() ?? 'key';
        const value = yamlText.slice(start, lineEnd).trim();
        return {
          ...at(start + colon),
          message: 'The value holds `: `, which YAML reads as the start of another field',
          hint: `Quote the whole value: ${key}: ${JSON.stringify(value)}`,
        };
      }
      // The next line is indented under this value.
      const next = yamlText.slice(lineEnd + 1).search(/\S/);
      return {
        ...at(next === -1 ? start : lineEnd + 1 + next),
        message: 'This line is indented more than the field above it, so YAML reads it as part of that value',
        hint: 'Start each field at the beginning of its line (nested entries, such as a builds_on item, two spaces in).',
      };
    }
    case 'TAB_AS_INDENT':
      return {
        ...at(start),
        message: 'A tab indents this line; YAML allows only spaces',
        hint: 'Replace the tab with spaces.',
      };
    case 'DUPLICATE_KEY':
      return {
        ...at(start, Math.max(1, end - start)),
        message: 'This field is set twice',
        hint: 'Keep one of the two.',
      };
    case 'BAD_SCALAR_START': {
      const char = yamlText[start] ?? '';
      return {
        ...at(start),
        message: `A value cannot start with "${char}" unless it is quoted`,
        hint: `Put the value in double quotes: "${yamlText.slice(start, lineEnd).trim()}".`,
      };
    }
    case 'BAD_INDENT':
      if (error.message.startsWith('All mapping items must start at the same column')) {
        const indent = yamlText.slice(start).search(/\S/);
        return {
          ...at(start + Math.max(0, indent)),
          message: 'This field is indented differently from the fields above it',
          hint: 'Start each field at the beginning of its line (nested entries, such as a builds_on item, two spaces in).',
        };
      }
      break;
    case 'MISSING_CHAR':
      if (error.message.startsWith('Sequence item without')) {
        return {
          ...at(start),
          message: 'This line is indented like a list item, but does not start with `-`',
          hint: 'Start it with `- `, or line it up with the field it belongs to.',
        };
      }
      break;
  }
  return { ...at(start, Math.max(1, end - start)), message: `Invalid YAML: ${firstLine(error.message)}` };
}
