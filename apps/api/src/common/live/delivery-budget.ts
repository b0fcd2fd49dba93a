/**
 * Milliseconds between two broadcasts to `audience` sockets such that they cost at most
 * `budget` deliveries per second, clamped to [min, max]: small rooms get the fastest rate,
 * large ones slow down in proportion, never below one broadcast per `max` ms.
 */
export function intervalWithinBudget(audience: number, budget: number, min: number, max: number): number {
  const byBudget = Math.ceil((Math.max(0, audience) * 1000) / budget);
  return Math.min(max, Math.max(min, byBudget));
}
