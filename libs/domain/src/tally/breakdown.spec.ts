import { QuestionBreakdown, type Gender, type QuestionConfig } from '@palabre/contracts';
import { breakdown, type ProfiledBallot, type VoterProfile } from './breakdown';
import { tally } from './tally';

const q = { type: 'yesno' } satisfies QuestionConfig;
const voter = (gender: Gender | null, over: Partial<VoterProfile> = {}): VoterProfile => ({
  territoryType: 'metropole', category: 'elu', gender, ...over,
});
const cast = (n: number, profile: VoterProfile, choice: 'yes' | 'no' = 'yes'): ProfiledBallot[] =>
  Array.from({ length: n }, () => ({ value: { type: 'yesno', choice }, voter: profile }));

describe('breakdown by territory type, category and gender', () => {
  it('hides a subgroup of fewer than 5 voters without revealing its count', () => {
    const b = breakdown(q, [...cast(6, voter('femme')), ...cast(6, voter('homme')), ...cast(0, voter('autre'))]);
    expect(b.gender.autre).toEqual({ hidden: true, reason: 'small_cell', voters: '<5' });
    expect(b.gender.femme).toMatchObject({ hidden: false, voters: 6 });
    expect(b.territoryType.agglomeration).toEqual({ hidden: true, reason: 'small_cell', voters: '<5' });
    expect(b.territoryType.metropole).toMatchObject({ hidden: false, voters: 12 });
  });

  it('gives each shown subgroup the tally of its own ballots', () => {
    const ballots = [...cast(5, voter('femme'), 'no'), ...cast(7, voter('homme'), 'yes')];
    const b = breakdown(q, ballots);
    const femme = b.gender.femme;
    expect(femme.hidden).toBe(false);
    if (!femme.hidden) expect(femme.results).toEqual(tally(q, cast(5, voter('femme'), 'no').map((x) => x.value)));
  });

  it('also hides the smallest shown subgroup when the small one could be found by subtraction', () => {
    // 2 « autre » voters = total − femme − homme; hiding « homme » too makes the remainder 10.
    const b = breakdown(q, [...cast(10, voter('femme')), ...cast(8, voter('homme')), ...cast(2, voter('autre'))]);
    expect(b.gender.autre).toEqual({ hidden: true, reason: 'small_cell', voters: '<5' });
    expect(b.gender.homme).toEqual({ hidden: true, reason: 'complementary', voters: null });
    expect(b.gender.femme).toMatchObject({ hidden: false, voters: 10 });
  });

  it('protects voters of unknown profile the same way', () => {
    const b = breakdown(q, [...cast(10, voter('femme')), ...cast(9, voter('homme')), ...cast(3, voter(null))]);
    expect(b.gender.homme).toEqual({ hidden: true, reason: 'complementary', voters: null });
    expect(b.gender.femme.hidden).toBe(false);
  });

  it('counts only valid ballots in a subgroup', () => {
    const invalid: ProfiledBallot[] = cast(2, voter('femme')).map((x) => ({ ...x, value: { type: 'single', optionId: 'a' } }));
    const b = breakdown(q, [...cast(4, voter('femme')), ...invalid, ...cast(9, voter('homme'))], 5);
    expect(b.gender.femme).toEqual({ hidden: true, reason: 'small_cell', voters: '<5' });
  });

  it('uses the minimum cell size it is given', () => {
    const b = breakdown(q, [...cast(3, voter('femme')), ...cast(3, voter('homme'))], 3);
    expect(b.minCell).toBe(3);
    expect(b.gender.femme).toMatchObject({ hidden: false, voters: 3 });
    expect(b.gender.autre).toEqual({ hidden: true, reason: 'small_cell', voters: '<3' });
  });

  it('produces a breakdown that matches its wire schema', () => {
    const b = breakdown(q, [...cast(10, voter('femme', { category: 'citoyen' })), ...cast(8, voter('homme'))]);
    expect(QuestionBreakdown.parse(b)).toEqual(b);
  });
});
