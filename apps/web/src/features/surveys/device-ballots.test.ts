// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { ballotCommitment, receiptCode } from '@palabre/domain';
import { anonymousBallot, anonymousCredentials, rememberAnonymous } from './device-ballots';

describe('the anonymous ballots a device keeps', () => {
  beforeEach(() => localStorage.clear());

  it('keeps one random secret per participant and derives a different question secret per question', () => {
    const a = anonymousCredentials('p1', 'q1');
    expect(anonymousCredentials('p1', 'q1')).toEqual(a);
    expect(anonymousCredentials('p1', 'q2').ballotSecret).not.toBe(a.ballotSecret);
    expect(anonymousCredentials('p2', 'q1').ballotSecret).not.toBe(a.ballotSecret);
    expect(a.receipt).toBe(receiptCode(ballotCommitment(a.ballotSecret)));
    // The device secret itself is stored, never the question secret that goes to the server.
    expect(JSON.stringify(localStorage)).not.toContain(a.ballotSecret);
  });

  it('remembers what it cast with its receipt code', () => {
    const { receipt } = anonymousCredentials('p1', 'q1');
    rememberAnonymous('p1', 'q1', { type: 'yesno', choice: 'no' }, receipt);
    expect(anonymousBallot('p1', 'q1')).toEqual({ value: { type: 'yesno', choice: 'no' }, receipt });
    expect(anonymousBallot('p1', 'q2')).toBeUndefined();
  });
});
