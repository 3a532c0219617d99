/**
 * A split section's notes divided among its slides (note-division.ts), on the page HTML a split
 * section gives: each sentence, list item or paragraph on exactly one slide, the one whose words it
 * shares, in order; an even split when it shares none; generated notes for pages no note is about.
 */
import { parse } from '@studykit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SlideNote } from '../src/deck.js';
import { planDeck } from '../src/index.js';
import { assignUnits, divideNotes, noteUnits, type PageSummary, terms } from '../src/note-division.js';
import { slideNote } from '../src/note-html.js';
import { fixtureAst } from './fixtures.js';

/** The note of a content paper's `### Section`, as the deck plans it. */
function noteOf(markdown: string): SlideNote {
  const paper = [
    '---',
    'id: p',
    'family: f',
    'title: A paper',
    'short: P',
    'year: 2022',
    'authors: [A. Author]',
    'venue: arXiv',
    'url: https://example.org/p',
    '---',
    '',
    '## Motivation',
    '',
    'Why.',
    '',
    '## Notes',
    '',
    '### Motivation',
    markdown,
    '',
  ].join('\n');
  const ast = parse(
    [
      {
        path: 'f/family.md',
        contents: '---\nid: f\nname: F\norganisation: O\norder: 1\ncolour: "#2563eb"\n---\n',
      },
      { path: 'f/p.md', contents: paper },
    ],
    { currentYear: 2026 },
  );
  const plan = planDeck(ast, 'f', { mermaid: null }).find((p) => p.kind === 'section');
  const note = plan?.notes[0];
  if (!note) throw new Error(`no note planned: ${JSON.stringify(ast.diagnostics)}`);
  return note;
}

const texts = (pages: SlideNote[][]) => pages.map((notes) => notes.map((note) => note.text).join(' | '));

// The pages InstructGPT's Details section is split into: the dataset table, then the two objectives.
const TABLE_PAGE =
  '<table class="sk-table"><thead><tr><th>Dataset</th><th>Training prompts</th></tr></thead><tbody><tr><td>SFT</td><td>about 13k</td></tr></tbody></table><ul><li>Prompts come from the Playground.</li></ul>';
const RM_PAGE =
  '<ul><li>SFT runs for 16 epochs.</li><li>The RM has <strong>6B</strong> parameters, trained on every pair of ranked outputs with a pairwise loss.</li></ul>';
const PPO_PAGE =
  '<ul><li><p><strong>PPO-ptx objective</strong>, maximised over the policy: a KL penalty keeps it close to the SFT model.</p></li></ul>';

describe('dividing a split section’s notes among its slides', () => {
  // The first plan loads the deck's font coverage (seconds on a loaded machine): not a test's time.
  beforeAll(() => void planDeck(fixtureAst(), 'demo', { mermaid: null }), 60_000);

  it('puts a sentence on the slide it talks about, never on two (the dataset table is not under Details 2/2)', () => {
    const note = noteOf(
      'The dataset table is the slide people remember. The reward model is 6B because larger ones were unstable. The KL penalty of PPO-ptx keeps the policy near the SFT model.',
    );
    const pages = divideNotes([note], [TABLE_PAGE, RM_PAGE, PPO_PAGE]);
    expect(texts(pages)).toEqual([
      'The dataset table is the slide people remember.',
      'The reward model is 6B because larger ones were unstable.',
      'The KL penalty of PPO-ptx keeps the policy near the SFT model.',
    ]);
    // Each page's presenter HTML and handout spans hold only its own part.
    expect(pages[1]?.[0]?.html).toBe('<p>The reward model is 6B because larger ones were unstable.</p>');
    expect(pages[2]?.[0]?.spans).toEqual([
      { text: 'The KL penalty of PPO-ptx keeps the policy near the SFT model.' },
    ]);
  });

  it('keeps the order: a sentence never goes to a slide before the one of the sentence ahead of it', () => {
    // The second sentence names the table (slide 1), but follows one about slide 2: it stays there.
    expect(
      assignUnits(
        ['The PPO objective and its KL penalty.', 'Back to the dataset table.'],
        [TABLE_PAGE, PPO_PAGE],
      ),
    ).toEqual([1, 1]);
  });

  it('splits evenly by order when no sentence shares a word with any slide', () => {
    expect(assignUnits(['One.', 'Two.', 'Three.', 'Four.'], ['<p>alpha</p>', '<p>beta</p>'])).toEqual([
      0, 0, 1, 1,
    ]);
    // Fewer sentences than slides: still in order, spread over the set.
    expect(assignUnits(['One.', 'Two.'], ['<p>a</p>', '<p>b</p>', '<p>c</p>', '<p>d</p>'])).toEqual([0, 2]);
  });

  it('spreads a note over the slides it matches, keeping a sentence without words of its own with the one before', () => {
    const note = noteOf(
      'Walk through the data table first. It is the key point. Then the objective: the KL penalty.\n\nFinally the RM size.',
    );
    const pages = divideNotes([note], [TABLE_PAGE, PPO_PAGE, RM_PAGE]);
    expect(texts(pages)).toEqual([
      'Walk through the data table first. It is the key point.',
      'Then the objective: the KL penalty.',
      'Finally the RM size.',
    ]);
  });

  it('divides a list by its items and keeps the items of one slide in one list', () => {
    const note = noteOf('- The dataset table.\n- The RM and its 6B parameters.\n- The ranked outputs.');
    const pages = divideNotes([note], [TABLE_PAGE, RM_PAGE]);
    expect(pages.map((notes) => notes.map((n) => n.html))).toEqual([
      ['<ul><li>The dataset table.</li></ul>'],
      ['<ul><li>The RM and its 6B parameters.</li><li>The ranked outputs.</li></ul>'],
    ]);
  });

  it('does not cut a sentence at "e.g." and leaves a single slide’s notes as they are', () => {
    const note = noteOf('Compare sizes, e.g. the 6B RM against the table. Then stop.');
    expect(noteUnits(note.children).map((unit) => unit.text)).toEqual([
      'Compare sizes, e.g. the 6B RM against the table.',
      'Then stop.',
    ]);
    expect(divideNotes([note], [RM_PAGE])).toEqual([[note]]);
  });

  it('divides Chinese notes at full-width sentence ends, matching Chinese words', () => {
    const note = noteOf('先讲数据表格，这是大家记得的一页。再讲奖励模型的规模。');
    const pages = divideNotes(
      [note],
      ['<table><tr><td>数据</td></tr></table><p>训练数据的来源。</p>', '<p>奖励模型有 60 亿参数。</p>'],
    );
    expect(texts(pages)).toEqual(['先讲数据表格，这是大家记得的一页。', '再讲奖励模型的规模。']);
    expect([...terms('奖励模型')]).toEqual(['奖励', '励模', '模型']);
  });

  it('gives a page no note is about a generated one, and a figure alone its caption, but adds none to a section without notes', () => {
    const pageNote = (page: PageSummary) =>
      slideNote({
        children: [],
        text: 'figure' in page ? `figure: ${page.figure}` : `points: ${page.topics.join(', ')}`,
      });
    const figure =
      '<figure class="sk-figure sk-figure-alone"><img class="sk-figure-image" src="./a.png" alt="The three steps"><figcaption>Three steps.</figcaption></figure>';
    const note = noteOf('The dataset table is what people remember.');
    expect(texts(divideNotes([note], [TABLE_PAGE, RM_PAGE, figure], pageNote))).toEqual([
      'The dataset table is what people remember.',
      // Its bold "6B" is a number, not a point: the slide's first sentence names it.
      'points: SFT runs for 16 epochs',
      'figure: Three steps.',
    ]);
    expect(texts(divideNotes([], [TABLE_PAGE, figure], pageNote))).toEqual(['', 'figure: Three steps.']);
  });
});
