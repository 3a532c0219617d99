/**
 * What the launched Chromium really runs with, read back from its processes (Linux /proc): Chromium
 * keeps only the last `--disable-features`, so ours must carry playwright-core's list as well, and the
 * browser UI we turn off must not start.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/launch.js';

interface ChromiumProcess {
  pid: number;
  parent: number;
  /** Its arguments (a renderer rewrites its command line as one string: split on spaces too). */
  args: string[];
}

function processes(): ChromiumProcess[] {
  return readdirSync('/proc').flatMap((name) => {
    if (!/^\d+$/.test(name)) return [];
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split(/[\0 ]/).filter(Boolean);
      return [{ pid: Number(name), parent, args }];
    } catch {
      return []; // gone meanwhile
    }
  });
}

/** The browser this process launched and every process below it. */
function launched(): ChromiumProcess[] {
  const all = processes();
  const tree = all.filter((p) => p.parent === process.pid && p.args.includes('--remote-debugging-pipe'));
  for (let i = 0; i < tree.length; i++) tree.push(...all.filter((p) => p.parent === tree[i]?.pid));
  return tree;
}

const featuresOf = (arg: string) => new Set(arg.slice('--disable-features='.length).split(','));

let browser: Browser;
let tree: ChromiumProcess[];
beforeAll(async () => {
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.setContent('<p>Attention is all you need.</p>');
  tree = launched();
}, 60_000);
afterAll(() => browser?.close());

describe.runIf(process.platform === 'linux')('the launched Chromium', () => {
  it('turns off every feature playwright-core turns off, and ours', () => {
    const [main] = tree;
    const lists = (main?.args ?? []).filter((arg) => arg.startsWith('--disable-features='));
    expect(lists.length).toBeGreaterThan(1); // playwright-core's, then ours
    const last = featuresOf(lists.at(-1) ?? '');
    for (const earlier of lists.slice(0, -1)) {
      expect([...featuresOf(earlier)].filter((feature) => !last.has(feature))).toEqual([]);
    }
    expect(last).toContain('WebUIOmniboxPopup');
  });

  it('starts no renderer for browser UI (the omnibox popup)', () => {
    expect(tree.filter((p) => p.args.includes('--type=renderer')).length).toBeGreaterThan(0);
    expect(tree.filter((p) => p.args.includes('--top-chrome-webui')).map((p) => p.args[0])).toEqual([]);
  });
});
