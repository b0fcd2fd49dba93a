import { MAJORITY_GRADES, type BallotValue, type OutcomeTable, type QuestionConfig, type QuestionResults } from '@palabre/contracts';
import { resultChart, type ChartLabeller, type QuestionTurnout } from '@palabre/domain';
import { frenchNumber, frenchPercent, NNBSP } from '../outcomes/render/labels';

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

/** Names the items of a chart in French: option labels, « Oui / Non / Abstention », scale values, words. */
export function frenchChartLabels(config: QuestionConfig): ChartLabeller {
  const label = labels(config);
  return (key, kind) => (kind === 'option' ? label(key) : kind === 'choice' ? (YESNO_LABELS[key as keyof typeof YESNO_LABELS] ?? key) : key);
}

/**
 * The results of `tally()` as one table (same numbers, French column names, option labels),
 * its key figures (turnout; a scale's mean and median; a yes/no's votes cast) and its chart.
 */
export function resultsTable(title: string, config: QuestionConfig, results: QuestionResults, turnout: QuestionTurnout): OutcomeTable {
  const label = labels(config);
  const figures: OutcomeTable['figures'] = [
    { label: 'Votants', value: turnout.voters },
    { label: 'Présents à la clôture', value: turnout.present },
  ];
  if (results.type === 'scale') figures.push({ label: 'Moyenne', value: results.mean }, { label: 'Médiane', value: results.median });
  if (results.type === 'yesno') figures.push({ label: 'Suffrages exprimés (oui + non)', value: results.expressed });
  const chart = resultChart(results, frenchChartLabels(config));
  const table = (columns: string[], rows: Cell[][]): OutcomeTable => ({ title, method: METHOD_NAMES[config.type], columns, rows, note: turnoutNote(turnout), figures, chart });
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
      return table(['Mot', 'Réponses', 'Graphies'], results.words.map((w) => [w.word, w.count, w.spellings.join(', ')]));
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
      return Object.keys(value.allocation).sort().map((id) => `${label(id)}${NNBSP}: ${value.allocation[id]}`).join(' ; ');
    case 'majority': {
      const grades = config.type === 'majority' ? MAJORITY_GRADES[config.gradeCount].fr : [];
      return Object.keys(value.grades).sort().map((id) => `${label(id)}${NNBSP}: ${grades[value.grades[id]] ?? value.grades[id]}`).join(' ; ');
    }
    case 'scale':
      return String(value.value);
    case 'yesno':
      return YESNO_LABELS[value.choice];
    case 'text':
      return value.text;
  }
}

/** « 12 votants sur 15 présents à la clôture (80 %) », or just the voters without a head count. */
export function turnoutNote(turnout: QuestionTurnout): string {
  const voters = `${frenchNumber(turnout.voters)} votant${turnout.voters > 1 ? 's' : ''}`;
  if (turnout.present === null) return voters;
  const present = `${frenchNumber(turnout.present)} présent${turnout.present > 1 ? 's' : ''} à la clôture`;
  return turnout.rate === null ? `${voters} sur ${present}` : `${voters} sur ${present} (${frenchPercent(turnout.rate)})`;
}
