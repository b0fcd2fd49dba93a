import { FRENCH_STOP_WORDS } from '../tally/stop-words-fr';

/** Lower-case, accent-free words of at least 3 letters, without French stop words. */
export function significantWords(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !FRENCH_STOP_WORDS.has(w))
    .map((w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
  // A crude stem (plural -s/-x) so that « contrat » and « contrats » meet.
  return new Set(words.map((w) => (w.length > 4 && /[sx]$/.test(w) ? w.slice(0, -1) : w)));
}

/**
 * Fallback similarity when pg_trgm is missing: overlap of significant words, as a share of the
 * shorter text's words (typing a short title should find a long idea that contains it).
 */
export function wordSimilarity(a: string, b: string): number {
  const wa = significantWords(a);
  const wb = significantWords(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.min(wa.size, wb.size);
}

/** The most similar candidates above `threshold`, best first. */
export function rankSimilar<T extends { text: string }>(query: string, candidates: readonly T[], threshold = 0.5, limit = 5): (T & { score: number })[] {
  return candidates
    .map((c) => ({ ...c, score: wordSimilarity(query, c.text) }))
    .filter((c) => c.score >= threshold)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit);
}
