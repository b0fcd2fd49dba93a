import fc from 'fast-check';
import { PCA } from 'ml-pca';
import { answerMatrix, cluster, opinionMap, project, silhouette, type OpinionAnswer, type OpinionMemberProfile, type OpinionVote } from './map';
import { seededRandom } from '../groups/assignment';


/** Adjusted Rand index (Hubert & Arabie 1985) of two labellings of the same items. */
function adjustedRandIndex(a: readonly number[], b: readonly number[]): number {
  const choose2 = (n: number) => (n * (n - 1)) / 2;
  const table = new Map<string, number>();
  const rowSums = new Map<number, number>();
  const colSums = new Map<number, number>();
  a.forEach((x, i) => {
    const key = `${x},${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rowSums.set(x, (rowSums.get(x) ?? 0) + 1);
    colSums.set(b[i], (colSums.get(b[i]) ?? 0) + 1);
  });
  const index = [...table.values()].reduce((s, n) => s + choose2(n), 0);
  const rows = [...rowSums.values()].reduce((s, n) => s + choose2(n), 0);
  const cols = [...colSums.values()].reduce((s, n) => s + choose2(n), 0);
  const expected = (rows * cols) / choose2(a.length);
  const max = (rows + cols) / 2;
  return (index - expected) / (max - expected);
}

const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(4, '0')}`;

/**
 * An assembly with planted opinion groups: each group has its own position on each statement;
 * a member follows it with probability `fidelity`, otherwise passes or says the opposite, and
 * leaves `missing` of the statements unanswered.
 */
function planted(groups: number, perGroup: number, statements: number, seed: number, fidelity = 0.85, missing = 0.2) {
  const random = seededRandom(seed);
  const positions = Array.from({ length: groups }, () => Array.from({ length: statements }, () => (random() < 0.5 ? 'agree' : 'disagree') as OpinionVote));
  const answers: OpinionAnswer[] = [];
  const truth = new Map<string, number>();
  for (let g = 0; g < groups; g++) {
    for (let m = 0; m < perGroup; m++) {
      // Interleaved ids so that the planted group is not the id order.
      const memberId = id('m', m * groups + g);
      truth.set(memberId, g);
      for (let s = 0; s < statements; s++) {
        if (random() < missing) continue;
        const r = random();
        const own = positions[g][s];
        const vote: OpinionVote = r < fidelity ? own : r < fidelity + (1 - fidelity) / 2 ? 'pass' : own === 'agree' ? 'disagree' : 'agree';
        answers.push({ memberId, statementId: id('s', s), vote });
      }
    }
  }
  return { answers, truth };
}

function recovered(answers: OpinionAnswer[], truth: Map<string, number>): number {
  const map = opinionMap(answers);
  const found = map.points.map((p) => p.group);
  const expected = map.points.map((p) => truth.get(p.memberId)!);
  return adjustedRandIndex(found, expected);
}

describe('the answer matrix', () => {
  it('sorts members and statements by id and codes agree 1, disagree −1, pass 0, missing null', () => {
    const m = answerMatrix([
      { memberId: 'b', statementId: 's2', vote: 'agree' },
      { memberId: 'a', statementId: 's1', vote: 'disagree' },
      { memberId: 'b', statementId: 's1', vote: 'pass' },
    ]);
    expect(m.members).toEqual(['a', 'b']);
    expect(m.statements).toEqual(['s1', 's2']);
    expect(m.cells).toEqual([[-1, null], [0, 1]]);
  });
});

describe('PCA and clustering (ml-pca NIPALS, ml-kmeans)', () => {
  it('puts two opposite blocs at opposite ends of the first axis', () => {
    const rows = [
      [1, 1, -1], [1, 1, -1], [1, 0, -1],
      [-1, -1, 1], [-1, -1, 1], [-1, 0, 1],
    ];
    const coordinates = project(rows);
    expect(Math.sign(coordinates[0][0])).toBe(-Math.sign(coordinates[3][0]));
    expect(coordinates[0][0]).toBeCloseTo(coordinates[1][0], 6);
  });

  it.each([[12, 30], [30, 8]])('gives the scores of an exact PCA (ml-pca SVD) up to sign, %i members × %i statements', (members, statements) => {
    const random = seededRandom(members * 100 + statements);
    const rows = Array.from({ length: members }, () => Array.from({ length: statements }, () => Math.floor(random() * 3) - 1));
    const exact = new PCA(rows).predict(rows, { nComponents: 2 }).to2DArray();
    const ours = project(rows);
    for (const axis of [0, 1]) {
      const sign = Math.sign(ours[0][axis]) === Math.sign(exact[0][axis]) ? 1 : -1;
      rows.forEach((_, i) => expect(ours[i][axis]).toBeCloseTo(sign * exact[i][axis], 4));
    }
  });

  it('puts the farthest member on the positive side of each axis', () => {
    const coordinates = project([[1, 1, 1], [1, 1, 1], [1, 1, 1], [-1, -1, -1], [0, 1, 0]]);
    expect(coordinates[3][0]).toBeGreaterThan(0);
    expect(coordinates[0][0]).toBeLessThan(0);
  });

  it('gives zeros when nobody differs', () => {
    expect(project([[1, 0], [1, 0], [1, 0]])).toEqual([[0, 0], [0, 0], [0, 0]]);
  });

  it('finds two clusters of points far apart, with a high silhouette', () => {
    const points = [[0, 0], [0.1, 0], [0, 0.1], [5, 5], [5.1, 5], [5, 5.1]];
    const { labels, silhouette: score } = cluster(points);
    expect(labels.slice(0, 3).every((l) => l === labels[0])).toBe(true);
    expect(labels.slice(3).every((l) => l === labels[3])).toBe(true);
    expect(labels[0]).not.toBe(labels[3]);
    expect(score).toBeGreaterThan(0.9);
  });

  it('forms no group smaller than the smallest group allowed', () => {
    const points = [[0, 0], [0.1, 0], [0, 0.1], [0.1, 0.1], [0.05, 0.05], [9, 9]];
    expect(new Set(cluster(points, 1, 1).labels).size).toBeGreaterThan(1);
    const { labels } = cluster(points, 1, 2);
    expect(labels.filter((l) => l === labels[5]).length === 1 ? 'alone' : 'not alone').toBe('not alone');
  });

  it('keeps everybody in one group when all stand together, or when two groups could not both be large enough', () => {
    expect(cluster([[1, 1], [1, 1], [1, 1], [1, 1]]).labels).toEqual([0, 0, 0, 0]);
    expect(cluster([[0, 0], [0, 0], [5, 5], [5, 5]], 1, 3).labels).toEqual([0, 0, 0, 0]);
  });

  it('separates two blocs of identical answers', () => {
    const { labels } = cluster([[0, 0], [0, 0], [0, 0], [5, 5], [5, 5], [5, 5]], 1, 3);
    expect(labels.slice(0, 3)).toEqual([labels[0], labels[0], labels[0]]);
    expect(labels.slice(3)).toEqual([labels[3], labels[3], labels[3]]);
    expect(labels[0]).not.toBe(labels[3]);
  });

  it('computes the silhouette of a known labelling', () => {
    // By hand: point 0 has a = 1 and b = (11 + 12) / 2 = 11.5; point 1 has a = 1 and b = (10 + 11) / 2 = 10.5;
    // points 2 and 3 mirror 1 and 0. s(i) = 1 − a / b.
    expect(silhouette([[0], [1], [11], [12]], [0, 0, 1, 1])).toBeCloseTo((2 * (1 - 1 / 11.5) + 2 * (1 - 1 / 10.5)) / 4, 10);
  });

  it.each([
    [2, 30, 20, 1],
    [3, 25, 30, 2],
    [3, 40, 60, 3],
    [4, 25, 60, 4],
  ])('recovers %i planted groups of %i members over %i statements (ARI ≥ 0.9, seed %i)', (groups, perGroup, statements, seed) => {
    const { answers, truth } = planted(groups, perGroup, statements, seed);
    expect(recovered(answers, truth)).toBeGreaterThanOrEqual(0.9);
    expect(opinionMap(answers).groups).toHaveLength(groups);
  });
});

describe('consensus, divisive and representative statements', () => {
  // Two blocs of 5: s-common agreed by all but one; s-split agreed by bloc A, rejected by bloc B;
  // s-mostly agreed by bloc A and 2 of 5 in B.
  const blocA = ['a1', 'a2', 'a3', 'a4', 'a5'];
  const blocB = ['b1', 'b2', 'b3', 'b4', 'b5'];
  const answers: OpinionAnswer[] = [];
  const say = (members: string[], statementId: string, vote: OpinionVote) => members.forEach((memberId) => answers.push({ memberId, statementId, vote }));
  say(blocA, 'split', 'agree');
  say(blocB, 'split', 'disagree');
  say(blocA, 'split2', 'disagree');
  say(blocB, 'split2', 'agree');
  // More statements on which the blocs part ways: the blocs, not their nuances, are the groups.
  for (const n of [3, 4, 5, 6]) {
    say(blocA, `x${n}`, n % 2 ? 'agree' : 'disagree');
    say(blocB, `x${n}`, n % 2 ? 'disagree' : 'agree');
  }
  say([...blocA, ...blocB.slice(1)], 'common', 'agree');
  say(blocB.slice(0, 1), 'common', 'pass');
  say(blocA, 'mostly', 'agree');
  say(blocB.slice(0, 2), 'mostly', 'agree');
  say(blocB.slice(2), 'mostly', 'disagree');
  say([...blocA, ...blocB], 'rejected', 'disagree');
  const map = opinionMap(answers);

  it('finds the two blocs', () => {
    expect(map.groups.map((g) => g.size)).toEqual([5, 5]);
    const groupOf = new Map(map.points.map((p) => [p.memberId, p.group]));
    expect(new Set(blocA.map((m) => groupOf.get(m))).size).toBe(1);
    expect(new Set(blocB.map((m) => groupOf.get(m))).size).toBe(1);
    expect(groupOf.get('a1')).not.toBe(groupOf.get('b1'));
  });

  it('names as consensus the statements every group agrees with at 60 % or more (a pass is not agreement)', () => {
    const agreed = map.consensus.filter((c) => c.direction === 'agree');
    expect(agreed.map((c) => c.statementId)).toEqual(['common']);
    expect(agreed[0].share).toBe(0.9);
    expect([...agreed[0].groupShares].sort()).toEqual([0.8, 1]);
    expect(map.consensus.find((c) => c.direction === 'disagree')?.statementId).toBe('rejected');
  });

  it('excludes « mostly » at 60 % but includes it at a 40 % threshold', () => {
    const lower = opinionMap(answers, new Map(), { consensusThreshold: 0.4 });
    expect(lower.consensus.map((c) => c.statementId)).toContain('mostly');
    expect(map.consensus.map((c) => c.statementId)).not.toContain('mostly');
  });

  it('names as divisive the statements the groups answer oppositely', () => {
    expect(map.divisive.map((d) => d.statementId)).toEqual(['split', 'split2', 'x3', 'x4', 'x5', 'x6', 'mostly']);
    expect(map.divisive[0].spread).toBe(2);
  });

  it('gives each group the statements it stands for', () => {
    const groupOf = new Map(map.points.map((p) => [p.memberId, p.group]));
    const a = map.groups[groupOf.get('a1')!];
    const b = map.groups[groupOf.get('b1')!];
    expect(a.representative.slice(0, 2)).toEqual(expect.arrayContaining([
      { statementId: 'split', direction: 'agree', share: 1, othersShare: 0 },
      { statementId: 'split2', direction: 'disagree', share: 1, othersShare: 0 },
    ]));
    expect(b.representative.slice(0, 2)).toEqual(expect.arrayContaining([
      { statementId: 'split', direction: 'disagree', share: 1, othersShare: 0 },
      { statementId: 'split2', direction: 'agree', share: 1, othersShare: 0 },
    ]));
    // Nobody stands out on what everybody rejects.
    expect([...a.representative, ...b.representative].map((r) => r.statementId)).not.toContain('rejected');
  });
});

describe('assembly lenses', () => {
  const profile = (over: Partial<OpinionMemberProfile>): OpinionMemberProfile => ({ category: null, gender: null, territoryType: null, presence: null, ...over });

  it('finds consensus across élus and citoyens, and hides a college of fewer than 5 members', () => {
    const answers: OpinionAnswer[] = [];
    const profiles = new Map<string, OpinionMemberProfile>();
    for (let i = 0; i < 12; i++) {
      const memberId = id('m', i);
      profiles.set(memberId, profile({ category: i < 6 ? 'elu' : 'citoyen', gender: i < 2 ? 'autre' : i % 2 ? 'femme' : 'homme' }));
      answers.push({ memberId, statementId: 'shared', vote: i === 0 ? 'pass' : 'agree' });
      answers.push({ memberId, statementId: 'colleges', vote: i < 6 ? 'agree' : 'disagree' });
    }
    const map = opinionMap(answers, profiles);
    const category = map.lenses.find((l) => l.dimension === 'category')!;
    expect(category.comparable).toBe(true);
    expect(category.cells).toEqual([{ value: 'citoyen', hidden: false, members: 6 }, { value: 'elu', hidden: false, members: 6 }]);
    expect(category.consensus).toEqual([{ statementId: 'shared', direction: 'agree', cellShares: [1, 0.8333] }]);

    const gender = map.lenses.find((l) => l.dimension === 'gender')!;
    expect(gender.cells.find((c) => c.value === 'autre')).toEqual({ value: 'autre', hidden: true, reason: 'small_cell', members: '<5' });
    // 2 hidden « autre » members would be total − femme − homme: the smaller of the two is hidden too.
    expect(gender.cells.filter((c) => c.hidden && c.reason === 'complementary')).toHaveLength(1);
    expect(gender.comparable).toBe(false);
    expect(gender.consensus).toEqual([]);

    const presence = map.lenses.find((l) => l.dimension === 'presence')!;
    expect(presence).toEqual({ dimension: 'presence', cells: [], comparable: false, consensus: [] });
  });
});

describe('determinism', () => {
  it('gives byte-identical JSON for the same answers in any order', () => {
    const { answers } = planted(3, 20, 25, 7);
    const shuffled = [...answers].reverse();
    const random = seededRandom(99);
    const shuffled2 = [...answers].sort(() => random() - 0.5);
    const first = JSON.stringify(opinionMap(answers));
    expect(JSON.stringify(opinionMap(shuffled))).toBe(first);
    expect(JSON.stringify(opinionMap(shuffled2))).toBe(first);
  });

  it('never fails and keeps every placed member in a valid group, on any answers', () => {
    const vote = fc.constantFrom<OpinionVote>('agree', 'disagree', 'pass');
    const answer = fc.record({ memberId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), statementId: fc.constantFrom('s1', 's2', 's3', 's4'), vote });
    fc.assert(fc.property(fc.array(answer, { maxLength: 40 }), (raw) => {
      const unique = [...new Map(raw.map((a) => [`${a.memberId}/${a.statementId}`, a])).values()];
      const map = opinionMap(unique, new Map(), { minCell: 2 });
      expect(JSON.stringify(opinionMap([...unique].reverse(), new Map(), { minCell: 2 }))).toBe(JSON.stringify(map));
      expect(map.groups.every((g) => g.size >= 2) || map.groups.length === 1).toBe(true);
      for (const p of map.points) {
        expect(p.group).toBeGreaterThanOrEqual(0);
        expect(p.group).toBeLessThan(Math.max(1, map.groups.length));
        expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      }
      expect(map.groups.reduce((s, g) => s + g.size, 0)).toBe(map.points.length);
    }), { numRuns: 150 });
  });
});
