import type { BallotValue, QuestionConfig } from '@palabre/contracts';
import { tally } from './tally';
import { cloudWords } from './word-cloud';

const answers = (...t: string[]): BallotValue[] => t.map((text) => ({ type: 'text', text }));
const q = { type: 'text' } satisfies QuestionConfig;

describe('word cloud', () => {
  it('lower-cases, keeps accents, splits elisions and drops stop words and punctuation', () => {
    expect(cloudWords("L'Équité territoriale, c’est la santé !")).toEqual(['équité', 'territoriale', 'santé']);
  });

  it('keeps hyphenated words whole', () => {
    expect(cloudWords('Le vivre-ensemble des bourgs-centres')).toEqual(['vivre-ensemble', 'bourgs-centres']);
  });

  it('counts a word once per answer, most frequent first, then alphabetically', () => {
    const r = tally(q, answers('Mobilité, mobilité, mobilité !', 'mobilité et santé', 'Écoles et santé', 'accès'));
    expect(r.method).toBe('word_frequency');
    expect(r.ballots).toBe(4);
    expect(r.words).toEqual([
      { word: 'mobilité', count: 2, spellings: ['mobilité', 'Mobilité'] },
      { word: 'santé', count: 2, spellings: ['santé'] },
      { word: 'accès', count: 1, spellings: ['accès'] },
      { word: 'écoles', count: 1, spellings: ['Écoles'] },
    ]);
  });

  it('treats composed and decomposed accents as the same word', () => {
    const r = tally(q, answers('sante\u0301', 'santé'));
    expect(r.words).toEqual([{ word: 'santé', count: 2, spellings: ['santé'] }]);
  });

  it('counts case and accent variants as one word and keeps every spelling', () => {
    const r = tally(q, answers('Coopération !', 'cooperation.', 'la coopération', 'COOPERATION', 'santé'));
    expect(r.words[0]).toEqual({ word: 'coopération', count: 4, spellings: ['cooperation', 'COOPERATION', 'coopération', 'Coopération'] });
    expect(r.words.map((w) => w.word)).toEqual(['coopération', 'santé']);
  });

  it('shows the most frequent spelling of a word', () => {
    const r = tally(q, answers('cooperation', 'cooperation', 'coopération'));
    expect(r.words).toEqual([{ word: 'cooperation', count: 3, spellings: ['cooperation', 'coopération'] }]);
  });

  it('counts a word once per answer whatever its spellings there', () => {
    const r = tally(q, answers('Coopération, coopération et cooperation'));
    expect(r.words).toEqual([{ word: 'coopération', count: 1, spellings: ['cooperation', 'coopération', 'Coopération'] }]);
  });

  it('keeps only the 50 most frequent words', () => {
    const many = Array.from({ length: 60 }, (_, i) => `mot${String(i).padStart(2, '0')}`);
    const r = tally(q, answers(many.slice(0, 10).join(' '), many.slice(10, 20).join(' '), many.slice(20, 30).join(' '),
      many.slice(30, 40).join(' '), many.slice(40, 50).join(' '), many.slice(50).join(' ')));
    expect(r.words).toHaveLength(50);
  });
});
