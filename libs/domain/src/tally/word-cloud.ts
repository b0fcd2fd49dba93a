import { SURVEY_LIMITS, type TextBallot, type TextResults } from '@palabre/contracts';
import { FRENCH_STOP_WORDS } from './stop-words-fr';

// Words are runs of letters or digits, hyphens inside kept (« vivre-ensemble », « bourg-centre »).
// Apostrophes (' and ’) split elisions: « l’eau » gives « l » (a stop word) and « eau ».
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** Lower-cased words of an answer, accents kept, punctuation and stop words dropped. */
export function cloudWords(text: string): string[] {
  const lower = text.normalize('NFC').toLocaleLowerCase('fr');
  return (lower.match(WORD) ?? []).filter((w) => w.length > 1 && !FRENCH_STOP_WORDS.has(w));
}

/**
 * Word frequencies for the word cloud: a word counts once per answer, so nobody fills the
 * cloud by repeating it. Most frequent first, then alphabetical (French collation) so that
 * the same answers always give the same cloud. Expects validated ballots.
 */
export function wordFrequencies(
  ballots: readonly TextBallot[],
  present: number | null = null,
  top: number = SURVEY_LIMITS.wordCloudTop,
): TextResults {
  const counts = new Map<string, number>();
  for (const b of ballots) for (const w of new Set(cloudWords(b.text))) counts.set(w, (counts.get(w) ?? 0) + 1);
  const collator = new Intl.Collator('fr');
  const sorted = [...counts]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.word, b.word) || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return { type: 'text', method: 'word_frequency', ballots: ballots.length, present, words: sorted.slice(0, top) };
}
