import type { QuestionConfig } from '@palabre/contracts';
import { questionTurnout, tally } from '../tally';
import { attendance, ballotParts, channelConflict, checkPaperConfirmation, checkPaperTotals, checkProxy, lapsingProxies, paperBallots, REPLACEABLE_CHANNELS } from './channels';

const yesno: QuestionConfig = { type: 'yesno' };
const single = { type: 'single', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] } as unknown as QuestionConfig;
const on = { enabled: true, maxPerHolder: 1 };

describe('ballot channels', () => {
  it('refuses a device ballot from a member who voted on paper, and a paper entry for one who voted in the app', () => {
    expect(channelConflict('paper', 'device')).toBe('BALLOT_CAST_ON_PAPER');
    expect(channelConflict('paper', 'proxy')).toBe('BALLOT_CAST_ON_PAPER');
    expect(channelConflict('paper', 'assisted')).toBe('BALLOT_CAST_ON_PAPER');
    expect(channelConflict('device', 'paper')).toBe('BALLOT_CAST_ON_DEVICE');
    expect(channelConflict('proxy', 'paper')).toBe('BALLOT_CAST_ON_DEVICE');
    expect(channelConflict('assisted', 'paper')).toBe('BALLOT_CAST_ON_DEVICE');
  });

  it("lets the member's own vote take over a proxy's, never the other way round", () => {
    expect(channelConflict('proxy', 'device')).toBeNull();
    expect(channelConflict('proxy', 'assisted')).toBeNull();
    expect(channelConflict('device', 'proxy')).toBe('BALLOT_CAST_IN_PERSON');
    expect(channelConflict('assisted', 'proxy')).toBe('BALLOT_CAST_IN_PERSON');
  });

  it('lets a ballot be changed through the channel that cast it', () => {
    for (const c of ['device', 'proxy', 'paper', 'assisted'] as const) expect(channelConflict(c, c)).toBeNull();
    expect(REPLACEABLE_CHANNELS).toContain('device>device');
    expect(REPLACEABLE_CHANNELS).not.toContain('paper>device');
    expect(REPLACEABLE_CHANNELS).toHaveLength(4 + 2 + 2); // same channel, proxy → own vote, device ⇄ assisted
  });
});

describe('proxies', () => {
  it('refuses proxies when disabled, to oneself, twice from one giver, in chains, and beyond the limit', () => {
    expect(checkProxy({ enabled: false, maxPerHolder: 1 }, [], { giverId: 'g', holderId: 'h', giverPresent: false })).toBe('PROXIES_DISABLED');
    expect(checkProxy(on, [], { giverId: 'g', holderId: 'g', giverPresent: false })).toBe('PROXY_SELF');
    expect(checkProxy(on, [{ giverId: 'g', holderId: 'x' }], { giverId: 'g', holderId: 'h', giverPresent: false })).toBe('PROXY_GIVER_HAS_PROXY');
    expect(checkProxy(on, [{ giverId: 'x', holderId: 'g' }], { giverId: 'g', holderId: 'h', giverPresent: false })).toBe('PROXY_CHAIN');
    expect(checkProxy(on, [{ giverId: 'h', holderId: 'x' }], { giverId: 'g', holderId: 'h', giverPresent: false })).toBe('PROXY_CHAIN');
    expect(checkProxy(on, [{ giverId: 'y', holderId: 'h' }], { giverId: 'g', holderId: 'h', giverPresent: false })).toBe('PROXY_LIMIT');
    expect(checkProxy({ enabled: true, maxPerHolder: 2 }, [{ giverId: 'y', holderId: 'h' }], { giverId: 'g', holderId: 'h', giverPresent: false })).toBeNull();
    expect(checkProxy(on, [], { giverId: 'g', holderId: 'h', giverPresent: true })).toBe('PROXY_GIVER_PRESENT');
  });

  it('does not count a lapsed proxy against the holder', () => {
    expect(checkProxy(on, [{ giverId: 'y', holderId: 'h', lapsed: true }], { giverId: 'g', holderId: 'h', giverPresent: false })).toBeNull();
  });

  it('counts present, represented and voting members; a proxy lapses when its giver is present', () => {
    const proxies = [{ giverId: 'marie', holderId: 'paul' }, { giverId: 'jean', holderId: 'anne' }];
    expect(attendance(new Set(['paul', 'anne', 'luc']), proxies)).toEqual({ present: 3, represented: 2, voting: 5 });
    // Marie arrives: her proxy lapses, she is counted once, as present.
    const present = new Set(['paul', 'anne', 'luc', 'marie']);
    expect(lapsingProxies(proxies, present)).toEqual([proxies[0]]);
    expect(attendance(present, proxies)).toEqual({ present: 4, represented: 1, voting: 5 });
    expect(attendance(present, [{ ...proxies[0], lapsed: true }, proxies[1]])).toEqual({ present: 4, represented: 1, voting: 5 });
    // A proxy whose holder is not in the room represents no one.
    expect(attendance(new Set(['luc']), proxies)).toEqual({ present: 1, represented: 0, voting: 1 });
  });

  it('gives a turnout over present and represented members, never above 100 %', () => {
    const a = attendance(new Set(['paul', 'anne']), [{ giverId: 'marie', holderId: 'paul' }]);
    // Paul votes for himself and for Marie, Anne votes: 3 of 3.
    expect(questionTurnout(3, a.voting)).toEqual({ voters: 3, present: 3, rate: 1 });
    expect(questionTurnout(2, a.voting).rate).toBe(0.667);
  });
});

describe('paper ballots', () => {
  it('checks totals against the question and drops zero counts', () => {
    expect(checkPaperTotals(yesno, { yes: 3, no: 0, abstain: 1 })).toEqual({ ok: true, totals: { yes: 3, abstain: 1 }, ballots: 4 });
    expect(checkPaperTotals(yesno, { maybe: 1 })).toEqual({ ok: false, code: 'PAPER_TOTALS_UNKNOWN_OPTION' });
    expect(checkPaperTotals(yesno, { yes: 0 })).toEqual({ ok: false, code: 'PAPER_TOTALS_EMPTY' });
    expect(checkPaperTotals({ type: 'ranking' } as QuestionConfig, { a: 1 })).toEqual({ ok: false, code: 'PAPER_TOTALS_UNSUPPORTED' });
  });

  it('tallies paper totals plus device ballots in one count', () => {
    const device = [{ type: 'single', optionId: 'a' }, { type: 'single', optionId: 'b' }] as const;
    const paper = paperBallots(single, { a: 2, b: 1 });
    expect(paper).toHaveLength(3);
    const results = tally(single, [...device, ...paper], { present: 6 });
    expect(results.ballots).toBe(5);
    expect((results as { options: { optionId: string; count: number }[] }).options.map((o) => [o.optionId, o.count])).toEqual([['a', 3], ['b', 2]]);
    const yn = tally(yesno, [{ type: 'yesno', choice: 'no' }, ...paperBallots(yesno, { yes: 2, abstain: 1 })]);
    expect(yn.ballots).toBe(4);
  });

  it('splits ballots by channel with the paper totals', () => {
    expect(ballotParts(['device', 'device', 'proxy', 'paper', 'assisted'], 3)).toEqual({ device: 2, proxy: 1, assisted: 1, paper: 4 });
  });

  it('needs a second, different staff account to confirm an entry', () => {
    expect(checkPaperConfirmation('staff-1', 'staff-1')).toBe('PAPER_SAME_STAFF');
    expect(checkPaperConfirmation('staff-1', 'staff-2')).toBeNull();
  });
});
