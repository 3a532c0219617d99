import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules.js';

/**
 * content/README.md tells authors which rules `studykit check` applies; the catalogue (src/rules.ts)
 * is what it really applies. The table must list every rule with its severity, and nothing else.
 */
const readme = fileURLToPath(new URL('../../../content/README.md', import.meta.url));
const HEADER = '| rule | severity | what it catches |';

/** The rows of the rule table as `id severity`, in the order written. */
function documentedRules(markdown: string): string[] {
  const lines = markdown.split(/\r?\n/);
  const start = lines.indexOf(HEADER);
  if (start === -1) throw new Error(`content/README.md has no rule table starting with "${HEADER}"`);
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [rule = '', severity = ''] = line
      .split('|')
      .slice(1, 3)
      .map((cell) => cell.trim());
    rows.push(`${rule.replace(/^`|`$/g, '')} ${severity}`);
  }
  return rows;
}

describe('the rule table in content/README.md', () => {
  const rows = documentedRules(readFileSync(readme, 'utf8'));

  it('lists every rule of the catalogue with its severity, and no rule that does not exist', () => {
    const catalogue = Object.entries(RULES).map(([id, rule]) => `${id} ${rule.severity}`);
    expect([...rows].sort()).toEqual([...catalogue].sort());
  });

  it('lists each rule once', () => {
    const ids = rows.map((row) => row.split(' ')[0]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('reads the table it means to (the parser is not blind)', () => {
    expect(documentedRules(`${HEADER}\n| --- | --- | --- |\n| \`a-b\` | warning | text |\n\nafter`)).toEqual([
      'a-b warning',
    ]);
  });
});
