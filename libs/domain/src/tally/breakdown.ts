import {
  Gender, MemberCategory, TerritoryType,
  type BallotValue, type BreakdownCell, type QuestionBreakdown, type QuestionConfig,
} from '@palabre/contracts';
import { tally, validBallots } from './tally';

/** Who cast a ballot, as far as the breakdown needs. Null when unknown (e.g. open-session guests). */
export interface VoterProfile {
  territoryType: TerritoryType | null;
  category: MemberCategory | null;
  gender: Gender | null;
}

export interface ProfiledBallot {
  value: BallotValue;
  voter: VoterProfile;
}

const DIMENSIONS = {
  territoryType: TerritoryType.options,
  category: MemberCategory.options,
  gender: Gender.options,
} as const;
type Dimension = keyof typeof DIMENSIONS;

/**
 * Results per territory type, membership category and gender, to show whether every kind of
 * territory was heard. A subgroup with fewer than `minCell` voters is hidden, count included
 * (« <5 »), so that nobody's ballot can be singled out in an anonymous survey.
 *
 * Hiding small cells is not enough when the overall results are public: the total minus the
 * shown cells would give the hidden remainder by subtraction. So when the remainder of a
 * dimension (hidden cells plus voters of unknown profile) holds between 1 and minCell-1
 * voters, the smallest shown cells are hidden too until it holds at least minCell.
 * Only one dimension is cut at a time; cells are never crossed (gender × territory).
 */
export function breakdown(question: QuestionConfig, ballots: readonly ProfiledBallot[], minCell = 5): QuestionBreakdown {
  const threshold = Math.max(1, Math.floor(minCell));
  // Only ballots the tally would count make up cells, so cells add up to at most the total.
  const counted = ballots.flatMap((b) => {
    const [value] = validBallots(question, [b.value]);
    return value ? [{ value, voter: b.voter }] : [];
  });
  const cut = (dimension: Dimension) => cells(question, counted, dimension, DIMENSIONS[dimension], threshold);
  return {
    minCell: threshold,
    territoryType: cut('territoryType') as Record<TerritoryType, BreakdownCell>,
    category: cut('category') as Record<MemberCategory, BreakdownCell>,
    gender: cut('gender') as Record<Gender, BreakdownCell>,
  };
}

function cells(
  question: QuestionConfig,
  ballots: readonly ProfiledBallot[],
  dimension: Dimension,
  values: readonly string[],
  minCell: number,
): Record<string, BreakdownCell> {
  const groups = new Map<string, BallotValue[]>(values.map((v) => [v, []]));
  for (const b of ballots) {
    const key = b.voter[dimension];
    if (key !== null) groups.get(key)?.push(b.value);
  }
  const { small, complementary } = suppressedCells(new Map(values.map((v) => [v, groups.get(v)?.length ?? 0])), ballots.length, minCell);

  const result: Record<string, BreakdownCell> = {};
  for (const v of values) {
    const group = groups.get(v) ?? [];
    if (small.has(v)) result[v] = { hidden: true, reason: 'small_cell', voters: `<${minCell}` };
    else if (complementary.has(v)) result[v] = { hidden: true, reason: 'complementary', voters: null };
    else result[v] = { hidden: false, voters: group.length, results: tally(question, group) };
  }
  return result;
}

/**
 * The small-cell rule of every breakdown (surveys, opinion-map lenses): which cells of one
 * dimension are hidden. `counts` holds each cell's people (in display order), `total` everyone
 * counted (unknown profiles included). A cell under `minCell` is hidden (`small`); then, while
 * the remainder (hidden cells plus unknown profiles) holds between 1 and minCell-1 people, the
 * smallest shown cell is hidden too (`complementary`), so no hidden cell can be deduced by subtraction.
 */
export function suppressedCells(counts: ReadonlyMap<string, number>, total: number, minCell: number): { small: Set<string>; complementary: Set<string> } {
  const values = [...counts.keys()];
  const count = (v: string) => counts.get(v) ?? 0;
  const small = new Set(values.filter((v) => count(v) < minCell));
  const complementary = new Set<string>();
  const shown = () => values.filter((v) => !small.has(v) && !complementary.has(v));
  const shownPeople = () => shown().reduce((sum, v) => sum + count(v), 0);
  // Hide the smallest shown cell while the remainder could be deduced and is small.
  for (;;) {
    const remainder = total - shownPeople();
    const candidates = shown();
    if (remainder === 0 || remainder >= minCell || candidates.length === 0) break;
    complementary.add(candidates.reduce((a, b) => (count(b) < count(a) ? b : a)));
  }
  return { small, complementary };
}
