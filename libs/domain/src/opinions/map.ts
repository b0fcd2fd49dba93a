import { kmeans } from 'ml-kmeans';
import { PCA } from 'ml-pca';
import { suppressedCells } from '../tally/breakdown';

/**
 * The opinion map (decisions §opinion map): the member × statement matrix reduced by PCA to two
 * dimensions, members clustered into opinion groups by k-means (k from 2 to 5 chosen by the
 * silhouette score), then per group the statements that set it apart and, across groups, the
 * statements that unite or divide them. Pure and deterministic: the same answers (in any order)
 * give the same JSON, byte for byte (sorted inputs, seeded k-means, rounded outputs).
 */

export type OpinionVote = 'agree' | 'disagree' | 'pass';

export interface OpinionAnswer {
  memberId: string;
  statementId: string;
  vote: OpinionVote;
}

/** The assembly's categories a lens looks across; null when unknown. */
export interface OpinionMemberProfile {
  category: string | null;
  gender: string | null;
  territoryType: string | null;
  presence: string | null;
}

export interface OpinionMapOptions {
  /** Agreement share required in every group (and overall) for a consensus statement. Default 0.6. */
  consensusThreshold?: number;
  /** Answers (agree, disagree or pass) a member needs before being placed on the map. Default 1. */
  minAnswersToPlace?: number;
  /** Answers a group (or lens cell) needs on a statement before its share counts. Default 1. */
  minAnswersPerGroup?: number;
  /** Smallest shown lens cell (the surveys' breakdown rule), and smallest opinion group. Default 5. */
  minCell?: number;
  /** Representative statements kept per group. Default 3. */
  representativeCount?: number;
  /** Net-score spread between groups (−1…1 each) from which a statement is divisive. Default 1. */
  divisiveSpread?: number;
  /** Seed of the k-means initialisation. Default 20251129. */
  seed?: number;
}

export const OPINION_MAP_DEFAULTS = {
  consensusThreshold: 0.6,
  minAnswersToPlace: 1,
  minAnswersPerGroup: 1,
  minCell: 5,
  representativeCount: 3,
  divisiveSpread: 1,
  seed: 20251129,
} as const satisfies Required<OpinionMapOptions>;

/** Counts of one statement among some members. */
export interface OpinionCounts {
  agree: number;
  disagree: number;
  pass: number;
}

export interface OpinionPoint {
  memberId: string;
  x: number;
  y: number;
  group: number;
}

export interface RepresentativeStatement {
  statementId: string;
  /** What the group does much more than the others. */
  direction: 'agree' | 'disagree';
  /** Share of the group's answers in that direction. */
  share: number;
  /** Share of the other members' answers in that direction. */
  othersShare: number;
}

export interface OpinionGroup {
  /** 0, 1, … by size (largest first), then by smallest member id. */
  index: number;
  size: number;
  representative: RepresentativeStatement[];
}

export interface ConsensusStatement {
  statementId: string;
  direction: 'agree' | 'disagree';
  /** Share overall in that direction. */
  share: number;
  /** Share in each group, in group order. */
  groupShares: number[];
}

export interface DivisiveStatement {
  statementId: string;
  /** Largest minus smallest net score ((agree − disagree) / answers) among the groups. */
  spread: number;
  /** Net score per group, in group order. */
  groupNet: number[];
}

export type LensDimension = keyof OpinionMemberProfile;
export const LENS_DIMENSIONS = ['category', 'gender', 'territoryType', 'presence'] as const satisfies readonly LensDimension[];

export type LensCell =
  | { value: string; hidden: false; members: number }
  | { value: string; hidden: true; reason: 'small_cell'; members: string }
  | { value: string; hidden: true; reason: 'complementary'; members: null };

export interface LensConsensus {
  statementId: string;
  direction: 'agree' | 'disagree';
  /** Share in each shown cell, in the order of `cells` (hidden cells skipped). */
  cellShares: number[];
}

export interface OpinionLens {
  dimension: LensDimension;
  cells: LensCell[];
  /** False when fewer than two cells can be shown: nothing can be compared. */
  comparable: boolean;
  consensus: LensConsensus[];
}

export interface OpinionMap {
  /** Members placed (with at least minAnswersToPlace answers) / statements answered at least once. */
  members: number;
  statements: number;
  answers: number;
  points: OpinionPoint[];
  groups: OpinionGroup[];
  consensus: ConsensusStatement[];
  divisive: DivisiveStatement[];
  lenses: OpinionLens[];
  /** Silhouette of the chosen grouping (null with a single group). */
  silhouette: number | null;
}

/** Rounded to 4 decimals (stable JSON, no float noise); -0 becomes 0. */
function round(value: number): number {
  const r = Math.round(value * 10_000) / 10_000;
  return Object.is(r, -0) ? 0 : r;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const VALUE: Record<OpinionVote, number> = { agree: 1, disagree: -1, pass: 0 };

/**
 * The answer matrix, members and statements sorted by id. A later answer for the same
 * (member, statement) replaces an earlier one (the caller should pass one per pair).
 * `cells[m][s]` is 1 (agree), −1 (disagree), 0 (pass) or null (not answered).
 */
export function answerMatrix(answers: readonly OpinionAnswer[]): { members: string[]; statements: string[]; cells: (number | null)[][] } {
  const members = [...new Set(answers.map((a) => a.memberId))].sort(byId);
  const statements = [...new Set(answers.map((a) => a.statementId))].sort(byId);
  const mIndex = new Map(members.map((m, i) => [m, i]));
  const sIndex = new Map(statements.map((s, i) => [s, i]));
  const cells = members.map(() => new Array<number | null>(statements.length).fill(null));
  for (const a of answers) cells[mIndex.get(a.memberId)!][sIndex.get(a.statementId)!] = VALUE[a.vote];
  return { members, statements, cells };
}

/**
 * The two leading eigenvectors (columns) and eigenvalues of a symmetric positive semi-definite
 * matrix, by ml-pca: NIPALS (two components) with the heaviest row first, so that its starting
 * vector is not zero; when NIPALS cannot converge to finite values (rank below 2), the exact
 * eigendecomposition (ml-pca on the matrix as a covariance matrix).
 */
function leadingEigen(m: number[][], components: number): { vectors: number[][]; values: number[] } {
  const size = m.length;
  let heaviest = 0;
  for (let i = 1; i < size; i++) if (m[i][i] > m[heaviest][heaviest]) heaviest = i;
  const order = [heaviest, ...Array.from({ length: size }, (_, i) => i).filter((i) => i !== heaviest)];
  const permuted = order.map((i) => order.map((j) => m[i][j]));
  const nipals = new PCA(permuted, { method: 'NIPALS', nCompNIPALS: components, center: false, scale: false });
  const u = nipals.getEigenvectors().to2DArray();
  // NIPALS on a symmetric M finds the eigenvectors of M·M: its "eigenvalues" are M's squared.
  const values = nipals.getEigenvalues().slice(0, components).map((v) => Math.sqrt(Math.max(0, v)));
  const vectors = new Array<number[]>(size);
  order.forEach((i, k) => (vectors[i] = u[k].slice(0, components)));
  if (vectors.every((v) => v.every(Number.isFinite)) && values.every(Number.isFinite)) return { vectors, values };
  const exact = new PCA(m, { isCovarianceMatrix: true });
  return {
    vectors: exact.getEigenvectors().to2DArray().map((row) => row.slice(0, components)),
    values: exact.getEigenvalues().slice(0, components).map((v) => Math.max(0, v)),
  };
}

/**
 * Two coordinates per row: the scores on the first two principal components of the centred rows.
 * Computed on the smaller of the two cross-product matrices (members × members when there are
 * fewer members than statements, else statements × statements): the same scores, a fraction of
 * the work for an assembly of 250 answering 500 statements. Zeros when the rows do not vary.
 */
export function project(rows: readonly (readonly number[])[]): [number, number][] {
  const n = rows.length;
  if (n === 0) return [];
  const width = rows[0].length;
  const means = new Float64Array(width);
  for (const row of rows) for (let j = 0; j < width; j++) means[j] += row[j];
  for (let j = 0; j < width; j++) means[j] /= n;
  const centred = rows.map((row) => Float64Array.from(row, (v, j) => v - means[j]));
  let variance = 0;
  for (const row of centred) for (let j = 0; j < width; j++) variance += row[j] * row[j];
  if (n < 2 || width === 0 || variance < 1e-9) return rows.map(() => [0, 0]);
  const components = Math.min(2, width, n - 1);
  let coordinates: [number, number][];
  if (n <= width) {
    // Gram matrix C·Cᵀ = U Λ Uᵀ: the scores are U √Λ.
    const gram = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) {
      for (let k = i; k < n; k++) {
        let sum = 0;
        const a = centred[i];
        const b = centred[k];
        for (let j = 0; j < width; j++) sum += a[j] * b[j];
        gram[i][k] = sum;
        gram[k][i] = sum;
      }
    }
    const { vectors, values } = leadingEigen(gram, components);
    coordinates = vectors.map((v) => [v[0] * Math.sqrt(values[0]), components > 1 ? v[1] * Math.sqrt(values[1]) : 0]);
  } else {
    // Cross-product Cᵀ·C = V Λ Vᵀ: the scores are C V.
    const cross = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    for (const row of centred) for (let a = 0; a < width; a++) for (let b = a; b < width; b++) cross[a][b] += row[a] * row[b];
    for (let a = 0; a < width; a++) for (let b = 0; b < a; b++) cross[a][b] = cross[b][a];
    const { vectors } = leadingEigen(cross, components);
    coordinates = centred.map((row) => {
      const score = (c: number) => (c < components ? row.reduce((sum, v, j) => sum + v * vectors[j][c], 0) : 0);
      return [score(0), score(1)];
    });
  }
  // A component's sign is arbitrary: orient each so that its farthest member (the first of equals)
  // is on the positive side, so that the picture does not flip between recomputes.
  for (const axis of [0, 1] as const) {
    let far = 0;
    coordinates.forEach((c, i) => {
      if (Math.abs(c[axis]) > Math.abs(coordinates[far][axis]) + 1e-9) far = i;
    });
    if (coordinates[far][axis] < 0) for (const c of coordinates) c[axis] = -c[axis];
  }
  for (const c of coordinates) for (const axis of [0, 1] as const) if (!Number.isFinite(c[axis])) c[axis] = 0;
  return coordinates;
}

function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += (a[i] - b[i]) ** 2;
  return d;
}

/** Mean silhouette of a labelling (Rousseeuw 1987); members alone in their cluster count 0. */
export function silhouette(points: readonly (readonly number[])[], labels: readonly number[]): number {
  const k = Math.max(...labels) + 1;
  if (k < 2 || points.length < 2) return 0;
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) sizes[l]++;
  let total = 0;
  for (let i = 0; i < points.length; i++) {
    const sums = new Array<number>(k).fill(0);
    for (let j = 0; j < points.length; j++) if (j !== i) sums[labels[j]] += Math.sqrt(squaredDistance(points[i], points[j]));
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    const denominator = Math.max(a, b);
    total += denominator > 0 && Number.isFinite(b) ? (b - a) / denominator : 0;
  }
  return total / points.length;
}

/**
 * Clusters points into k groups, k from 2 to 5 (at most n − 1) chosen by the best silhouette
 * (ties: the smaller k). k-means++ seeded with `seed`, `seed + 1`, `seed + 2` for each k,
 * keeping the run with the smallest inertia among those whose every group holds at least
 * `minGroupSize` points (k is also at most the number of distinct points). A single distinct
 * point, too few points for two groups, or no admissible run: one group.
 */
export function cluster(points: readonly (readonly number[])[], seed: number = OPINION_MAP_DEFAULTS.seed, minGroupSize = 1): { labels: number[]; silhouette: number | null } {
  const distinct = new Set(points.map((p) => p.map((v) => round(v)).join(','))).size;
  const smallest = Math.max(1, minGroupSize);
  if (distinct < 2 || points.length < Math.max(3, 2 * smallest)) return { labels: points.map(() => 0), silhouette: null };
  let best: { labels: number[]; score: number } | null = null;
  for (let k = 2; k <= Math.min(5, distinct, Math.floor(points.length / smallest)); k++) {
    let run: { labels: number[]; inertia: number } | null = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = kmeans(points as number[][], k, { seed: seed + attempt, initialization: 'kmeans++', maxIterations: 100 });
      const labels = result.clusters;
      const sizes = new Array<number>(k).fill(0);
      for (const l of labels) sizes[l]++;
      // An empty cluster is not a k-grouping; a group too small to show would single members out.
      if (sizes.some((n) => n < smallest)) continue;
      const inertia = points.reduce((sum, p, i) => sum + squaredDistance(p, result.centroids[labels[i]]), 0);
      if (!run || inertia < run.inertia - 1e-9) run = { labels, inertia };
    }
    if (!run) continue;
    const score = silhouette(points, run.labels);
    if (!best || score > best.score + 1e-9) best = { labels: run.labels, score };
  }
  if (!best) return { labels: points.map(() => 0), silhouette: null };
  return { labels: best.labels, silhouette: best.score };
}

/** Labels renumbered 0… by cluster size (largest first), then by first member (rows are in member-id order). */
function canonicalLabels(labels: readonly number[]): number[] {
  const order = [...new Set(labels)]
    .map((label) => ({ label, size: labels.filter((l) => l === label).length, first: labels.indexOf(label) }))
    .sort((a, b) => b.size - a.size || a.first - b.first);
  const rename = new Map(order.map((o, i) => [o.label, i]));
  return labels.map((l) => rename.get(l)!);
}

function countsOf(cells: readonly (readonly (number | null)[])[], rows: readonly number[], column: number): OpinionCounts {
  const counts = { agree: 0, disagree: 0, pass: 0 };
  for (const r of rows) {
    const v = cells[r][column];
    if (v === 1) counts.agree++;
    else if (v === -1) counts.disagree++;
    else if (v === 0) counts.pass++;
  }
  return counts;
}

const answered = (c: OpinionCounts) => c.agree + c.disagree + c.pass;
/** Share of answers in a direction; a pass is an answer that is neither. */
const share = (c: OpinionCounts, direction: 'agree' | 'disagree') => (answered(c) === 0 ? 0 : c[direction] / answered(c));
/** Smoothed share ((n + 1) / (answers + 2)), so that one answer out of one does not count as unanimity. */
const smoothed = (c: OpinionCounts, direction: 'agree' | 'disagree') => (c[direction] + 1) / (answered(c) + 2);

/**
 * Whether every population (groups, or a lens's shown cells) and the whole agree (or disagree)
 * with a statement at `threshold` or more; the direction reached, or null.
 */
function unitedDirection(populations: readonly OpinionCounts[], overall: OpinionCounts, threshold: number, minAnswers: number): 'agree' | 'disagree' | null {
  if (populations.some((c) => answered(c) < minAnswers)) return null;
  for (const direction of ['agree', 'disagree'] as const) {
    if (share(overall, direction) >= threshold && populations.every((c) => share(c, direction) >= threshold)) return direction;
  }
  return null;
}

/**
 * The opinion map of a set of answers. `profiles` gives each member's categories for the lenses
 * (members without a profile count as unknown in every lens).
 */
export function opinionMap(
  answers: readonly OpinionAnswer[],
  profiles: ReadonlyMap<string, OpinionMemberProfile> = new Map(),
  options: OpinionMapOptions = {},
): OpinionMap {
  const o = { ...OPINION_MAP_DEFAULTS, ...options };
  const matrix = answerMatrix(answers);
  const placedRows = matrix.members.map((_, i) => i).filter((i) => matrix.cells[i].filter((v) => v !== null).length >= o.minAnswersToPlace);
  const rows = placedRows.map((i) => matrix.cells[i].map((v) => v ?? 0));
  const coordinates = project(rows);
  // A group is shown with its shares: like a breakdown cell, it must hold at least minCell members.
  const clustering = cluster(coordinates, o.seed, Math.max(1, Math.floor(o.minCell)));
  const labels = canonicalLabels(clustering.labels);
  const groupCount = labels.length === 0 ? 0 : Math.max(...labels) + 1;
  const groupRows = Array.from({ length: groupCount }, (_, g) => placedRows.filter((_, i) => labels[i] === g));

  const points: OpinionPoint[] = placedRows.map((r, i) => ({ memberId: matrix.members[r], x: round(coordinates[i][0]), y: round(coordinates[i][1]), group: labels[i] }));

  const consensus: ConsensusStatement[] = [];
  const divisive: DivisiveStatement[] = [];
  const candidates: RepresentativeStatement[][] = groupRows.map(() => []);
  const scores: number[][] = groupRows.map(() => []);
  for (let s = 0; s < matrix.statements.length; s++) {
    const statementId = matrix.statements[s];
    const overall = countsOf(matrix.cells, placedRows, s);
    if (answered(overall) === 0) continue;
    const inGroups = groupRows.map((g) => countsOf(matrix.cells, g, s));
    const direction = unitedDirection(inGroups, overall, o.consensusThreshold, o.minAnswersPerGroup);
    if (direction) consensus.push({ statementId, direction, share: round(share(overall, direction)), groupShares: inGroups.map((c) => round(share(c, direction))) });

    if (groupCount >= 2 && inGroups.every((c) => answered(c) >= o.minAnswersPerGroup)) {
      const net = inGroups.map((c) => (c.agree - c.disagree) / answered(c));
      const spread = Math.max(...net) - Math.min(...net);
      if (spread >= o.divisiveSpread - 1e-9) divisive.push({ statementId, spread: round(spread), groupNet: net.map(round) });
    }

    if (groupCount < 2) continue;
    inGroups.forEach((mine, g) => {
      if (answered(mine) < o.minAnswersPerGroup) return;
      const others = { agree: overall.agree - mine.agree, disagree: overall.disagree - mine.disagree, pass: overall.pass - mine.pass };
      let best: { rep: RepresentativeStatement; score: number } | null = null;
      for (const dir of ['agree', 'disagree'] as const) {
        // Representative: most of the group does it, and the group does it more than the others do
        // (smoothed shares, so a handful of answers cannot make a statement stand out).
        if (share(mine, dir) <= 0.5) continue;
        const score = smoothed(mine, dir) - smoothed(others, dir);
        if (score <= 0.1) continue;
        if (!best || score > best.score) best = { rep: { statementId, direction: dir, share: round(share(mine, dir)), othersShare: round(share(others, dir)) }, score };
      }
      if (best) {
        candidates[g].push(best.rep);
        scores[g].push(best.score);
      }
    });
  }
  const groups: OpinionGroup[] = groupRows.map((g, index) => {
    const ranked = candidates[index]
      .map((rep, i) => ({ rep, score: round(scores[index][i]) }))
      .sort((a, b) => b.score - a.score || byId(a.rep.statementId, b.rep.statementId))
      .slice(0, o.representativeCount)
      .map((r) => r.rep);
    return { index, size: g.length, representative: ranked };
  });
  consensus.sort((a, b) => b.share - a.share || byId(a.statementId, b.statementId));
  divisive.sort((a, b) => b.spread - a.spread || byId(a.statementId, b.statementId));

  const lenses = LENS_DIMENSIONS.map((dimension) => lens(dimension, matrix, placedRows, profiles, o));
  return {
    members: placedRows.length,
    statements: matrix.statements.length,
    answers: answers.length,
    points,
    groups,
    consensus,
    divisive,
    lenses,
    silhouette: clustering.silhouette === null ? null : round(clustering.silhouette),
  };
}

/**
 * Consensus across one of the assembly's categories: the statements that every shown cell (and
 * the whole) agrees (or disagrees) with at the threshold. Cells are hidden by the breakdown rule
 * of the surveys (`suppressedCells`); a shown cell whose members gave fewer than `minCell`
 * answers to a statement keeps that statement out of the lens's consensus.
 */
function lens(
  dimension: LensDimension,
  matrix: ReturnType<typeof answerMatrix>,
  placedRows: readonly number[],
  profiles: ReadonlyMap<string, OpinionMemberProfile>,
  o: Required<OpinionMapOptions>,
): OpinionLens {
  const rowsByValue = new Map<string, number[]>();
  for (const r of placedRows) {
    const value = profiles.get(matrix.members[r])?.[dimension] ?? null;
    if (value === null) continue;
    rowsByValue.set(value, [...(rowsByValue.get(value) ?? []), r]);
  }
  const values = [...rowsByValue.keys()].sort(byId);
  const counts = new Map(values.map((v) => [v, rowsByValue.get(v)!.length]));
  const minCell = Math.max(1, Math.floor(o.minCell));
  const { small, complementary } = suppressedCells(counts, placedRows.length, minCell);
  const cells: LensCell[] = values.map((value) => {
    if (small.has(value)) return { value, hidden: true, reason: 'small_cell', members: `<${minCell}` };
    if (complementary.has(value)) return { value, hidden: true, reason: 'complementary', members: null };
    return { value, hidden: false, members: counts.get(value)! };
  });
  const shown = cells.filter((c) => !c.hidden).map((c) => rowsByValue.get(c.value)!);
  const comparable = shown.length >= 2;
  const consensus: LensConsensus[] = [];
  if (comparable) {
    for (let s = 0; s < matrix.statements.length; s++) {
      const overall = countsOf(matrix.cells, placedRows, s);
      if (answered(overall) === 0) continue;
      const inCells = shown.map((rows) => countsOf(matrix.cells, rows, s));
      const direction = unitedDirection(inCells, overall, o.consensusThreshold, Math.max(minCell, o.minAnswersPerGroup));
      if (direction) consensus.push({ statementId: matrix.statements[s], direction, cellShares: inCells.map((c) => round(share(c, direction))) });
    }
    consensus.sort((a, b) => Math.min(...b.cellShares) - Math.min(...a.cellShares) || byId(a.statementId, b.statementId));
  }
  return { dimension, cells, comparable, consensus };
}
