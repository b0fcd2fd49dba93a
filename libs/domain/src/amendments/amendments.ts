/**
 * Amendments anchored to lines (issue #22): which ones compete, in which order they are voted,
 * which fall when one is adopted, and the consolidated text. Pure and deterministic: the server
 * decides with it, the phone and the projector draw the consolidated text with it, and the sealed
 * archive's final text is recomputable from the tabled lines and the amendments' fates.
 *
 * Anchors always refer to the text as tabled (its original line numbers), as in assemblies;
 * `reanchor` says where an amendment now sits in the consolidated text.
 */
import { wordingLines, type TextLine } from './text';

export type AmendmentKind = 'replace' | 'insert' | 'delete';
/** Moderation: filed (awaiting), admissible, inadmissible, withdrawn by its author. */
export type AmendmentStatus = 'filed' | 'admissible' | 'inadmissible' | 'withdrawn';
export type AmendmentFate = 'adopted' | 'rejected' | 'fallen';

export interface AmendmentItem {
  id: string;
  /** 1-based, in filing order: the amendment's public number. */
  number: number;
  /** A sub-amendment proposes a new wording for this amendment (replace or insert only). */
  parentId: string | null;
  kind: AmendmentKind;
  /** Replace / delete: first line. Insert: the line after which the wording goes (0: before line 1). */
  from: number;
  /** Replace / delete: last line. Insert: equal to `from`. */
  to: number;
  /** The proposed wording (replace, insert, sub-amendment); empty for a deletion. */
  wording: string;
  status: AmendmentStatus;
  fate: AmendmentFate | null;
  /** A facilitator's move: the 1-based place of this amendment (with its sub-amendments) in its block. */
  pinned: number | null;
}

/** Deletion before rewriting before addition: the one that departs furthest from the text first. */
const KIND_RANK: Record<AmendmentKind, number> = { delete: 0, replace: 1, insert: 2 };

/** The place of an amendment as a closed span on the tabled lines; an insertion after k is the point k + ½. */
export function spanOf(a: Pick<AmendmentItem, 'kind' | 'from' | 'to'>): { lo: number; hi: number } {
  return a.kind === 'insert' ? { lo: a.from + 0.5, hi: a.from + 0.5 } : { lo: a.from, hi: a.to };
}

/** Same place: the spans meet (grouped in one voting block). */
export function samePlace(a: AmendmentItem, b: AmendmentItem): boolean {
  const x = spanOf(a);
  const y = spanOf(b);
  return x.lo <= y.hi && y.lo <= x.hi;
}

/** Incompatible: adopting one makes the other fall. Two additions at the same place can both be adopted. */
export function incompatible(a: AmendmentItem, b: AmendmentItem): boolean {
  return samePlace(a, b) && !(a.kind === 'insert' && b.kind === 'insert');
}

/** Whether an amendment is still to be voted. */
export function isPending(a: Pick<AmendmentItem, 'status' | 'fate'>): boolean {
  return a.status === 'admissible' && a.fate === null;
}

export interface VotingBlock {
  /** Stable for the same set of amendments: the span on the tabled lines (`12-14`, `13.5-13.5` for an addition after line 13). */
  key: string;
  /** The tabled lines the block covers (an insertion after k covers k). */
  from: number;
  to: number;
  /** Amendment ids in voting order: each amendment's sub-amendments just before it. */
  order: string[];
}

/**
 * Groups the admissible amendments into voting blocks (amendments at the same place, transitively)
 * and orders each block: deletion, then rewriting (the widest first), then addition, then by number;
 * a facilitator's move keeps its place; sub-amendments come just before their amendment.
 */
export function votingBlocks(items: readonly AmendmentItem[]): VotingBlock[] {
  const admissible = items.filter((a) => a.status === 'admissible');
  const tops = admissible.filter((a) => a.parentId === null).sort((a, b) => a.number - b.number);
  const subs = new Map<string, AmendmentItem[]>();
  for (const s of admissible.filter((a) => a.parentId !== null).sort((a, b) => a.number - b.number)) {
    const list = subs.get(s.parentId as string) ?? [];
    list.push(s);
    subs.set(s.parentId as string, list);
  }
  // Connected components of « same place », by union-find over the amendments sorted by span.
  const parent = tops.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < tops.length; i++) for (let j = i + 1; j < tops.length; j++) if (samePlace(tops[i], tops[j])) parent[find(i)] = find(j);
  const groups = new Map<number, AmendmentItem[]>();
  tops.forEach((a, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), a]));
  const blocks: VotingBlock[] = [];
  for (const members of groups.values()) {
    const natural = [...members].sort(
      (a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.to - b.from - (a.to - a.from) || a.number - b.number,
    );
    const ordered = applyPins(natural);
    const spans = members.map(spanOf);
    const lo = Math.min(...spans.map((s) => s.lo));
    const hi = Math.max(...spans.map((s) => s.hi));
    const from = Math.floor(lo);
    const to = Math.floor(hi);
    blocks.push({ key: `${lo}-${hi}`, from, to, order: ordered.flatMap((a) => [...(subs.get(a.id) ?? []).map((s) => s.id), a.id]) });
  }
  return blocks.sort((a, b) => a.from - b.from || a.to - b.to || a.key.localeCompare(b.key));
}

/** Pinned amendments take their place (clamped, earlier number first on a tie); the others keep their order. */
function applyPins(natural: AmendmentItem[]): AmendmentItem[] {
  const pinned = natural.filter((a) => a.pinned !== null).sort((a, b) => (a.pinned as number) - (b.pinned as number) || a.number - b.number);
  const out = natural.filter((a) => a.pinned === null);
  for (const a of pinned) out.splice(Math.min(Math.max((a.pinned as number) - 1, 0), out.length), 0, a);
  return out;
}

/** The next amendment to put to the vote: the first pending one in block order, or null. */
export function nextToVote(items: readonly AmendmentItem[]): string | null {
  const byId = new Map(items.map((a) => [a.id, a]));
  for (const block of votingBlocks(items)) for (const id of block.order) if (isPending(byId.get(id) as AmendmentItem)) return id;
  return null;
}

/** Why an amendment cannot be put to the vote now, or null. */
export function voteBlocker(items: readonly AmendmentItem[], id: string): 'NOT_ADMISSIBLE' | 'ALREADY_DECIDED' | 'SUBAMENDMENTS_PENDING' | null {
  const a = items.find((x) => x.id === id);
  if (!a || a.status !== 'admissible') return 'NOT_ADMISSIBLE';
  if (a.fate !== null) return 'ALREADY_DECIDED';
  // Sub-amendments before their amendment.
  if (items.some((s) => s.parentId === a.id && isPending(s))) return 'SUBAMENDMENTS_PENDING';
  return null;
}

/**
 * The result of a vote on one amendment: its fate, and every pending amendment that falls with it.
 * Adopted: the incompatible amendments at the same place fall (with their sub-amendments); an
 * adopted sub-amendment makes its competing sub-amendments fall. Rejected: its pending
 * sub-amendments have nothing left to amend and fall.
 */
export function decideVote(items: readonly AmendmentItem[], id: string, adopted: boolean): { items: AmendmentItem[]; fallen: string[] } {
  const target = items.find((a) => a.id === id);
  if (!target) throw new Error(`decideVote: unknown amendment ${id}`);
  const falls = new Set<string>();
  const pending = items.filter((a) => a.id !== id && isPending(a));
  if (adopted) {
    if (target.parentId === null) {
      for (const a of pending) if (a.parentId === null && incompatible(a, target)) falls.add(a.id);
      // Sub-amendments of what fell (and of the adopted one, had any been left) fall too.
      for (const a of pending) if (a.parentId !== null && (falls.has(a.parentId) || a.parentId === target.id)) falls.add(a.id);
    } else {
      for (const a of pending) if (a.parentId === target.parentId) falls.add(a.id);
    }
  } else {
    for (const a of pending) if (a.parentId === target.id) falls.add(a.id);
  }
  const next = items.map((a) => (a.id === id ? { ...a, fate: adopted ? 'adopted' : 'rejected' } : falls.has(a.id) ? { ...a, fate: 'fallen' } : a) as AmendmentItem);
  return { items: next, fallen: [...falls].sort((x, y) => numberOf(items, x) - numberOf(items, y)) };
}

const numberOf = (items: readonly AmendmentItem[], id: string) => items.find((a) => a.id === id)?.number ?? 0;

/** Where a consolidated line comes from: a tabled line, or an amendment (by number). */
export type LineOrigin = { line: number; amendment: null } | { line: null; amendment: number };

export interface ConsolidatedLine {
  /** 1-based number in the consolidated text. */
  n: number;
  paragraph: number;
  text: string;
  origin: LineOrigin;
}

/** The wording an adopted amendment puts into the text: its own, or that of its adopted sub-amendment. */
export function effectiveWording(items: readonly AmendmentItem[], a: AmendmentItem): string {
  const adoptedSubs = items.filter((s) => s.parentId === a.id && s.status === 'admissible' && s.fate === 'adopted').sort((x, y) => y.number - x.number);
  return adoptedSubs[0]?.wording ?? a.wording;
}

interface Placed extends ConsolidatedLine {
  /** The line's place on the tabled text (an insertion after k sits at k + ½), for re-anchoring. */
  pos: number;
}

/** The adopted top-level amendments that apply, compatible with one another (the first adopted by number wins a conflict). */
function applied(items: readonly AmendmentItem[]): AmendmentItem[] {
  const out: AmendmentItem[] = [];
  for (const a of items.filter((x) => x.parentId === null && x.status === 'admissible' && x.fate === 'adopted').sort((x, y) => x.number - y.number)) {
    if (!out.some((b) => incompatible(a, b))) out.push(a);
  }
  return out;
}

function place(lines: readonly TextLine[], items: readonly AmendmentItem[]): Placed[] {
  const adopted = applied(items);
  const out: Omit<Placed, 'n'>[] = [];
  const paragraphOf = (line: number) => lines.find((l) => l.n === line)?.paragraph ?? lines[0]?.paragraph ?? 1;
  const inserts = (k: number) => {
    for (const a of adopted.filter((x) => x.kind === 'insert' && x.from === k)) {
      for (const text of wordingLines(effectiveWording(items, a))) out.push({ paragraph: paragraphOf(Math.max(k, 1)), text, origin: { line: null, amendment: a.number }, pos: k + 0.5 });
    }
  };
  inserts(0);
  for (const l of lines) {
    const covering = adopted.find((a) => a.kind !== 'insert' && a.from <= l.n && l.n <= a.to);
    if (!covering) out.push({ paragraph: l.paragraph, text: l.text, origin: { line: l.n, amendment: null }, pos: l.n });
    else if (covering.kind === 'replace' && covering.from === l.n) {
      for (const text of wordingLines(effectiveWording(items, covering))) out.push({ paragraph: l.paragraph, text, origin: { line: null, amendment: covering.number }, pos: covering.to });
    }
    inserts(l.n);
  }
  return out.map((l, i) => ({ ...l, n: i + 1 }));
}

/** The consolidated text: the tabled lines with every adopted amendment applied, each line traced to its origin. */
export function consolidate(lines: readonly TextLine[], items: readonly AmendmentItem[]): ConsolidatedLine[] {
  return place(lines, items).map(({ pos: _pos, ...line }) => line);
}

/**
 * Where an amendment now sits in the consolidated text: the consolidated lines it would replace or
 * delete, or the line after which it would insert (`from === to`, 0 for the top). Null when an
 * adopted amendment has already rewritten some of its lines (it can no longer apply).
 */
export function reanchor(lines: readonly TextLine[], items: readonly AmendmentItem[], amendment: AmendmentItem): { from: number; to: number } | null {
  const placed = place(lines, items);
  if (amendment.kind === 'insert') {
    const at = amendment.from + 0.5;
    const before = placed.filter((l) => l.pos <= at);
    const n = before.length === 0 ? 0 : before[before.length - 1].n;
    return { from: n, to: n };
  }
  const own = placed.filter((l) => l.origin.line !== null && l.origin.line >= amendment.from && l.origin.line <= amendment.to);
  if (own.length !== amendment.to - amendment.from + 1) return null;
  return { from: own[0].n, to: own[own.length - 1].n };
}
