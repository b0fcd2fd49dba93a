import { describe, expect, it } from 'vitest';
import type { OpinionMapView, OpinionStatementView, OpinionsActivityView } from '@palabre/contracts';
import { opinionAgreements } from '@palabre/domain';
import { assemblyConsensus, groupAgreesMost, groupSize, layoutPoints, moderationActions, nextStatement, progress, promotableIdeas, withAnswer, withStatement } from './model';

const A = '00000000-0000-4000-8000-00000000000a';
const s1 = '00000000-0000-4000-8000-000000000001';
const s2 = '00000000-0000-4000-8000-000000000002';
const s3 = '00000000-0000-4000-8000-000000000003';

const statement = (id: string, over: Partial<OpinionStatementView> = {}): OpinionStatementView => ({
  id, activityId: A, text: `Affirmation ${id.slice(-1)}`, status: 'visible', origin: 'facilitator', createdAt: '2026-12-03T10:00:00.000Z', ...over,
});

function view(over: Partial<OpinionsActivityView> = {}): OpinionsActivityView {
  return {
    settings: { consensusThreshold: 0.6, memberStatements: 'pre' },
    statements: [statement(s1), statement(s2)],
    map: null,
    agreements: null,
    myAnswers: {},
    next: s2,
    myGroup: null,
    ...over,
  };
}

function map(over: Partial<OpinionMapView> = {}): OpinionMapView {
  return {
    activityId: A, members: 12, answers: 30, points: [], silhouette: 0.5, lenses: [], divisive: [],
    groups: [
      { index: 0, size: 7, representative: [{ statementId: s1, direction: 'agree', share: 0.8, othersShare: 0.2 }, { statementId: s2, direction: 'disagree', share: 0.9, othersShare: 0.1 }] },
      { index: 1, size: 5, representative: [{ statementId: s2, direction: 'agree', share: 0.9, othersShare: 0.1 }] },
    ],
    consensus: [{ statementId: s3, direction: 'agree', share: 0.85, groupShares: [0.95, 0.7] }],
    ...over,
  };
}

describe('the next statement on a phone', () => {
  it('keeps the server’s choice (fewest answers first) while it is visible and unanswered', () => {
    expect(nextStatement(view())).toBe(s2);
  });

  it('falls back to the oldest unanswered visible statement when the server’s choice was hidden', () => {
    const v = withStatement(view(), statement(s2, { status: 'hidden' }), false);
    expect(v.statements.map((s) => s.id)).toEqual([s1]);
    expect(v.next).toBe(s1);
  });

  it('offers a statement that appears after everything was answered', () => {
    const done = view({ myAnswers: { [s1]: 'agree', [s2]: 'pass' }, next: null });
    expect(nextStatement(done)).toBeNull();
    expect(withStatement(done, statement(s3), false).next).toBe(s3);
  });

  it('takes the next statement from the answer’s ack and records the answer', () => {
    const v = withAnswer(view(), { statementId: s2, vote: 'disagree', next: s1 });
    expect(v.myAnswers).toEqual({ [s2]: 'disagree' });
    expect(v.next).toBe(s1);
    expect(progress(v)).toEqual({ answered: 1, total: 2 });
  });

  it('never offers a pending statement (a member’s own proposal waiting for approval)', () => {
    const v = withStatement(view({ statements: [], next: null }), statement(s3, { status: 'pending', origin: 'member' }), false);
    expect(v.statements).toHaveLength(1);
    expect(v.next).toBeNull();
    expect(progress(v)).toEqual({ answered: 0, total: 0 });
  });
});

describe('statements as each audience keeps them', () => {
  it('members drop rejected and hidden statements; the staff keep them to restore them', () => {
    expect(withStatement(view(), statement(s1, { status: 'rejected' }), false).statements.map((s) => s.id)).toEqual([s2]);
    expect(withStatement(view(), statement(s1, { status: 'hidden' }), true).statements.find((s) => s.id === s1)?.status).toBe('hidden');
  });

  it('replaces a known statement in place and appends a new one', () => {
    const v = withStatement(withStatement(view(), statement(s1, { text: 'Modifiée' }), true), statement(s3), true);
    expect(v.statements.map((s) => [s.id, s.text])).toEqual([[s1, 'Modifiée'], [s2, 'Affirmation 2'], [s3, 'Affirmation 3']]);
  });

  it('offers the moderation the server accepts for each status', () => {
    expect(moderationActions('pending')).toEqual(['approve', 'reject']);
    expect(moderationActions('visible')).toEqual(['hide']);
    expect(moderationActions('hidden')).toEqual(['restore']);
    expect(moderationActions('rejected')).toEqual(['restore']);
  });

  it('promotes only visible, unmerged ideas', () => {
    const base = { activityId: A, columnId: 'c', body: '', anonymous: false, authorId: null, authorName: null, pinned: false, editedByStaff: false, locked: false, reason: null, tags: [], cluster: null, mergedFrom: [], createdAt: '', rev: 1 };
    const ideas = [
      { ...base, id: s1, title: 'Visible', status: 'visible' as const, mergedInto: null },
      { ...base, id: s2, title: 'Masquée', status: 'hidden' as const, mergedInto: null },
      { ...base, id: s3, title: 'Fusionnée', status: 'visible' as const, mergedInto: s1 },
    ];
    expect(promotableIdeas(ideas as Parameters<typeof promotableIdeas>[0]).map((i) => i.title)).toEqual(['Visible']);
  });
});

describe('"your group agrees most with…" and what unites the assembly, from the map’s agreements', () => {
  const statements = [statement(s1), statement(s2), statement(s3)];
  // What the server sends the phones of map(): libs/domain's opinionAgreements.
  const agreements = () => opinionAgreements(map());

  it('lists the group’s agreed representative and consensus statements, highest share first, with their text', () => {
    expect(groupAgreesMost(agreements(), 0, statements)).toEqual([
      { statementId: s3, text: 'Affirmation 3', share: 0.95 },
      { statementId: s1, text: 'Affirmation 1', share: 0.8 },
    ]);
    expect(groupAgreesMost(agreements(), 1, statements).map((g) => g.statementId)).toEqual([s2, s3]);
    expect([groupSize(agreements(), 0), groupSize(agreements(), 1), groupSize(agreements(), 2), groupSize(null, 0)]).toEqual([7, 5, 0, 0]);
    expect(assemblyConsensus(agreements(), statements)).toEqual([{ statementId: s3, text: 'Affirmation 3', share: 0.85, direction: 'agree' }]);
  });

  it('says nothing before the member has a group, or about statements no longer shown', () => {
    expect(groupAgreesMost(agreements(), null, statements)).toEqual([]);
    expect(groupAgreesMost(null, 0, statements)).toEqual([]);
    expect(groupAgreesMost(agreements(), 0, [statement(s1)]).map((g) => g.statementId)).toEqual([s1]);
    expect(assemblyConsensus(agreements(), [statement(s1), statement(s3, { status: 'hidden' })])).toEqual([]);
  });
});

describe('the dots on the map', () => {
  it('keeps the PCA’s proportions inside the margins', () => {
    const placed = layoutPoints([{ x: -2, y: 0, group: 0 }, { x: 2, y: 1, group: 1 }], 100, 10);
    expect(placed).toEqual([{ x: 10, y: 40, group: 0 }, { x: 90, y: 60, group: 1 }]);
  });

  it('centres members who all answered alike', () => {
    expect(layoutPoints([{ x: 1, y: 1, group: 0 }, { x: 1, y: 1, group: 0 }])).toEqual([{ x: 50, y: 50, group: 0 }, { x: 50, y: 50, group: 0 }]);
    expect(layoutPoints([])).toEqual([]);
  });
});
