#!/usr/bin/env node
/**
 * Edit → fresh diagram in `studykit watch`: for each reading list, starts `studykit watch --only
 * lineage` on a temporary copy, waits for the first build, then saves a `builds_on` edit N times and
 * times each save until the diagrams on disk hold the change. Prints the medians and a table.
 *
 *   node bench/watch-lineage.mjs [runs=9] [--papers shipped,200,1000] [--only lineage,report]
 *
 * `--papers` lists the reading lists: `shipped` (content/, the default) and generated ones of N papers
 * (tests/corpus/semester.mjs, families of 25). Each edit is timed to two files:
 *   - lineage.svg, the main diagram. For the shipped list it shows every paper: the edit relabels the
 *     LLaMA → Alpaca edge and the new label must be in the SVG. Past 60 papers it is an overview (one
 *     box per family, links between families counted), where a label or an edge inside a family draws
 *     nothing new: the edit adds a labelled `builds_on` from the last paper of family B to the first
 *     paper of family A where the overview has no A → B arrow yet, and the SVG must hold that arrow.
 *   - lineage-<family>.svg, the edited paper's family in detail: it must hold the new label.
 * Between runs the paper is restored and that build waited for (the arrow or label gone, the watcher
 * idle), so every edit is a real change. The watcher's output is kept and printed on a failure; the
 * watcher, whatever it started and the temporary folders are removed at the end, also on failure.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from '../tests/corpus/index.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(root, 'packages/cli/dist/bin.js');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
// The run count is the first bare number that is not an option's value.
const runs = Number(args.find((arg, i) => /^\d+$/.test(arg) && !args[i - 1]?.startsWith('--')) ?? 9);
const only = option('--only', 'lineage');
const sizes = option('--papers', 'shipped')
  .split(',')
  .map((size) => size.trim())
  .filter(Boolean);
for (const size of sizes) {
  if (size !== 'shipped' && !/^[1-9]\d*$/.test(size)) {
    console.error(`--papers: "${size}" is neither "shipped" nor a paper count`);
    process.exit(2);
  }
}
if (!(runs > 0)) {
  console.error('runs must be a positive number');
  process.exit(2);
}
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
const FIRST_BUILD_TIMEOUT = 600_000;
const EDIT_TIMEOUT = 180_000;
/** The watcher counts as idle once it said "ready" and then nothing for this long. */
const QUIET_MS = 300;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

// ---- processes: the watcher, and whatever it started (Chromium runs in its own process group) ----

/** pid → start time (clock ticks since boot) of every process under `pid`, from /proc (Linux). */
function descendants(pid) {
  const children = new Map();
  const started = new Map();
  let entries = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return new Map();
  }
  for (const name of entries) {
    const stat = procStat(Number(name));
    if (!stat) continue;
    started.set(stat.pid, stat.start);
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  }
  const found = new Map();
  const queue = [...(children.get(pid) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift();
    if (found.has(next)) continue;
    found.set(next, started.get(next));
    queue.push(...(children.get(next) ?? []));
  }
  return found;
}

/** pid, parent, process group and start time of one process, or undefined when it is gone. */
function procStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses): state ppid pgrp … starttime.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(fields[1]), pgrp: Number(fields[2]), start: fields[19] };
  } catch {
    return undefined;
  }
}

const live = new Set();

function startWatcher(content, out) {
  const child = spawn(process.execPath, [CLI, 'watch', '--content', content, '--out', out, '--only', only], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
    // Its own process group, so that it and its children can be stopped together.
    detached: true,
  });
  const watcher = { child, log: '', lastOutput: performance.now(), known: new Map() };
  const keep = (chunk) => {
    watcher.log += chunk;
    watcher.lastOutput = performance.now();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  watcher.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  live.add(watcher);
  return watcher;
}

const running = (watcher) => watcher.child.exitCode === null && watcher.child.signalCode === null;
const readyCount = (watcher) => watcher.log.split('watch: ready').length - 1;
const tail = (watcher, lines = 80) => watcher.log.trimEnd().split('\n').slice(-lines).join('\n');

/** Ctrl-C for the watcher (it closes Chromium), then SIGKILL for anything of it still alive. */
async function stopWatcher(watcher) {
  if (!live.has(watcher)) return;
  for (const [pid, start] of descendants(watcher.child.pid)) watcher.known.set(pid, start);
  if (running(watcher)) {
    watcher.child.kill('SIGINT');
    const result = await Promise.race([watcher.exited, sleep(20_000).then(() => 'timeout')]);
    if (result === 'timeout') console.log('watch did not stop within 20 s of Ctrl-C: killed');
  }
  killLeftovers(watcher);
  live.delete(watcher);
}

/** Synchronous: the watcher's process group and every process it started that is still the same one. */
function killLeftovers(watcher) {
  const pid = watcher.child.pid;
  // The group still exists (the leader or a member alive): kill it whole.
  const leaderAlive = running(watcher);
  for (const [other, start] of descendants(pid)) watcher.known.set(other, start);
  const members = [...watcher.known.keys()].filter((other) => procStat(other)?.pgrp === pid);
  if (leaderAlive || members.length > 0) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  }
  for (const [other, start] of watcher.known) {
    if (procStat(other)?.start !== start) continue; // gone, or the pid is someone else's now
    try {
      process.kill(other, 'SIGKILL');
    } catch {}
  }
}

const temporary = new Set();
const cleanUpNow = () => {
  for (const watcher of live) killLeftovers(watcher);
  live.clear();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  temporary.clear();
};
process.on('exit', cleanUpNow);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    cleanUpNow();
    process.exit(130);
  });
}

// ---- waiting for content on disk ----

/** The file's text, read again only when the file was replaced (outputs are written by rename). */
function reader(path) {
  let key;
  let text;
  return () => {
    try {
      const stat = statSync(path);
      const now = `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
      if (now !== key) {
        text = readFileSync(path, 'utf8');
        key = now;
      }
      return text;
    } catch {
      return undefined;
    }
  };
}

/** Polls until every check holds; returns ms from `started` to when each one first held. */
async function waitFor(watcher, checks, started, timeoutMs, what) {
  const times = checks.map(() => undefined);
  const deadline = started + timeoutMs;
  for (;;) {
    checks.forEach((check, index) => {
      if (times[index] !== undefined) return;
      const text = check.read();
      if (text !== undefined && check.holds(text)) times[index] = performance.now() - started;
    });
    if (times.every((time) => time !== undefined)) return times;
    if (!running(watcher))
      throw new Error(
        `watch exited (${watcher.child.exitCode ?? watcher.child.signalCode}) while waiting for ${what}; it said:\n${tail(watcher)}`,
      );
    if (performance.now() > deadline) {
      const missing = checks.filter((_, index) => times[index] === undefined).map((check) => check.name);
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what} (${missing.join(', ')}); watch said:\n${tail(watcher)}`,
      );
    }
    await sleep(5);
  }
}

/** Until the watcher has finished the cycle after `readyBefore` and printed nothing since. */
async function idle(watcher, readyBefore, what) {
  const deadline = performance.now() + EDIT_TIMEOUT;
  while (readyCount(watcher) <= readyBefore || performance.now() - watcher.lastOutput < QUIET_MS) {
    if (!running(watcher))
      throw new Error(`watch exited while finishing ${what}; it said:\n${tail(watcher)}`);
    if (performance.now() > deadline)
      throw new Error(
        `watch did not finish ${what} within ${EDIT_TIMEOUT / 1000} s; it said:\n${tail(watcher)}`,
      );
    await sleep(20);
  }
}

// ---- the reading lists and their edits ----

/** Family folders (with a family.md) and their paper files. */
function familiesOf(content) {
  const families = [];
  for (const entry of readdirSync(content, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(content, entry.name);
    const files = readdirSync(dir);
    if (!files.includes('family.md')) continue;
    const familyText = readFileSync(join(dir, 'family.md'), 'utf8');
    const papers = files
      .filter((file) => file.endsWith('.md') && file !== 'family.md')
      .map((file) => {
        const text = readFileSync(join(dir, file), 'utf8');
        return { file: join(dir, file), id: /^id:\s*(\S+)/m.exec(text)?.[1], text };
      });
    families.push({
      id: /^id:\s*(\S+)/m.exec(familyText)?.[1] ?? entry.name,
      name: /^name:\s*(.+)$/m
        .exec(familyText)?.[1]
        .trim()
        .replace(/^"(.*)"$/, '$1'),
      papers,
    });
  }
  return families;
}

const familyOfPaper = (text) => /^family:\s*(\S+)/m.exec(text)?.[1];

/** The shipped list: relabel the LLaMA edge of Alpaca (drawn in lineage.svg and lineage-llama.svg). */
function shippedEdit(content) {
  const file = join(content, 'llama', 'alpaca.md');
  const original = readFileSync(file, 'utf8');
  const family = familyOfPaper(original);
  return {
    file,
    original,
    describe: `${family}/alpaca.md: the label of its LLaMA edge`,
    text: (label) => {
      const edited = original.replace(/label: LLaMA 7B weights/, `label: ${label}`);
      if (edited === original) throw new Error('alpaca.md no longer has the label "LLaMA 7B weights"');
      return edited;
    },
    checks: (out, label) => [
      { name: 'lineage.svg', path: join(out, 'lineage', 'lineage.svg'), shows: (svg) => svg.includes(label) },
      {
        name: `lineage-${family}.svg`,
        path: join(out, 'lineage', `lineage-${family}.svg`),
        shows: (svg) => svg.includes(label),
      },
    ],
  };
}

const paperNumber = (paper) => Number(/\d+/.exec(paper.id ?? '')?.[0] ?? Number.NaN);

/** The text of the overview arrow `from → to` in lineage.svg (e.g. "2 links"), if it is drawn. */
function arrowLabel(svg, from, to) {
  const at = svg.search(new RegExp(`class="label" data-id="L_${from}_${to}_\\d+"`));
  if (at < 0) return undefined;
  return /class="text-inner-tspan"[^>]*>([^<]*)</.exec(svg.slice(at, at + 2000))?.[1];
}

/**
 * A generated list: a labelled cross-family `builds_on`, from the last paper of family B to the first
 * paper of family A. In the overview that is a new A → B arrow for a pair without one, or (when every
 * pair already has one: few, large families) one more link counted on an existing arrow.
 */
function crossFamilyEdit(content, out) {
  const lineage = join(out, 'lineage');
  const mmd = readFileSync(join(lineage, 'lineage.mmd'), 'utf8');
  const overviewSvg = readFileSync(join(lineage, 'lineage.svg'), 'utf8');
  const overview = mmd.startsWith('%% Overview');
  const families = familiesOf(content);
  // Overview boxes: `n3["Family 2<br>25 papers · …"]`; arrows: `n1 -->|"2 links"| n4`.
  const nodeOf = new Map();
  for (const [, node, name] of mmd.matchAll(/^\s*(n\d+)\["([^"]*?)<br>/gm)) nodeOf.set(name, node);
  const arrows = new Set(
    [...mmd.matchAll(/^\s*(n\d+) -->\|[^|]*\| (n\d+)/gm)].map(([, a, b]) => `${a} ${b}`),
  );
  const candidates = [];
  for (const to of families) {
    const last = to.papers
      .filter((paper) => paper.text.includes('\nbuilds_on:\n'))
      .sort((a, b) => paperNumber(b) - paperNumber(a))[0];
    if (!last) continue;
    for (const from of families) {
      if (from === to) continue;
      const first = [...from.papers].sort((a, b) => paperNumber(a) - paperNumber(b))[0];
      // An earlier paper only: the generated edges all point back, so no cycle can appear.
      if (!first || !(paperNumber(first) < paperNumber(last))) continue;
      if (last.text.includes(`id: ${first.id}\n`)) continue;
      const a = nodeOf.get(from.name);
      const b = nodeOf.get(to.name);
      if (overview && (!a || !b)) continue;
      candidates.push({ to, last, from, first, a, b, fresh: !arrows.has(`${a} ${b}`) });
    }
  }
  const pick = candidates.find((candidate) => candidate.fresh) ?? candidates[0];
  if (!pick) throw new Error('no paper to add a cross-family builds_on to');
  const { to, last, from, first, a, b, fresh } = pick;
  const before = arrowLabel(overviewSvg, a, b);
  if (overview && !fresh && before === undefined)
    throw new Error(`lineage.svg has no label for the ${a} → ${b} arrow of lineage.mmd`);
  // The overview must hold the new arrow, or the arrow's new count.
  const overviewShows = fresh
    ? (svg) => arrowLabel(svg, a, b) !== undefined
    : (svg) => {
        const now = arrowLabel(svg, a, b);
        return now !== undefined && now !== before;
      };
  const relative = last.file.slice(content.length + 1);
  const effect = fresh
    ? `a new ${from.id} → ${to.id} arrow`
    : `the ${from.id} → ${to.id} arrow's count, ${before} + 1`;
  return {
    file: last.file,
    original: last.text,
    describe: `${relative}: + builds_on ${first.id} (${from.id}), labelled${overview ? `; in the overview: ${effect} (${a} → ${b})` : ''}`,
    text: (label) =>
      last.text.replace(
        '\nbuilds_on:\n',
        `\nbuilds_on:\n  - id: ${first.id}\n    kind: borrows-method\n    label: ${label}\n`,
      ),
    checks: (outDir, label) => [
      {
        name: 'lineage.svg',
        path: join(outDir, 'lineage', 'lineage.svg'),
        shows: overview ? overviewShows : (svg) => svg.includes(label),
      },
      {
        name: `lineage-${to.id}.svg`,
        path: join(outDir, 'lineage', `lineage-${to.id}.svg`),
        shows: (svg) => svg.includes(label),
      },
    ],
  };
}

// ---- one reading list ----

async function measure(size) {
  const dir = mkdtempSync(join(tmpdir(), `studykit-watch-${size}-`));
  temporary.add(dir);
  const content = join(dir, 'content');
  const out = join(dir, 'out');
  if (size === 'shipped') cpSync(join(root, 'content'), content, { recursive: true });
  else writeCorpus(content, Number(size));
  const papers = familiesOf(content).reduce((sum, family) => sum + family.papers.length, 0);
  const svg = join(out, 'lineage', 'lineage.svg');

  const coldStart = performance.now();
  const watcher = startWatcher(content, out);
  try {
    const first = reader(svg);
    await waitFor(
      watcher,
      [
        {
          name: 'lineage.svg and "watch: watching"',
          read: first,
          holds: () => watcher.log.includes('watch: watching'),
        },
      ],
      coldStart,
      FIRST_BUILD_TIMEOUT,
      'the first build',
    );
    const firstBuild = performance.now() - coldStart;
    await idle(watcher, 0, 'the first build');
    const view = readFileSync(join(out, 'lineage', 'lineage.mmd'), 'utf8').startsWith('%% Overview')
      ? 'overview'
      : 'every paper';
    console.log(
      `watch, ${size}: ${papers} papers, main diagram: ${view}; first build (cold browser) ${(firstBuild / 1000).toFixed(2)} s`,
    );

    const edit = size === 'shipped' ? shippedEdit(content) : crossFamilyEdit(content, out);
    console.log(`watch, ${size}: edit: ${edit.describe}`);
    let names;
    const times = [];
    for (let run = 0; run < runs; run++) {
      const label = `bench edit ${run}`;
      const checks = edit.checks(out, label);
      names = checks.map((check) => check.name);
      for (const check of checks) {
        if (check.shows(readFileSync(check.path, 'utf8')))
          throw new Error(`${check.name} already shows "${label}" before the edit`);
      }
      // Each file is re-read only when it is replaced; its new content must show the edit.
      const waits = checks.map((check) => ({
        name: check.name,
        read: reader(check.path),
        holds: check.shows,
      }));
      let ready = readyCount(watcher);
      const started = performance.now();
      writeFileSync(edit.file, edit.text(label));
      times.push(await waitFor(watcher, waits, started, EDIT_TIMEOUT, `edit ${run + 1}`));
      await idle(watcher, ready, `the build of edit ${run + 1}`);

      // Back to the original, so that the next edit is a change again: wait until it is drawn.
      const undo = checks.map((check) => ({
        name: check.name,
        read: reader(check.path),
        holds: (text) => !check.shows(text),
      }));
      ready = readyCount(watcher);
      writeFileSync(edit.file, edit.original);
      await waitFor(watcher, undo, performance.now(), EDIT_TIMEOUT, `the undo of edit ${run + 1}`);
      await idle(watcher, ready, `the build of the undo of edit ${run + 1}`);
    }
    const rows = names.map((name, index) => {
      const values = times.map((run) => run[index]);
      return { name, median: median(values), min: Math.min(...values), max: Math.max(...values) };
    });
    for (const row of rows) {
      console.log(
        `watch, ${size}: edit → new ${row.name}: median ${ms(row.median)} (min ${ms(row.min)}, max ${ms(row.max)}; ${runs} runs)`,
      );
    }
    return { size, papers, view, firstBuild, rows };
  } finally {
    await stopWatcher(watcher);
    rmSync(dir, { recursive: true, force: true });
    temporary.delete(dir);
  }
}

const results = [];
let failed = 0;
for (const size of sizes) {
  try {
    results.push(await measure(size));
  } catch (error) {
    failed += 1;
    console.log(`watch, ${size}: failed: ${error.message}`);
  }
}

const span = (row) => `${ms(row.median)} (${row.min.toFixed(0)}–${row.max.toFixed(0)})`;
console.log(`\nwatch --only ${only}: Node ${process.version}, median (min–max) of ${runs} edits`);
const header = ['papers', 'main diagram', 'first build', 'edit → lineage.svg', 'edit → its family diagram'];
console.log(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
for (const result of results) {
  const [main, family] = result.rows;
  console.log(
    `| ${result.size === 'shipped' ? `${result.papers} (shipped)` : result.papers.toLocaleString('en')} | ${result.view} | ${(result.firstBuild / 1000).toFixed(2)} s | ${span(main)} | ${span(family)}, ${family.name} |`,
  );
}
process.exit(failed > 0 ? 1 : 0);
