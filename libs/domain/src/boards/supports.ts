import type { SupportMode } from '@palabre/contracts';

/** One member's support of one idea: 1 in single mode, the number of dots in dots mode. */
export interface SupportRow {
  participantId: string;
  dots: number;
}

export interface SupportRules {
  mode: SupportMode;
  dotsPerMember: number;
  dotsPerIdeaMax: number;
}

export type SupportRefusal = 'DOTS_EXHAUSTED' | 'DOTS_PER_IDEA_MAX';

/**
 * What one more support does. `spent` is what the member has on the whole board, `onIdea`
 * what they have on this idea. Single mode: supporting twice is not an error, it is the same
 * support (a retried or double click counts once).
 */
export function addSupport(rules: SupportRules, spent: number, onIdea: number): { ok: true; onIdea: number } | { ok: false; code: SupportRefusal } {
  if (rules.mode === 'single') return { ok: true, onIdea: 1 };
  if (onIdea >= rules.dotsPerIdeaMax) return { ok: false, code: 'DOTS_PER_IDEA_MAX' };
  if (spent >= rules.dotsPerMember) return { ok: false, code: 'DOTS_EXHAUSTED' };
  return { ok: true, onIdea: onIdea + 1 };
}

/** What taking back a support leaves on the idea (single: nothing; dots: one dot less). */
export function removeSupport(rules: SupportRules, onIdea: number): number {
  if (rules.mode === 'single') return 0;
  return Math.max(0, onIdea - 1);
}

export function dotsLeft(rules: SupportRules, spent: number): number | null {
  return rules.mode === 'dots' ? Math.max(0, rules.dotsPerMember - spent) : null;
}

/**
 * Supports of the merged idea from the target's and the sources' supports.
 * - single mode: one support per member who supported any of them (nobody counts twice);
 * - dots mode: a member's dots add up, capped at the per-idea maximum; the excess returns to
 *   their budget (they spent it on ideas that are now one).
 * Returns the rows for the target and what each member gets back.
 */
export function mergeSupports(
  rules: Pick<SupportRules, 'mode' | 'dotsPerIdeaMax'>,
  target: readonly SupportRow[],
  sources: readonly (readonly SupportRow[])[],
): { rows: SupportRow[]; refunded: SupportRow[] } {
  const total = new Map<string, number>();
  for (const row of [...target, ...sources.flat()]) total.set(row.participantId, (total.get(row.participantId) ?? 0) + row.dots);
  const rows: SupportRow[] = [];
  const refunded: SupportRow[] = [];
  for (const [participantId, dots] of total) {
    const cap = rules.mode === 'single' ? 1 : rules.dotsPerIdeaMax;
    const kept = Math.min(dots, cap);
    rows.push({ participantId, dots: kept });
    if (dots > kept) refunded.push({ participantId, dots: dots - kept });
  }
  return { rows, refunded };
}

/** Counts shown on a card: supports (or dots) and distinct supporters. */
export function countSupports(rows: readonly SupportRow[]): { supports: number; supporters: number } {
  return { supports: rows.reduce((sum, r) => sum + r.dots, 0), supporters: rows.filter((r) => r.dots > 0).length };
}
