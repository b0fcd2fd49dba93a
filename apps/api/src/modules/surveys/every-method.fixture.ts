import type { BallotValue, OutcomeSectionInput, QuestionConfig } from '@palabre/contracts';
import { questionTurnout, tally } from '@palabre/domain';
import { longLabel, seeded } from '../../common/testing/fake-outcomes';
import { resultsTable } from './survey-outcome-tables';

/**
 * Test fixture: one survey section with a question of every type, `optionCount` options whose
 * labels are `labelLength` characters long, and `voters` pseudo-random ballots (seeded).
 * Tables come from the real `tally` and `resultsTable`, as the exports build them.
 */
export function everyMethodSection(activityId: string, { optionCount = 12, labelLength = 80, voters = 60, seed = 15 } = {}): OutcomeSectionInput {
  const random = seeded(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const options = Array.from({ length: optionCount }, (_, i) => ({ id: `o${i + 1}`, label: longLabel(i, labelLength) }));
  const shuffled = () => [...options].map((o) => ({ o, k: random() })).sort((a, b) => a.k - b.k).map((x) => x.o.id);
  const questions: { prompt: string; config: QuestionConfig; ballot: () => BallotValue }[] = [
    { prompt: 'Quel est le premier chantier des contrats de territoire pour la période 2027-2032 ?', config: { type: 'single', options }, ballot: () => ({ type: 'single', optionId: options[pick(optionCount)].id }) },
    { prompt: 'Quels chantiers retenir (trois au plus) ?', config: { type: 'multiple', options, minSelections: 1, maxSelections: 3 }, ballot: () => ({ type: 'multiple', optionIds: shuffled().slice(0, 1 + pick(3)) }) },
    { prompt: 'Classez les chantiers par ordre de priorité', config: { type: 'ranking', options }, ballot: () => ({ type: 'ranking', ranking: shuffled() }) },
    {
      prompt: 'Répartissez 100 points entre les chantiers',
      config: { type: 'points', options, budget: 100 },
      ballot: () => {
        const [a, b, c] = shuffled();
        const x = pick(60);
        return { type: 'points', allocation: { [a]: x, [b]: 100 - x - 10, [c]: 10 } };
      },
    },
    { prompt: 'Dans quelle mesure les contrats actuels répondent-ils aux besoins de votre territoire ?', config: { type: 'scale', max: 5, minLabel: 'Pas du tout', maxLabel: 'Tout à fait' }, ballot: () => ({ type: 'scale', value: 1 + pick(5) }) },
    {
      prompt: 'Quelle mention donnez-vous à chaque chantier ?',
      config: { type: 'majority', options, gradeCount: 7 },
      ballot: () => ({ type: 'majority', grades: Object.fromEntries(options.map((o, i) => [o.id, Math.min(6, Math.floor(random() * 4) + (i % 4))])) }),
    },
    { prompt: 'Approuvez-vous le principe d’un guichet unique régional ?', config: { type: 'yesno' }, ballot: () => ({ type: 'yesno', choice: (['yes', 'yes', 'no', 'abstain'] as const)[pick(4)] }) },
    {
      prompt: 'En un mot, qu’attendez-vous de la Région ?',
      config: { type: 'text' },
      ballot: () => ({ type: 'text', text: ['Coopération !', 'cooperation, ingénierie', 'Ingénierie partagée.', 'simplification', 'Confiance et coopération'][pick(5)] }),
    },
  ];
  return {
    schemaVersion: 1,
    activityId,
    kind: 'survey',
    title: 'Chantiers prioritaires des contrats de territoire : toutes les méthodes de vote',
    anonymity: 'anonymous',
    summary: 'Vote anonyme : seuls les résultats agrégés sont publiés.',
    tables: questions.map((q) => {
      const ballots = Array.from({ length: voters }, q.ballot);
      const turnout = questionTurnout(ballots.length, voters + 7);
      return resultsTable(q.prompt, q.config, tally(q.config, ballots, { present: turnout.present ?? undefined }), turnout);
    }),
  };
}
