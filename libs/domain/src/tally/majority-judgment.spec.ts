import { MAJORITY_GRADES, type BallotValue, type QuestionConfig } from '@palabre/contracts';
import { compareMajorityValues, majorityGrade } from './majority-judgment';
import { tally } from './tally';

// Grade indices on the 6-grade scale: 0 Très bien, 1 Bien, 2 Assez bien, 3 Passable, 4 Insuffisant, 5 À rejeter.
const q = {
  type: 'majority',
  options: [{ id: 'a', label: 'Mobilités' }, { id: 'b', label: 'Santé' }],
  gradeCount: 6,
} satisfies QuestionConfig;

/** Voter i gives a[i] to option a and b[i] to option b. */
function ballots(a: number[], b: number[]): BallotValue[] {
  return a.map((grade, i) => ({ type: 'majority', grades: { a: grade, b: b[i] } }));
}
const order = (a: number[], b: number[]) => tally(q, ballots(a, b)).options.map((o) => [o.optionId, o.majorityGrade, o.rank]);

describe('majority judgment', () => {
  it('exports the French grade scales with their English translations', () => {
    expect(MAJORITY_GRADES[7].fr).toEqual(['Excellent', 'Très bien', 'Bien', 'Assez bien', 'Passable', 'Insuffisant', 'À rejeter']);
    expect(MAJORITY_GRADES[6].fr).toEqual(['Très bien', 'Bien', 'Assez bien', 'Passable', 'Insuffisant', 'À rejeter']);
    expect(MAJORITY_GRADES[7].en).toHaveLength(7);
    expect(MAJORITY_GRADES[6].en).toHaveLength(6);
  });

  it('takes the median grade as the majority grade', () => {
    expect(majorityGrade([1, 1, 0, 1, 0, 0])).toBe(1);
  });

  it('takes the lower of the two middle grades for an even number of ballots', () => {
    // One « Très bien » and one « Passable »: the majority grade is « Passable ».
    expect(majorityGrade([1, 0, 0, 1, 0, 0])).toBe(3);
    expect(majorityGrade([2, 0, 0, 2, 0, 0])).toBe(3);
  });

  it('has no majority grade without ballots', () => {
    expect(majorityGrade([0, 0, 0, 0, 0, 0])).toBeNull();
  });

  it('ranks the option with the better majority grade first', () => {
    // a: Bien; b: Assez bien, although b has more « Très bien ».
    expect(order([1, 1, 1, 4, 5], [0, 0, 2, 2, 2])).toEqual([['a', 1, 1], ['b', 2, 2]]);
  });

  it('breaks a shared majority grade by removing median grades until they differ', () => {
    // Both « Bien ». Removing one « Bien » at a time: a = Bien, Bien, then Très bien; b = Bien, Bien, Bien.
    expect(order([0, 0, 1, 1, 3], [0, 1, 1, 1, 2])).toEqual([['a', 1, 1], ['b', 1, 2]]);
    expect(order([0, 1, 1, 1, 2], [0, 0, 1, 1, 3])).toEqual([['b', 1, 1], ['a', 1, 2]]);
  });

  it('ranks first, among options sharing a grade, the one with fewer grades below it', () => {
    // Both « Bien »; a has two « Assez bien » below, b only one (even though it is « Passable »).
    expect(order([1, 1, 1, 2, 2], [1, 1, 1, 1, 3])).toEqual([['b', 1, 1], ['a', 1, 2]]);
  });

  it('declares a perfect tie when both options received the same grades', () => {
    // Same grades from different voters: shared rank, question order kept.
    expect(order([0, 2, 4, 1], [4, 1, 0, 2])).toEqual([['a', 2, 1], ['b', 2, 1]]);
    expect(compareMajorityValues([1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 0, 0])).toBe(0);
  });

  it('reports the distribution and the shares above and below the majority grade', () => {
    const r = tally(q, ballots([0, 0, 1, 1, 3], [0, 1, 1, 1, 2]));
    expect(r.method).toBe('majority_judgment');
    expect(r.options[0]).toMatchObject({ optionId: 'a', distribution: [2, 2, 0, 1, 0, 0], better: 40, worse: 20 });
  });
});
