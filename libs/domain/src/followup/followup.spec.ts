import fc from 'fast-check';
import { FollowUpStatus } from '@palabre/contracts';
import { canAnswerRecommendation, canReadRecommendation, isOverdue, quarterOf, statusAfterResponse } from './followup';

const day = fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const status = fc.constantFrom(...FollowUpStatus.options);

describe('follow-up rules', () => {
  it('flags overdue exactly when the deadline is past and the follow-up is not finished', () => {
    fc.assert(
      fc.property(fc.option(day, { nil: null }), day, status, (deadline, today, s) => {
        const expected = deadline !== null && deadline < today && s !== 'done' && s !== 'closed';
        expect(isOverdue({ deadline, status: s }, today)).toBe(expected);
      }),
    );
    expect(isOverdue({ deadline: '2027-03-31', status: 'planned' }, '2027-03-31')).toBe(false);
    expect(isOverdue({ deadline: '2027-03-31', status: 'planned' }, '2027-04-01')).toBe(true);
  });

  it('lets only the assigned instructing service answer; organisers read all', () => {
    const me = '00000000-0000-4000-8000-000000000001';
    const other = '00000000-0000-4000-8000-000000000002';
    expect(canAnswerRecommendation({ role: 'instructor', accountId: me }, me)).toBe(true);
    expect(canAnswerRecommendation({ role: 'instructor', accountId: me }, other)).toBe(false);
    expect(canAnswerRecommendation({ role: 'instructor', accountId: me }, null)).toBe(false);
    for (const role of ['organiser', 'admin', 'facilitator'] as const) expect(canAnswerRecommendation({ role, accountId: me }, me)).toBe(false);
    expect(canReadRecommendation({ role: 'organiser', accountId: me }, other)).toBe(true);
    expect(canReadRecommendation({ role: 'facilitator', accountId: me }, me)).toBe(false);
    expect(canReadRecommendation({ role: 'instructor', accountId: me }, other)).toBe(false);
  });

  it('closes a recommendation not retained and plans an accepted one', () => {
    expect(statusAfterResponse('pending', 'not_retained')).toBe('closed');
    expect(statusAfterResponse('pending', 'accepted')).toBe('planned');
    expect(statusAfterResponse('in_progress', 'partial')).toBe('in_progress');
  });

  it('puts every day in a quarter that contains it', () => {
    fc.assert(
      fc.property(day, (d) => {
        const q = quarterOf(d);
        expect(q.from <= d && d <= q.to).toBe(true);
        expect(q.label).toMatch(/^T[1-4] \d{4}$/);
      }),
    );
    expect(quarterOf('2027-02-14')).toEqual({ from: '2027-01-01', to: '2027-03-31', label: 'T1 2027' });
  });
});
