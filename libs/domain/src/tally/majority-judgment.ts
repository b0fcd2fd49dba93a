import type { MajorityBallot, MajorityConfig, MajorityResults } from '@palabre/contracts';
import { percent, rankBy } from './shared';

/*
 * Majority judgment (Balinski & Laraki, "Majority Judgment", MIT Press 2011).
 *
 * Grades are indices, 0 = best. An option's distribution counts its ballots per grade.
 *
 * Majority grade: the lower middlemost grade. With the n grades sorted best first, it is
 * the one at position floor(n/2) (0-based): for odd n the median, for even n the worse of
 * the two middle grades. Equivalently, the best grade g that more than half of the ballots
 * give g or better, and that at least half give g or worse.
 *
 * Tie-break: the majority value. Options sharing a majority grade are compared by removing
 * one majority grade from each and taking the majority grade of what remains, again and
 * again, until the two differ; the better grade wins. Options whose grades are the same
 * multiset never differ: they are perfectly tied and share a rank. This is the order
 * Balinski and Laraki define; the "majority gauge" (p, q) is only a first approximation of
 * it, so it is reported for display (better / worse shares) but not used to rank.
 */

/** Lower middlemost grade of a distribution; null when it holds no grade. */
export function majorityGrade(distribution: readonly number[]): number | null {
  const n = distribution.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const position = Math.floor(n / 2);
  let seen = 0;
  for (let grade = 0; grade < distribution.length; grade++) {
    seen += distribution[grade];
    if (seen > position) return grade;
  }
  return null;
}

/** Negative when `a` ranks before `b` under majority judgment, 0 for a perfect tie. */
export function compareMajorityValues(a: readonly number[], b: readonly number[]): number {
  const left = [...a];
  const right = [...b];
  for (;;) {
    const ga = majorityGrade(left);
    const gb = majorityGrade(right);
    if (ga === null || gb === null) return 0;
    if (ga !== gb) return ga - gb;
    left[ga] -= 1;
    right[gb] -= 1;
  }
}

/** Ranks options by majority judgment. Expects validated ballots (every option graded). */
export function majorityJudgment(question: MajorityConfig, ballots: readonly MajorityBallot[], present: number | null = null): MajorityResults {
  const grades = question.gradeCount;
  const rows = question.options.map((o) => {
    const distribution = Array.from({ length: grades }, () => 0);
    for (const b of ballots) {
      const grade = Object.hasOwn(b.grades, o.id) ? b.grades[o.id] : undefined;
      if (grade !== undefined && grade >= 0 && grade < grades) distribution[grade] += 1;
    }
    const total = distribution.reduce((a, b) => a + b, 0);
    const median = majorityGrade(distribution);
    const better = median === null ? 0 : distribution.slice(0, median).reduce((a, b) => a + b, 0);
    const worse = median === null ? 0 : distribution.slice(median + 1).reduce((a, b) => a + b, 0);
    return {
      optionId: o.id,
      distribution,
      majorityGrade: median,
      better: percent(better, total),
      worse: percent(worse, total),
    };
  });
  return {
    type: 'majority',
    method: 'majority_judgment',
    ballots: ballots.length,
    present,
    gradeCount: grades,
    options: rankBy(rows, (a, b) => compareMajorityValues(a.distribution, b.distribution)),
  };
}
