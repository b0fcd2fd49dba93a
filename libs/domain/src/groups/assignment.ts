/**
 * Balanced assignment of members to working groups (documented in docs/decisions.md).
 *
 * Goals, in order: respect each group's capacity; group sizes as even as capacities allow;
 * within one across groups for every membership category; then territory types and genders
 * spread as evenly as possible. Deterministic for a given seed (no Math.random, no clock).
 */

export interface AssignablePerson {
  id: string;
  /** Unknown attributes (anonymous guests) count as their own value, '?'. */
  territoryType: string | null;
  category: string | null;
  gender: string | null;
}

export interface AssignableGroup {
  id: string;
  capacity: number;
}

export interface AssignmentResult {
  /** person id → group id */
  assignment: Map<string, string>;
  /** People left out because every group is full. */
  unplaced: string[];
}

/** Small seeded PRNG (mulberry32): same seed, same sequence, on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Group sizes as even as capacities allow (water filling): differ by at most one among groups not at capacity. */
export function targetSizes(total: number, capacities: readonly number[]): number[] {
  const sizes = capacities.map(() => 0);
  let left = Math.min(total, capacities.reduce((s, c) => s + c, 0));
  while (left > 0) {
    // Smallest group with room first; ties by position: deterministic.
    let best = -1;
    for (let g = 0; g < sizes.length; g++) {
      if (sizes[g] >= capacities[g]) continue;
      if (best < 0 || sizes[g] < sizes[best]) best = g;
    }
    sizes[best]++;
    left--;
  }
  return sizes;
}

const ATTRS = ['category', 'territoryType', 'gender'] as const;
type Attr = (typeof ATTRS)[number];
const valueOf = (p: AssignablePerson, a: Attr) => p[a] ?? '?';

export function assignBalanced(people: readonly AssignablePerson[], groups: readonly AssignableGroup[], seed: number): AssignmentResult {
  const k = groups.length;
  const random = seededRandom(seed);
  const order = shuffle(
    [...people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    random,
  );
  const targets = targetSizes(order.length, groups.map((g) => g.capacity));
  const placedCount = targets.reduce((s, n) => s + n, 0);
  const placed = order.slice(0, placedCount);
  const unplaced = order.slice(placedCount).map((p) => p.id);

  // counts[attr][value][group]
  const counts = new Map<string, number[]>();
  const key = (a: Attr, v: string) => `${a}\u0000${v}`;
  const countOf = (a: Attr, v: string) => {
    let c = counts.get(key(a, v));
    if (!c) counts.set(key(a, v), (c = new Array<number>(k).fill(0)));
    return c;
  };
  const sizes = new Array<number>(k).fill(0);
  const groupOf = new Map<string, number>();

  // Phase 1 — greedy, rarest strata first so they are dealt before the groups fill up.
  // Category first in the comparison: each category ends within one across groups.
  const stratum = (p: AssignablePerson) => ATTRS.map((a) => valueOf(p, a)).join('|');
  const strataSize = new Map<string, number>();
  for (const p of placed) strataSize.set(stratum(p), (strataSize.get(stratum(p)) ?? 0) + 1);
  const categorySize = new Map<string, number>();
  for (const p of placed) categorySize.set(valueOf(p, 'category'), (categorySize.get(valueOf(p, 'category')) ?? 0) + 1);
  const sequence = placed
    .map((p, i) => ({ p, i }))
    .sort((x, y) => {
      // Whole categories together (smallest first), then strata by size, keeping the shuffle inside.
      const cx = categorySize.get(valueOf(x.p, 'category'))!;
      const cy = categorySize.get(valueOf(y.p, 'category'))!;
      if (cx !== cy) return cx - cy;
      const ca = valueOf(x.p, 'category');
      const cb = valueOf(y.p, 'category');
      if (ca !== cb) return ca < cb ? -1 : 1;
      const sx = strataSize.get(stratum(x.p))!;
      const sy = strataSize.get(stratum(y.p))!;
      if (sx !== sy) return sx - sy;
      const a = stratum(x.p);
      const b = stratum(y.p);
      if (a !== b) return a < b ? -1 : 1;
      return x.i - y.i;
    })
    .map((x) => x.p);

  const offset = Math.floor(random() * Math.max(k, 1));
  for (const p of sequence) {
    let best = -1;
    let bestScore: number[] = [];
    for (let j = 0; j < k; j++) {
      const g = (j + offset) % k;
      if (sizes[g] >= targets[g]) continue;
      // Category count first (within one), then the most room left: the larger groups take a
      // category's extra members, so the next category still ends within one. Territory and
      // gender only break the remaining ties here; phase 2 balances them.
      const score = [
        countOf('category', valueOf(p, 'category'))[g],
        sizes[g] - targets[g],
        countOf('territoryType', valueOf(p, 'territoryType'))[g] + countOf('gender', valueOf(p, 'gender'))[g],
      ];
      if (best < 0 || lexLess(score, bestScore)) {
        best = g;
        bestScore = score;
      }
    }
    place(p, best);
  }

  // Phase 2 — swaps between two people of the same category (category counts and sizes unchanged)
  // whenever the swap lowers the territory + gender imbalance. Deterministic order, bounded passes.
  const byGroup = () => {
    const lists: AssignablePerson[][] = groups.map(() => []);
    for (const p of placed) lists[groupOf.get(p.id)!].push(p);
    return lists;
  };
  for (let pass = 0; pass < 8; pass++) {
    let improved = false;
    const lists = byGroup();
    for (let g = 0; g < k; g++) {
      for (let h = g + 1; h < k; h++) {
        for (const a of lists[g]) {
          if (groupOf.get(a.id) !== g) continue;
          for (const b of lists[h]) {
            if (groupOf.get(b.id) !== h || valueOf(a, 'category') !== valueOf(b, 'category')) continue;
            if (swapGain(a, b, g, h) > 0) {
              unplace(a, g);
              unplace(b, h);
              place(a, h);
              place(b, g);
              improved = true;
              break;
            }
          }
        }
      }
    }
    if (!improved) break;
  }

  const assignment = new Map<string, string>();
  for (const p of placed) assignment.set(p.id, groups[groupOf.get(p.id)!].id);
  return { assignment, unplaced };

  function place(p: AssignablePerson, g: number) {
    for (const a of ATTRS) countOf(a, valueOf(p, a))[g]++;
    sizes[g]++;
    groupOf.set(p.id, g);
  }
  function unplace(p: AssignablePerson, g: number) {
    for (const a of ATTRS) countOf(a, valueOf(p, a))[g]--;
    sizes[g]--;
  }
  /** Drop in the sum of squared counts (territory and gender) if a (in g) and b (in h) swap. */
  function swapGain(a: AssignablePerson, b: AssignablePerson, g: number, h: number): number {
    let gain = 0;
    for (const attr of ['territoryType', 'gender'] as const) {
      const va = valueOf(a, attr);
      const vb = valueOf(b, attr);
      if (va === vb) continue;
      const ca = countOf(attr, va);
      const cb = countOf(attr, vb);
      // Before: ca[g], ca[h], cb[g], cb[h]; after: a leaves g for h, b leaves h for g.
      const before = ca[g] ** 2 + ca[h] ** 2 + cb[g] ** 2 + cb[h] ** 2;
      const after = (ca[g] - 1) ** 2 + (ca[h] + 1) ** 2 + (cb[g] + 1) ** 2 + (cb[h] - 1) ** 2;
      gain += before - after;
    }
    return gain;
  }
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/** Largest minus smallest count of each value of an attribute across groups (for tests and the staff view). */
export function spread(people: readonly AssignablePerson[], assignment: ReadonlyMap<string, string>, groupIds: readonly string[], attr: Attr): Map<string, number> {
  const table = new Map<string, Map<string, number>>();
  for (const p of people) {
    const g = assignment.get(p.id);
    if (!g) continue;
    const v = valueOf(p, attr);
    if (!table.has(v)) table.set(v, new Map(groupIds.map((id) => [id, 0])));
    const row = table.get(v)!;
    row.set(g, (row.get(g) ?? 0) + 1);
  }
  const out = new Map<string, number>();
  for (const [v, row] of table) out.set(v, Math.max(...row.values()) - Math.min(...row.values()));
  return out;
}
