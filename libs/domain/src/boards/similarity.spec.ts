import { rankSimilar, significantWords, wordSimilarity } from './similarity';

describe('similar ideas without pg_trgm (word-overlap fallback)', () => {
  it('ignores case, accents, plurals and French stop words', () => {
    expect([...significantWords('Les Comités de suivi des contrats')]).toEqual(['comite', 'suivi', 'contrat']);
  });

  it('finds an idea that contains what the member is typing', () => {
    expect(wordSimilarity('comité de suivi', 'Créer un comité de suivi local pour chaque contrat')).toBe(1);
    expect(wordSimilarity('budget participatif', 'Créer un comité de suivi')).toBe(0);
  });

  it('ranks the closest ideas first and drops the unrelated ones', () => {
    const ideas = [
      { id: 1, text: 'Un comité de suivi par territoire' },
      { id: 2, text: 'Financer des postes d’animateurs' },
      { id: 3, text: 'Comité de pilotage et suivi annuel des contrats' },
    ];
    expect(rankSimilar('comité de suivi des contrats', ideas).map((i) => i.id)).toEqual([3, 1]);
  });
});
