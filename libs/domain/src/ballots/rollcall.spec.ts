import type { BallotChannel } from '@palabre/contracts';
import { checkRollCall, rollCallAnswerRefusal, rollCallOrder, rollCallProgress, rollStatus } from './rollcall';

const members = [
  { id: 'c', name: 'Émile Zola' },
  { id: 'a', name: 'anne Vidal' },
  { id: 'b', name: 'Élodie Martin' },
  { id: 'd', name: 'Paul Bernard' },
];

describe('roll call (« appel nominal »)', () => {
  it('is for named yes / no / abstain questions only', () => {
    expect(checkRollCall({ type: 'yesno' }, 'named')).toBeNull();
    expect(checkRollCall({ type: 'yesno' }, 'anonymous')).toBe('ROLLCALL_NAMED_YESNO');
    expect(checkRollCall({ type: 'single' }, 'named')).toBe('ROLLCALL_NAMED_YESNO');
  });

  it('calls the members in roster order: by name as French readers sort them, accents and case aside, then by id', () => {
    expect(rollCallOrder(members).map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(rollCallOrder([{ id: 'y', name: 'Jean Roux' }, { id: 'x', name: 'jean roux' }]).map((m) => m.id)).toEqual(['x', 'y']);
    expect(members.map((m) => m.id)).toEqual(['c', 'a', 'b', 'd']); // the input is left as it was
  });

  it('counts as called the members who answered, who already voted another way (skipped) and who were passed; next is the first still to call', () => {
    const none = rollCallProgress(members, new Map(), new Set());
    expect(none).toEqual({ called: 0, total: 4, next: 'a' });
    // Anne voted on her phone before the roll reached her: skipped, the roll starts with Élodie.
    const voted = new Map<string, BallotChannel>([['a', 'device']]);
    expect(rollCallProgress(members, voted, new Set())).toEqual({ called: 1, total: 4, next: 'b' });
    // Élodie did not answer (passed), Émile answered (assisted): Paul is next.
    voted.set('c', 'assisted');
    expect(rollCallProgress(members, voted, new Set(['b']))).toEqual({ called: 3, total: 4, next: 'd' });
    voted.set('d', 'paper');
    expect(rollCallProgress(members, voted, new Set(['b']))).toEqual({ called: 4, total: 4, next: null });
    expect(rollCallProgress([], new Map(), new Set())).toEqual({ called: 0, total: 0, next: null });
  });

  it('says of each member whether they voted (and how), were passed, or wait; a ballot outranks a pass', () => {
    const voted = new Map<string, BallotChannel>([['a', 'proxy']]);
    expect(rollStatus('a', voted, new Set(['a']))).toEqual({ kind: 'voted', channel: 'proxy' });
    expect(rollStatus('b', voted, new Set(['b']))).toEqual({ kind: 'passed' });
    expect(rollStatus('c', voted, new Set())).toEqual({ kind: 'waiting' });
  });

  it('never lets a roll-call answer overwrite a ballot cast on the phone, by proxy or on paper; an earlier answer may be corrected', () => {
    expect(rollCallAnswerRefusal(undefined)).toBeNull();
    expect(rollCallAnswerRefusal('assisted')).toBeNull();
    for (const c of ['device', 'proxy', 'paper'] as const) expect(rollCallAnswerRefusal(c)).toBe('ROLLCALL_ALREADY_VOTED');
  });
});
