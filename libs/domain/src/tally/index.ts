export { BALLOT_ERROR_CODES, validateBallot, type BallotCheck, type BallotErrorCode } from './validate';
export { tally, validBallots, type ResultsOf, type TallyOptions } from './tally';
export { breakdown, type ProfiledBallot, type VoterProfile } from './breakdown';
export { compareMajorityValues, majorityGrade } from './majority-judgment';
export { cloudWords } from './word-cloud';
export { FRENCH_STOP_WORDS } from './stop-words-fr';
