/**
 * The notes the kit writes itself, for the slides no content note can belong to (overview, lineage,
 * family sections, comparison, discussion, a figure alone): in the study's language, Chinese with
 * full-width punctuation; paper slides keep exactly the notes content gives them.
 */
import { fileURLToPath } from 'node:url';
import { loadContent } from '@studykit/core/fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planDeck, planMeetingDeck, type SlidePlan } from '../src/deck.js';
import { divideNotes } from '../src/note-division.js';
import { fixtureAst } from './fixtures.js';

const ZH = fileURLToPath(new URL('../../../tests/fixtures/content-zh', import.meta.url));
const GENERATED = ['overview', 'lineage', 'family-section', 'comparison', 'discussion'];
const noteText = (plan: SlidePlan | undefined) => plan?.notes.map((note) => note.text).join(' ') ?? '';

describe('generated speaker notes', () => {
  // The first plan loads the deck's font coverage (seconds on a loaded machine): not a test's time.
  beforeAll(() => void planDeck(fixtureAst(), 'demo', { mermaid: null }), 60_000);

  it('reads as Chinese in a Chinese study, with full-width punctuation', async () => {
    const ast = await loadContent(ZH);
    const plans = planDeck(ast, 'glm');
    const generated = plans.filter((plan) => GENERATED.includes(plan.kind));
    expect(generated.map((plan) => plan.kind)).toEqual([
      'overview',
      'lineage',
      'family-section',
      'comparison',
    ]);
    for (const plan of generated) {
      const text = noteText(plan);
      expect({ kind: plan.kind, han: /\p{Script=Han}{4}/u.test(text) }).toEqual({
        kind: plan.kind,
        han: true,
      });
      // Chinese sentences end in "。" and explain after "：", never in ASCII marks.
      expect(text).toMatch(/。$/u);
      expect(text).not.toMatch(/[\p{Script=Han}][:;,.]|[:;,.] ?[\p{Script=Han}]/u);
    }
    expect(noteText(plans.find((plan) => plan.kind === 'lineage'))).toContain('ChatGLM-6B');
    expect(noteText(plans.find((plan) => plan.kind === 'comparison'))).toMatch(/GLM-130B（130B）/u);
    const pageNote = plans.find((plan) => plan.kind === 'section')?.pageNote;
    expect(pageNote?.({ figure: '三个步骤。' }).text).toBe(
      '本页以图为主：三个步骤。先留给大家片刻看图，再进行讲解。',
    );
    expect(pageNote?.({ topics: ['数据', '奖励模型'] }).text).toBe(
      '本页要点：数据；奖励模型。逐条讲解，并说明每一点为本节补充了什么。',
    );
  });

  it('writes English ones for an English family and meeting, and leaves paper slides to the content', () => {
    const ast = fixtureAst();
    const plans = planDeck(ast, 'demo');
    for (const plan of plans.filter((p) => GENERATED.includes(p.kind))) {
      expect({ kind: plan.kind, text: noteText(plan) }).toEqual({
        kind: plan.kind,
        text: expect.stringMatching(/^[A-Z][^\p{Script=Han}]+\.$/u),
      });
    }
    // A paper's slides carry the content's notes for them, and nothing generated.
    for (const plan of plans.filter((p) => p.paper)) {
      const paper = ast.papers.find((p) => p.id === plan.paper);
      const own = paper?.notes.filter((note) => plan.notes.some((n) => n.text === note.text)) ?? [];
      expect(plan.notes.length).toBe(own.length);
    }
    ast.meetings.push({
      id: '2026-12-03',
      date: '2026-12-03',
      title: null,
      presenter: null,
      time: null,
      duration: null,
      place: null,
      papers: ['alpha-1', 'alpha-2'],
      questions: [{ text: 'Why?', children: [{ type: 'text', value: 'Why?' }] }],
      file: 'meetings/2026-12-03.md',
      span: ast.papers[0]?.span as (typeof ast.papers)[number]['span'],
    });
    const meeting = planMeetingDeck(ast, '2026-12-03');
    expect(noteText(meeting.find((plan) => plan.kind === 'discussion'))).toMatch(/^One question to end on\./);
    expect(noteText(meeting.find((plan) => plan.kind === 'lineage'))).toMatch(
      /one arrow at a time: .+ Alpha-1/,
    );
    expect(
      meeting.filter(
        (plan) => ['cover', 'agenda', 'references'].includes(plan.kind) && plan.notes.length > 0,
      ),
    ).toEqual([]);
  });
  it('gives a lineage shown era by era each slide the arrows it draws, none twice', () => {
    const lineage = planDeck(fixtureAst(), 'demo').find((plan) => plan.kind === 'lineage');
    const notes = lineage?.notes ?? [];
    expect(notes).toHaveLength(1);
    // Two eras as the layout draws them: Alpha-1 alone, then Alpha-2 with Alpha-1 as a stub.
    const eras = [
      '<div class="sk-diagram"><svg><text>Alpha-1 · 2018</text></svg></div>',
      '<div class="sk-diagram"><svg><text>Alpha-1 · 2018</text><text>Alpha-2 · 2019</text></svg></div>',
    ];
    const [first, second] = divideNotes(notes, eras).map((parts) => parts.map((note) => note.text).join(' '));
    expect(first).toMatch(/^Read the diagram in time order/);
    expect(first).not.toContain('Alpha-2 scales up Alpha-1');
    expect(second).toContain('Alpha-2 scales up Alpha-1');
    expect(second).toContain('Ask which step changed the most.');
  });
});
