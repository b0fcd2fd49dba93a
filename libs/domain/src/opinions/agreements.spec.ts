import { OpinionAgreements, OPINION_AGREEMENTS_LIMITS } from '@palabre/contracts';
import { seededRandom } from '../groups/assignment';
import { opinionAgreements, type AgreementsSource } from './agreements';
import { opinionMap, type OpinionAnswer, type OpinionVote } from './map';

/** Statement and member ids shaped like the database's UUIDs (the size measured is the real one). */
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function representative(statementId: string, direction: 'agree' | 'disagree', share: number) {
  return { statementId, direction, share, othersShare: 0.1 };
}

describe('what the phones show of an opinion map (opinionAgreements)', () => {
  const map: AgreementsSource = {
    members: 12,
    groups: [
      { index: 0, size: 7, representative: [representative('s-rep-a', 'agree', 0.8), representative('s-rep-d', 'disagree', 0.95)] },
      { index: 1, size: 5, representative: [representative('s-rep-b', 'agree', 0.7)] },
    ],
    consensus: [
      { statementId: 's-all', direction: 'agree', share: 0.9, groupShares: [0.85, 0.95] },
      { statementId: 's-rep-a', direction: 'agree', share: 0.75, groupShares: [0.9, 0.6] },
      { statementId: 's-no', direction: 'disagree', share: 0.8, groupShares: [0.8, 0.8] },
    ],
  };

  it('gives each group the statements it agrees with most: its own, then the consensus it agrees with, at their highest share', () => {
    const agreements = opinionAgreements(map);
    expect(agreements.members).toBe(12);
    expect(agreements.groups).toEqual([
      // s-rep-a counts once, at the group's consensus share (0.9 > 0.8); a statement the group rejects is not one it agrees with.
      { index: 0, size: 7, agreesMost: [{ statementId: 's-rep-a', share: 0.9 }, { statementId: 's-all', share: 0.85 }] },
      { index: 1, size: 5, agreesMost: [{ statementId: 's-all', share: 0.95 }, { statementId: 's-rep-b', share: 0.7 }, { statementId: 's-rep-a', share: 0.6 }] },
    ]);
    // The consensus keeps its direction: the assembly may be united against a statement.
    expect(agreements.consensus).toEqual([
      { statementId: 's-all', direction: 'agree', share: 0.9 },
      { statementId: 's-no', direction: 'disagree', share: 0.8 },
      { statementId: 's-rep-a', direction: 'agree', share: 0.75 },
    ]);
  });

  it('keeps the top 3 per group and the top 5 of the consensus, ties broken by statement id whatever the order of the map', () => {
    const consensus = Array.from({ length: 8 }, (_, i) => ({ statementId: `s${8 - i}`, direction: 'agree' as const, share: 0.7, groupShares: [0.7] }));
    const one: AgreementsSource = { members: 5, groups: [{ index: 0, size: 5, representative: [] }], consensus };
    const shuffled: AgreementsSource = { ...one, consensus: [...consensus].reverse() };
    const agreements = opinionAgreements(one);
    expect(agreements.groups[0].agreesMost.map((a) => a.statementId)).toEqual(['s1', 's2', 's3']);
    expect(agreements.consensus.map((c) => c.statementId)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(JSON.stringify(opinionAgreements(shuffled))).toBe(JSON.stringify(agreements));
  });

  it('is empty for a map without groups', () => {
    expect(opinionAgreements({ members: 0, groups: [], consensus: [] })).toEqual({ members: 0, groups: [], consensus: [] });
  });

  it('stays under 2 KB for an assembly of 250 members answering 500 statements (the full map is ~130 KiB)', () => {
    // Three planted groups with their own positions: many representative and consensus statements.
    const random = seededRandom(23);
    const positions = Array.from({ length: 3 }, () => Array.from({ length: 500 }, () => (random() < 0.5 ? 'agree' : 'disagree') as OpinionVote));
    const answers: OpinionAnswer[] = [];
    for (let m = 0; m < 250; m++) {
      for (let s = 0; s < 500; s++) {
        if (random() < 0.2) continue;
        const own = positions[m % 3][s];
        answers.push({ memberId: uuid(m), statementId: uuid(10_000 + s), vote: random() < 0.85 ? own : 'pass' });
      }
    }
    const full = opinionMap(answers);
    expect(full.groups.length).toBeGreaterThan(1);
    expect(full.consensus.length).toBeGreaterThan(OPINION_AGREEMENTS_LIMITS.consensus);
    const agreements = opinionAgreements(full);
    expect(OpinionAgreements.parse(agreements)).toEqual(agreements);
    expect(agreements.groups.every((g) => g.agreesMost.length === OPINION_AGREEMENTS_LIMITS.perGroup)).toBe(true);
    expect(agreements.consensus).toHaveLength(OPINION_AGREEMENTS_LIMITS.consensus);
    expect(Buffer.byteLength(JSON.stringify(agreements))).toBeLessThan(2048);
  });
});
