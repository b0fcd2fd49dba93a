import fc from 'fast-check';
import { opinionMap, type OpinionAnswer, type OpinionMemberProfile, type OpinionVote } from './map';
import { unpackOpinionAnswers, type PackedOpinionAnswers } from './packed';
import { seededRandom } from '../groups/assignment';

/** The packed form of answers, as the API's query writes it (statements in a shuffled order, as any order is allowed). */
function pack(answers: readonly OpinionAnswer[], profiles: ReadonlyMap<string, OpinionMemberProfile>, seed = 1): PackedOpinionAnswers {
  const random = seededRandom(seed);
  const statements = [...new Set(answers.map((a) => a.statementId))].sort(() => random() - 0.5);
  const position = new Map(statements.map((s, i) => [s, i]));
  const votes = new Map<string, string>();
  for (const a of answers) votes.set(a.memberId, `${votes.get(a.memberId) ?? ''}${position.get(a.statementId)}${a.vote[0]}`);
  const nobody: OpinionMemberProfile = { category: null, gender: null, territoryType: null, presence: null };
  return { statements, members: [...votes].map(([memberId, v]) => ({ memberId, profile: profiles.get(memberId) ?? nobody, votes: v })) };
}

const key = (a: OpinionAnswer) => `${a.memberId} ${a.statementId} ${a.vote}`;

describe('packed opinion answers', () => {
  it('unpacks to the same answers and profiles, and the same map byte for byte, on an assembly of 120 × 200', () => {
    const random = seededRandom(7);
    const answers: OpinionAnswer[] = [];
    const profiles = new Map<string, OpinionMemberProfile>();
    for (let m = 0; m < 120; m++) {
      const memberId = `m-${String(m).padStart(3, '0')}`;
      const bloc = m % 3;
      profiles.set(memberId, { category: m % 2 ? 'elu' : 'citoyen', gender: m % 5 === 0 ? null : m % 4 < 2 ? 'femme' : 'homme', territoryType: 'rural', presence: null });
      for (let s = 0; s < 200; s++) {
        if (random() < 0.2) continue;
        const vote: OpinionVote = random() < 0.1 ? 'pass' : (s + bloc) % 2 ? 'agree' : 'disagree';
        answers.push({ memberId, statementId: `s-${String(s).padStart(3, '0')}`, vote });
      }
    }
    const unpacked = unpackOpinionAnswers(pack(answers, profiles));
    expect(unpacked.answers.map(key).sort()).toEqual(answers.map(key).sort());
    expect(unpacked.profiles).toEqual(profiles);
    expect(JSON.stringify(opinionMap(unpacked.answers, unpacked.profiles))).toBe(JSON.stringify(opinionMap(answers, profiles)));
  });

  it('keeps every answer on any answers (a position of several digits, a pass, a member with a single answer)', () => {
    const answer = fc.record({ memberId: fc.constantFrom('a', 'b', 'c'), statementId: fc.integer({ min: 0, max: 1200 }).map(String), vote: fc.constantFrom<OpinionVote>('agree', 'disagree', 'pass') });
    fc.assert(
      fc.property(fc.uniqueArray(answer, { selector: (a) => `${a.memberId}/${a.statementId}` }), fc.integer(), (answers, seed) => {
        const { answers: back } = unpackOpinionAnswers(pack(answers, new Map(), seed));
        expect(back.map(key).sort()).toEqual(answers.map(key).sort());
      }),
    );
  });

  it('refuses votes it cannot read rather than dropping them', () => {
    const profile = { category: null, gender: null, territoryType: null, presence: null };
    const packed = (votes: string): PackedOpinionAnswers => ({ statements: ['s0', 's1'], members: [{ memberId: 'm', profile, votes }] });
    expect(unpackOpinionAnswers(packed('0a1p')).answers).toEqual([
      { memberId: 'm', statementId: 's0', vote: 'agree' },
      { memberId: 'm', statementId: 's1', vote: 'pass' },
    ]);
    expect(() => unpackOpinionAnswers(packed('0a1x'))).toThrow('packed opinion votes of m: unreadable at 2');
    expect(() => unpackOpinionAnswers(packed('0a2d'))).toThrow('unreadable at 2');
    expect(() => unpackOpinionAnswers(packed('a0'))).toThrow('unreadable at 0');
    expect(() => unpackOpinionAnswers(packed('0a1'))).toThrow('unreadable at 2');
  });
});
