import type { StudyAst } from '@studykit/core';
import { describe, expect, it } from 'vitest';
import { planMeetingDeck } from '../src/deck.js';
import { deckSpecs } from '../src/render-decks.js';
import { fixtureAst } from './fixtures.js';

/** The fixture with one meeting across its three families (demo, zh, hostile). */
function withMeeting(): StudyAst {
  const ast = fixtureAst();
  ast.meetings.push({
    id: '2026-12-03',
    date: '2026-12-03',
    title: 'Three families',
    presenter: 'Ada',
    time: null,
    duration: null,
    place: null,
    papers: ['glm-demo', 'alpha-2', 'evil-1'],
    questions: [
      {
        text: 'Which idea travels across the three?',
        children: [{ type: 'text', value: 'Which idea travels across the three?' }],
      },
    ],
    file: 'meetings/2026-12-03.md',
    span: ast.papers[0]?.span as StudyAst['papers'][number]['span'],
  });
  return ast;
}

describe('a meeting deck', () => {
  const ast = withMeeting();
  const plans = planMeetingDeck(ast, '2026-12-03');

  it('covers the meeting, then its papers in the meeting order, a comparison, the questions and references', () => {
    expect(plans[0]).toMatchObject({ kind: 'cover', title: 'Three families' });
    const papers = plans.filter((plan) => plan.kind === 'paper').map((plan) => plan.paper);
    expect(papers).toEqual(['glm-demo', 'alpha-2', 'evil-1']);
    expect(plans.slice(-3).map((plan) => plan.kind)).toEqual(['comparison', 'discussion', 'references']);
    const discussion = plans.find((plan) => plan.kind === 'discussion')?.body;
    expect(discussion?.type === 'flow' && discussion.chunks[0]?.html).toContain(
      'Which idea travels across the three?',
    );
  });

  it('says on its cover when and where: date, time and length, place, presenter', () => {
    const timed = withMeeting();
    Object.assign(timed.meetings.at(-1) ?? {}, { time: '18:30', duration: 90, place: 'Room 2.14' });
    const cover = planMeetingDeck(timed, '2026-12-03')[0]?.body;
    expect(cover?.type === 'fixed' && cover.html).toContain(
      '<p class="sk-cover-facts">3 December 2026 · 18:30 (90 min) · Room 2.14 · presented by Ada</p>',
    );
  });

  it('draws the sub-lineage: its papers with their nearest ancestors, in their three families, and nothing else', () => {
    const body = plans.find((plan) => plan.kind === 'lineage')?.body;
    const text = body?.type === 'diagram' ? body.mermaid.LR : '';
    expect(text).toContain('Alpha-2');
    expect(text).toContain('Alpha-1'); // alpha-2 builds on it
    expect(text).toContain('GLM 演示');
    expect(text.match(/^\s+subgraph /gm)?.length).toBe(3);
    const papersDrawn = text.match(/^\s+n\d+\[/gm)?.length;
    expect(papersDrawn).toBe(4);
  });

  it('goes to out/meetings/<id>/ and is built by default, but not when only families are asked for', () => {
    expect(deckSpecs(ast, {}).map((spec) => spec.folder)).toContain('meetings/2026-12-03');
    expect(deckSpecs(ast, { families: ['demo'] }).map((spec) => spec.folder)).toEqual(['slides/demo']);
    expect(() => deckSpecs(ast, { meetings: ['2027-01-01'] })).toThrow(/Unknown meeting "2027-01-01"/);
  });
});
