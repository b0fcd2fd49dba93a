/**
 * The speakers' list ordering rule (issue #21): pure and deterministic, so the server, the
 * benchmark and the simulation compute the same order, and a facilitator can read why each
 * person is where they is. The order is built greedily, as the floor would be given: each next
 * speaker is chosen knowing who spoke (or is projected to speak) just before them.
 */

export type FloorGender = 'femme' | 'homme' | 'autre' | null;
export type FloorCategory = 'elu' | 'citoyen' | null;

/** Which criteria a list applies (all on by default). Priority speakers and facilitator moves always apply. */
export interface FloorRule {
  /** Alternate women and men when both wait. */
  parity: boolean;
  /** No two élus (or citoyens) in a row when the other category waits. */
  category: boolean;
  /** Prefer territories, then territory types, not yet heard in this item. */
  territory: boolean;
  /** Then the lowest cumulative speaking time in the session. */
  time: boolean;
}

export const DEFAULT_FLOOR_RULE: FloorRule = { parity: true, category: true, territory: true, time: true };

/** Who a speaker is, as far as balance goes. */
export interface FloorProfile {
  gender: FloorGender;
  category: FloorCategory;
  /** The territorial perimeter (free text from the roster), null when unknown. */
  territory: string | null;
  territoryType: string | null;
}

export interface FloorCandidate extends FloorProfile {
  /** The request's id (stable tie-break). */
  id: string;
  participantId: string;
  /** Arrival order in the list (smaller asked first). */
  arrival: number;
  /** A priority speaker (rapporteur, president): before everyone else, in arrival order. */
  priority: boolean;
  /** A facilitator moved the request to this 1-based position; it stays there (clamped to the list's length). */
  pinned: number | null;
}

export interface FloorContext {
  /** Who already spoke in this item, oldest first (the current speaker last). */
  heard: readonly FloorProfile[];
  /** Cumulative speaking time in the session by participant id (milliseconds). */
  spokenMs: ReadonlyMap<string, number>;
  rule: FloorRule;
}

/** Why a person is at their place, as a code and its values (the web writes the sentence, in fr or en). */
export type FloorReasonCode =
  | 'pinned'
  | 'priority'
  | 'parity'
  | 'category'
  | 'newTerritory'
  | 'newTerritoryType'
  | 'leastTime'
  | 'arrival'
  | 'only';

export interface FloorReason {
  code: FloorReasonCode;
  /** For 'parity' the gender given the floor after the other; for 'category' the category; for 'leastTime' the seconds spoken. */
  value: string | number | null;
}

export interface FloorPlace {
  id: string;
  /** 1-based. */
  position: number;
  reason: FloorReason;
}

const isBinary = (g: FloorGender): g is 'femme' | 'homme' => g === 'femme' || g === 'homme';

/** Territory tier: 0 territory and type new, 1 territory new, 2 type new, 3 both heard. */
function territoryTier(c: FloorProfile, territories: ReadonlySet<string>, types: ReadonlySet<string>): number {
  const newTerritory = c.territory === null || !territories.has(c.territory);
  const newType = c.territoryType === null || !types.has(c.territoryType);
  return (newTerritory ? 0 : 2) + (newType ? 0 : 1);
}

function byArrival(a: FloorCandidate, b: FloorCandidate): number {
  return a.arrival - b.arrival || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The order in which the waiting requests would get the floor, with one reason each.
 * Priority speakers first (arrival order); then, one pick at a time: keep only the other gender
 * than the last man or woman heard when one waits (parity), then only the other category than
 * the last speaker when one waits (category), then the best territory tier, then the least
 * time spoken in the session, then arrival. Pinned requests are finally put at their position.
 * O(n²) in the number of waiting requests: 300 requests order in a few milliseconds.
 */
export function orderFloor(waiting: readonly FloorCandidate[], context: FloorContext): FloorPlace[] {
  const { rule } = context;
  const pinned = waiting.filter((c) => c.pinned !== null).sort((a, b) => (a.pinned ?? 0) - (b.pinned ?? 0) || byArrival(a, b));
  const free = waiting.filter((c) => c.pinned === null);
  const priority = free.filter((c) => c.priority).sort(byArrival);
  const pool = free.filter((c) => !c.priority).sort(byArrival);

  const territories = new Set<string>();
  const types = new Set<string>();
  let lastBinary: 'femme' | 'homme' | null = null;
  let lastCategory: FloorCategory = null;
  const hear = (p: FloorProfile) => {
    if (p.territory !== null) territories.add(p.territory);
    if (p.territoryType !== null) types.add(p.territoryType);
    if (isBinary(p.gender)) lastBinary = p.gender;
    lastCategory = p.category;
  };
  for (const p of context.heard) hear(p);

  const auto: { c: FloorCandidate; reason: FloorReason }[] = [];
  for (const c of priority) {
    auto.push({ c, reason: { code: 'priority', value: null } });
    hear(c);
  }

  const remaining = [...pool];
  while (remaining.length > 0) {
    let eligible = remaining;
    let reason: FloorReason | null = null;
    if (rule.parity && lastBinary !== null) {
      const other = eligible.filter((c) => isBinary(c.gender) && c.gender !== lastBinary);
      if (other.length > 0 && other.length < eligible.length) {
        eligible = eligible.filter((c) => c.gender !== lastBinary);
        reason = { code: 'parity', value: other[0].gender };
      }
    }
    if (rule.category && lastCategory !== null) {
      const other = eligible.filter((c) => c.category !== null && c.category !== lastCategory);
      if (other.length > 0 && other.length < eligible.length) {
        eligible = eligible.filter((c) => c.category !== lastCategory);
        reason ??= { code: 'category', value: other[0].category };
      }
    }
    let best = eligible[0];
    let bestTier = rule.territory ? territoryTier(best, territories, types) : 0;
    let bestTime = rule.time ? (context.spokenMs.get(best.participantId) ?? 0) : 0;
    for (let i = 1; i < eligible.length; i += 1) {
      const c = eligible[i];
      const tier = rule.territory ? territoryTier(c, territories, types) : 0;
      const time = rule.time ? (context.spokenMs.get(c.participantId) ?? 0) : 0;
      // eligible is in arrival order: a later candidate wins only on a strictly better criterion.
      if (tier < bestTier || (tier === bestTier && time < bestTime)) {
        best = c;
        bestTier = tier;
        bestTime = time;
      }
    }
    if (reason === null) {
      // The first criterion that set the pick apart from someone else eligible.
      const tierOf = (c: FloorCandidate) => (rule.territory ? territoryTier(c, territories, types) : 0);
      const timeOf = (c: FloorCandidate) => (rule.time ? (context.spokenMs.get(c.participantId) ?? 0) : 0);
      let code: FloorReasonCode = remaining.length === 1 ? 'only' : 'arrival';
      if (eligible.some((c) => tierOf(c) > bestTier)) code = bestTier === 1 ? 'newTerritory' : 'newTerritoryType';
      else if (eligible.some((c) => timeOf(c) > bestTime)) code = 'leastTime';
      reason = { code, value: code === 'leastTime' ? Math.round(bestTime / 1000) : null };
    }
    auto.push({ c: best, reason });
    remaining.splice(remaining.indexOf(best), 1);
    hear(best);
  }

  // Facilitator moves: each pinned request at its position, the automatic order filling the rest.
  const total = waiting.length;
  const slots: ({ c: FloorCandidate; reason: FloorReason } | undefined)[] = new Array<{ c: FloorCandidate; reason: FloorReason } | undefined>(total);
  for (const c of pinned) {
    let at = Math.min(Math.max((c.pinned ?? 1) - 1, 0), total - 1);
    while (slots[at] !== undefined && at < total - 1) at += 1;
    while (slots[at] !== undefined) at -= 1;
    slots[at] = { c, reason: { code: 'pinned', value: c.pinned } };
  }
  let next = 0;
  for (let i = 0; i < total; i += 1) if (slots[i] === undefined) slots[i] = auto[next++];
  return slots.map((s, i) => ({ id: (s as { c: FloorCandidate }).c.id, position: i + 1, reason: (s as { reason: FloorReason }).reason }));
}

/** Estimated wait before a position speaks, in seconds: the people before them at the list's speaking time each. */
export function estimatedWaitSeconds(position: number, speakingSeconds: number, currentRemainingSeconds = 0): number {
  return Math.max(0, currentRemainingSeconds) + Math.max(0, position - 1) * speakingSeconds;
}
