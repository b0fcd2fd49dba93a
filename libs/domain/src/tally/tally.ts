import type {
  BallotValue, MajorityBallot, MultipleBallot, PointsBallot, QuestionConfig, QuestionResults, QuestionType,
  RankingBallot, ScaleBallot, SingleBallot, TextBallot, YesNoBallot,
} from '@palabre/contracts';
import { borda } from './borda';
import { countMultiple, countSingle, countYesNo } from './counts';
import { majorityJudgment } from './majority-judgment';
import { tallyPoints } from './points';
import { tallyScale } from './scale';
import { presentCount } from './shared';
import { validateBallot } from './validate';
import { wordFrequencies } from './word-cloud';

export interface TallyOptions {
  /** Members present, for turnout-based percentages; ignored unless a non-negative integer. */
  present?: number;
}

/** The results shape of a question type. */
export type ResultsOf<T extends QuestionType> = Extract<QuestionResults, { type: T }>;

/** The ballots that fit the question, normalised. Ballots are validated before storage; this is a second guard. */
export function validBallots(question: QuestionConfig, ballots: readonly BallotValue[]): BallotValue[] {
  const valid: BallotValue[] = [];
  for (const ballot of ballots) {
    const check = validateBallot(question, ballot);
    if (check.ok) valid.push(check.value);
  }
  return valid;
}

/**
 * Tallies a question with the method of its type. Invalid ballots are skipped, so the
 * count is never more than the ballots given. Pure and deterministic: the same ballots
 * in any order give the same results, recomputable from an export.
 */
export function tally<Q extends QuestionConfig>(question: Q, ballots: readonly BallotValue[], opts: TallyOptions = {}): ResultsOf<Q['type']> {
  return tallyAny(question, validBallots(question, ballots), presentCount(opts.present)) as ResultsOf<Q['type']>;
}

// validBallots only keeps ballots of the question's type, which makes the narrowing casts below sound.
function tallyAny(question: QuestionConfig, valid: BallotValue[], present: number | null): QuestionResults {
  switch (question.type) {
    case 'single':
      return countSingle(question, valid as SingleBallot[], present);
    case 'multiple':
      return countMultiple(question, valid as MultipleBallot[], present);
    case 'ranking':
      return borda(question, valid as RankingBallot[], present);
    case 'points':
      return tallyPoints(question, valid as PointsBallot[], present);
    case 'scale':
      return tallyScale(question, valid as ScaleBallot[], present);
    case 'majority':
      return majorityJudgment(question, valid as MajorityBallot[], present);
    case 'yesno':
      return countYesNo(valid as YesNoBallot[], present);
    case 'text':
      return wordFrequencies(valid as TextBallot[], present);
    default: {
      const unhandled: never = question;
      return unhandled;
    }
  }
}
