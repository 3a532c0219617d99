import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../tests/temporary.js';
import { storedDrawings } from '../src/drawing-store.js';

const OPTIONS = { id: 'alpha-lineage-lr', name: "the alpha deck's lineage", embedFonts: false } as const;

/** A drawer that counts its drawings and draws the text into the SVG. */
function counting() {
  const drawn: string[] = [];
  const draw = async (text: string, options: { id: string }) => {
    drawn.push(`${options.id}: ${text}`);
    return { svg: `<svg id="${options.id}"><text>${text}</text></svg>`, width: 120, height: 40 };
  };
  return { drawn, draw };
}

describe('diagrams drawn for the decks, kept in the cache root (never out/)', () => {
  it('are drawn once, kept whole under their digest, and taken from there by the next build', async () => {
    const dir = temporaryFolder('studykit-drawings-');
    const first = counting();
    const drawing = await storedDrawings(first.draw, dir)('graph LR\n  a --> b', OPTIONS);
    expect(first.drawn).toEqual(['alpha-lineage-lr: graph LR\n  a --> b']);
    const files = readdirSync(dir);
    expect(files).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.json$/)]);
    expect(JSON.parse(readFileSync(join(dir, files[0] ?? ''), 'utf8'))).toEqual(drawing);
    // Another build (another process would make another store): nothing drawn, the same drawing.
    const next = counting();
    expect(await storedDrawings(next.draw, dir)('graph LR\n  a --> b', OPTIONS)).toEqual(drawing);
    expect(next.drawn).toEqual([]);
  });

  it('draw again for other text or another id, and when the kept file is damaged', async () => {
    const dir = temporaryFolder('studykit-drawings-');
    const drawer = counting();
    const stored = storedDrawings(drawer.draw, dir);
    await stored('graph LR\n  a --> b', OPTIONS);
    await stored('graph LR\n  a --> c', OPTIONS);
    await stored('graph LR\n  a --> b', { ...OPTIONS, id: 'alpha-lineage-tb' });
    expect(drawer.drawn).toHaveLength(3);
    for (const file of readdirSync(dir)) writeFileSync(join(dir, file), '{"svg": "<svg');
    const redrawn = await stored('graph LR\n  a --> b', OPTIONS);
    expect(drawer.drawn).toHaveLength(4);
    expect(redrawn.svg).toContain('<text>graph LR');
  });

  it('keep no failed drawing: the next build draws (and fails) again', async () => {
    const dir = temporaryFolder('studykit-drawings-');
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error('Parse error on line 2');
    };
    const stored = storedDrawings(failing, dir);
    await expect(stored('graph LR\n  a -->', OPTIONS)).rejects.toThrow('Parse error on line 2');
    await expect(stored('graph LR\n  a -->', OPTIONS)).rejects.toThrow('Parse error on line 2');
    expect(calls).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});
