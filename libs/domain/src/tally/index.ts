export { BALLOT_ERROR_CODES, validateBallot, type BallotCheck, type BallotErrorCode } from './validate';
export { tally, validBallots, type ResultsOf, type TallyOptions } from './tally';
export { breakdown, suppressedCells, type ProfiledBallot, type VoterProfile } from './breakdown';
export { compareMajorityValues, majorityGrade } from './majority-judgment';
export { cloudWords } from './word-cloud';
export { FRENCH_STOP_WORDS } from './stop-words-fr';
export { barFraction, gradeColours, resultChart, type ChartItemKind, type ChartLabeller } from './chart';
export { cloudKey, cloudSpellings } from './word-cloud';
export { questionPresent, questionTurnout, type QuestionTurnout } from './turnout';
