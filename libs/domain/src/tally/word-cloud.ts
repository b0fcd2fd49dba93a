import { SURVEY_LIMITS, type TextBallot, type TextResults } from '@palabre/contracts';
import { FRENCH_STOP_WORDS } from './stop-words-fr';

// Words are runs of letters or digits, hyphens inside kept (« vivre-ensemble », « bourg-centre »).
// Apostrophes (' and ’) split elisions: « l’eau » gives « l » (a stop word) and « eau ».
// Punctuation around a word (« coopération. », « (santé) ») is never part of it.
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** The words of an answer as typed (NFC), punctuation and stop words dropped. */
export function cloudSpellings(text: string): string[] {
  return (text.normalize('NFC').match(WORD) ?? []).filter((w) => w.length > 1 && !FRENCH_STOP_WORDS.has(lower(w)));
}

/** Lower-cased words of an answer, accents kept, punctuation and stop words dropped. */
export function cloudWords(text: string): string[] {
  return cloudSpellings(text).map(lower);
}

/**
 * What makes two spellings the same word of the cloud: case and accents aside,
 * « Coopération », « coopération » and « cooperation » are one word.
 */
export function cloudKey(word: string): string {
  return lower(word).normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/**
 * Word frequencies for the word cloud: a word counts once per answer, so nobody fills the
 * cloud by repeating it. Spellings that differ only by case or accents are one word, shown
 * by its most frequent lower-case spelling (the accented one on a tie); every spelling seen
 * is kept. Most frequent first, then alphabetical (French collation) so that the same
 * answers always give the same cloud. Expects validated ballots.
 */
export function wordFrequencies(
  ballots: readonly TextBallot[],
  present: number | null = null,
  top: number = SURVEY_LIMITS.wordCloudTop,
): TextResults {
  const words = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const b of ballots) {
    const seen = new Map<string, Set<string>>();
    for (const spelling of cloudSpellings(b.text)) {
      const key = cloudKey(spelling);
      seen.set(key, (seen.get(key) ?? new Set()).add(spelling));
    }
    for (const [key, spellings] of seen) {
      const word = words.get(key) ?? { count: 0, spellings: new Map() };
      word.count += 1;
      for (const s of spellings) word.spellings.set(s, (word.spellings.get(s) ?? 0) + 1);
      words.set(key, word);
    }
  }
  const collator = new Intl.Collator('fr');
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const rows = [...words.values()].map(({ count, spellings }) => {
    const forms = new Map<string, number>();
    for (const [s, n] of spellings) forms.set(lower(s), (forms.get(lower(s)) ?? 0) + n);
    const accents = (w: string) => w.normalize('NFD').length - w.length;
    const word = [...forms].sort(([a, x], [b, y]) => y - x || accents(b) - accents(a) || collator.compare(a, b) || byCode(a, b))[0][0];
    const ordered = [...spellings].sort(([a, x], [b, y]) => y - x || collator.compare(a, b) || byCode(a, b)).map(([s]) => s);
    return { word, count, spellings: ordered };
  });
  rows.sort((a, b) => b.count - a.count || collator.compare(a.word, b.word) || byCode(a.word, b.word));
  return { type: 'text', method: 'word_frequency', ballots: ballots.length, present, words: rows.slice(0, top) };
}

function lower(word: string): string {
  return word.toLocaleLowerCase('fr');
}
