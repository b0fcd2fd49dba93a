import { isEligible, resolveEligibility } from './eligibility';

describe('eligibility', () => {
  it('defaults to verified members when the session has a roster, to everyone present otherwise', () => {
    expect(resolveEligibility(undefined, true)).toBe('verified');
    expect(resolveEligibility(undefined, false)).toBe('present');
  });

  it('keeps the facilitator choice whatever the roster', () => {
    expect(resolveEligibility('present', true)).toBe('present');
    expect(resolveEligibility('verified', false)).toBe('verified');
  });

  it('lets an unverified joiner answer only questions open to everyone present', () => {
    expect(isEligible('present', { verified: false })).toBe(true);
    expect(isEligible('verified', { verified: false })).toBe(false);
    expect(isEligible('verified', { verified: true })).toBe(true);
  });
});
