/**
 * The ranking ballot's moves, as pure functions over the ranked ids (best first, at most `k`).
 * Tap-to-place, the move buttons, drag and drop and the keyboard all go through these, so each
 * way of ranking produces the same ballot.
 */

/** Puts `id` at `position` (0-based), shifting the others down; an option pushed past `k` leaves the ranking. */
export function placeAt(ranked: readonly string[], id: string, position: number, k: number): string[] {
  const rest = ranked.filter((x) => x !== id);
  const at = Math.max(0, Math.min(position, rest.length));
  return [...rest.slice(0, at), id, ...rest.slice(at)].slice(0, k);
}

/** Takes `id` out of the ranking (back among the options to rank). */
export function unrank(ranked: readonly string[], id: string): string[] {
  return ranked.filter((x) => x !== id);
}

/** Moves the option at `from` to `to` (both 0-based, inside the ranking). */
export function moveTo(ranked: readonly string[], from: number, to: number): string[] {
  if (from === to || from < 0 || to < 0 || from >= ranked.length || to >= ranked.length) return [...ranked];
  const next = [...ranked];
  const [id] = next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

/** The options not ranked yet, in the order shown to this member. */
export function unranked(ranked: readonly string[], order: readonly string[]): string[] {
  return order.filter((id) => !ranked.includes(id));
}

/** How many options the ballot must rank: k, or all of them. */
export function required(topK: number | undefined, optionCount: number): number {
  return Math.min(topK ?? optionCount, optionCount);
}
