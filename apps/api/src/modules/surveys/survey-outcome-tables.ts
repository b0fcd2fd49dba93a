import { MAJORITY_GRADES, type BallotValue, type OutcomeTable, type QuestionConfig, type QuestionResults } from '@palabre/contracts';

/** The method named beside each table, in French (the minutes are French documents). */
export const METHOD_NAMES: Record<QuestionConfig['type'], string> = {
  ranking: 'Classement par la méthode de Borda',
  majority: 'Jugement majoritaire',
  points: 'Répartition de points',
  scale: 'Échelle',
  single: 'Choix',
  multiple: 'Choix',
  yesno: 'Oui / Non / Abstention',
  text: 'Nuage de mots',
};

const YESNO_LABELS = { yes: 'Oui', no: 'Non', abstain: 'Abstention' } as const;

type Cell = string | number | boolean | null;

function labels(config: QuestionConfig): (id: string) => string {
  const byId = new Map('options' in config ? config.options.map((o) => [o.id, o.label] as const) : []);
  return (id) => byId.get(id) ?? id;
}

/** The results of `tally()` as one table: same numbers, French column names, option labels. */
export function resultsTable(title: string, config: QuestionConfig, results: QuestionResults, note: string): OutcomeTable {
  const label = labels(config);
  const table = (columns: string[], rows: Cell[][]): OutcomeTable => ({ title, method: METHOD_NAMES[config.type], columns, rows, note });
  switch (results.type) {
    case 'single':
    case 'multiple':
      return table(['Rang', 'Choix', 'Voix', '% des votants', '% des présents'], results.options.map((o) => [o.rank, label(o.optionId), o.count, o.percent, o.percentOfPresent]));
    case 'ranking':
      return table(['Rang', 'Choix', 'Points Borda', 'Rang moyen', 'Classé par'], results.options.map((o) => [o.rank, label(o.optionId), o.score, o.meanRank, o.rankedBy]));
    case 'points':
      return table(['Rang', 'Choix', 'Points', 'Part (%)', 'Moyenne'], results.options.map((o) => [o.rank, label(o.optionId), o.total, o.share, o.mean]));
    case 'majority': {
      const grades = MAJORITY_GRADES[results.gradeCount].fr;
      return table(
        ['Rang', 'Choix', 'Mention majoritaire', 'Mieux (%)', 'Moins bien (%)', ...grades],
        results.options.map((o) => [o.rank, label(o.optionId), o.majorityGrade === null ? null : grades[o.majorityGrade], o.better, o.worse, ...o.distribution]),
      );
    }
    case 'scale':
      return table(['Valeur', 'Voix', '% des votants'], results.distribution.map((d) => [d.value, d.count, d.percent]));
    case 'yesno':
      return table(['Réponse', 'Voix', '% des votants', '% des exprimés'], results.choices.map((c) => [YESNO_LABELS[c.choice], c.count, c.percent, c.percentOfExpressed]));
    case 'text':
      return table(['Mot', 'Réponses'], results.words.map((w) => [w.word, w.count]));
  }
}

/** A ballot as one readable cell, for the named raw ballots. */
export function ballotText(config: QuestionConfig, value: BallotValue): string {
  const label = labels(config);
  switch (value.type) {
    case 'single':
      return label(value.optionId);
    case 'multiple':
      return value.optionIds.map(label).join(' ; ');
    case 'ranking':
      return value.ranking.map(label).join(' > ');
    case 'points':
      return Object.keys(value.allocation).sort().map((id) => `${label(id)} : ${value.allocation[id]}`).join(' ; ');
    case 'majority': {
      const grades = config.type === 'majority' ? MAJORITY_GRADES[config.gradeCount].fr : [];
      return Object.keys(value.grades).sort().map((id) => `${label(id)} : ${grades[value.grades[id]] ?? value.grades[id]}`).join(' ; ');
    }
    case 'scale':
      return String(value.value);
    case 'yesno':
      return YESNO_LABELS[value.choice];
    case 'text':
      return value.text;
  }
}

/** A turnout note: « 12 votants sur 15 présents (80 %) », or just the voters while the question is open. */
export function turnoutNote(ballots: number, present: number | null): string {
  const voters = `${ballots} votant${ballots > 1 ? 's' : ''}`;
  if (present === null || present === 0) return voters;
  const percent = Math.round((ballots / present) * 1000) / 10;
  return `${voters} sur ${present} présent${present > 1 ? 's' : ''} (${String(percent).replace('.', ',')} %)`;
}
