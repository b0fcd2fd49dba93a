import { SURVEY_LIMITS, type BallotValue, type ErrorCode, type QuestionConfig } from '@palabre/contracts';

/** Every reason validateBallot refuses a ballot; each has its messages in SURVEY_BALLOT_ERRORS (contracts). */
export const BALLOT_ERROR_CODES = [
  'BALLOT_WRONG_TYPE',
  'BALLOT_UNKNOWN_OPTION',
  'BALLOT_DUPLICATE_OPTION',
  'BALLOT_RANKING_INCOMPLETE',
  'BALLOT_POINTS_OVER_BUDGET',
  'BALLOT_POINTS_NOT_SPENT',
  'BALLOT_SELECTION_COUNT',
  'BALLOT_GRADE_MISSING',
  'BALLOT_GRADE_INVALID',
  'BALLOT_SCALE_OUT_OF_RANGE',
  'BALLOT_TEXT_TOO_LONG',
  'BALLOT_TEXT_EMPTY',
] as const satisfies readonly ErrorCode[];
export type BallotErrorCode = (typeof BALLOT_ERROR_CODES)[number];

export type BallotCheck = { ok: true; value: BallotValue } | { ok: false; code: BallotErrorCode };

type Fields = Readonly<Record<string, unknown>>;
type Check = BallotCheck;

const fail = (code: BallotErrorCode): Check => ({ ok: false, code });
const pass = (value: BallotValue): Check => ({ ok: true, value });

function isRecord(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** First problem with a list of option ids: an unknown id, then a repeated one. */
function listProblem(ids: readonly string[], known: ReadonlySet<string>): BallotErrorCode | null {
  if (ids.some((id) => !known.has(id))) return 'BALLOT_UNKNOWN_OPTION';
  if (new Set(ids).size !== ids.length) return 'BALLOT_DUPLICATE_OPTION';
  return null;
}

/**
 * Checks a ballot against its question and returns it normalised (trimmed text, points
 * without zero entries), or the code of the first rule it breaks.
 *
 * The ballot may come from anywhere at run time (a stored row, a replayed export), so every
 * field is re-checked here even though the contracts schema already checked the shape;
 * a shape the schema would refuse is answered BALLOT_WRONG_TYPE.
 */
export function validateBallot(question: QuestionConfig, ballot: BallotValue): BallotCheck {
  const b: unknown = ballot;
  if (!isRecord(b) || b.type !== question.type) return fail('BALLOT_WRONG_TYPE');
  switch (question.type) {
    case 'single': {
      if (typeof b.optionId !== 'string') return fail('BALLOT_WRONG_TYPE');
      if (!question.options.some((o) => o.id === b.optionId)) return fail('BALLOT_UNKNOWN_OPTION');
      return pass({ type: 'single', optionId: b.optionId });
    }
    case 'multiple': {
      const ids = b.optionIds;
      if (!isStringArray(ids)) return fail('BALLOT_WRONG_TYPE');
      const problem = listProblem(ids, optionIds(question));
      if (problem) return fail(problem);
      if (ids.length < question.minSelections || ids.length > question.maxSelections) return fail('BALLOT_SELECTION_COUNT');
      return pass({ type: 'multiple', optionIds: [...ids] });
    }
    case 'ranking': {
      const ids = b.ranking;
      if (!isStringArray(ids)) return fail('BALLOT_WRONG_TYPE');
      const problem = listProblem(ids, optionIds(question));
      if (problem) return fail(problem);
      // With topK the ballot ranks exactly k options, otherwise all of them.
      if (ids.length !== (question.topK ?? question.options.length)) return fail('BALLOT_RANKING_INCOMPLETE');
      return pass({ type: 'ranking', ranking: [...ids] });
    }
    case 'points':
      return checkPoints(question.budget, optionIds(question), b.allocation);
    case 'scale': {
      if (typeof b.value !== 'number') return fail('BALLOT_WRONG_TYPE');
      if (!Number.isInteger(b.value) || b.value < 1 || b.value > question.max) return fail('BALLOT_SCALE_OUT_OF_RANGE');
      return pass({ type: 'scale', value: b.value });
    }
    case 'majority':
      return checkGrades(question.gradeCount, optionIds(question), b.grades);
    case 'yesno': {
      const choice = b.choice;
      if (choice !== 'yes' && choice !== 'no' && choice !== 'abstain') return fail('BALLOT_WRONG_TYPE');
      return pass({ type: 'yesno', choice });
    }
    case 'text': {
      if (typeof b.text !== 'string') return fail('BALLOT_WRONG_TYPE');
      const text = b.text.normalize('NFC').replace(/\s+/gu, ' ').trim();
      if (text.length === 0) return fail('BALLOT_TEXT_EMPTY');
      if (text.length > SURVEY_LIMITS.textAnswerMax) return fail('BALLOT_TEXT_TOO_LONG');
      return pass({ type: 'text', text });
    }
    default: {
      // Fails to compile when a question type has no rule above.
      const unhandled: never = question;
      return unhandled;
    }
  }
}

function optionIds(question: { options: readonly { id: string }[] }): Set<string> {
  return new Set(question.options.map((o) => o.id));
}

/**
 * Points: a member may keep some points (forcing the whole budget pushes random
 * allocations to the last option) but must give at least one, or it is not a ballot.
 */
function checkPoints(budget: number, known: ReadonlySet<string>, allocation: unknown): Check {
  if (!isRecord(allocation)) return fail('BALLOT_WRONG_TYPE');
  const kept: Record<string, number> = {};
  let total = 0;
  for (const [id, points] of Object.entries(allocation)) {
    if (!known.has(id)) return fail('BALLOT_UNKNOWN_OPTION');
    if (typeof points !== 'number' || !Number.isInteger(points) || points < 0) return fail('BALLOT_WRONG_TYPE');
    total += points;
    if (points > 0) kept[id] = points;
  }
  if (total > budget) return fail('BALLOT_POINTS_OVER_BUDGET');
  if (total === 0) return fail('BALLOT_POINTS_NOT_SPENT');
  return pass({ type: 'points', allocation: kept });
}

/** Majority judgment grades every option: an ungraded option would bias its median. */
function checkGrades(gradeCount: number, known: ReadonlySet<string>, grades: unknown): Check {
  if (!isRecord(grades)) return fail('BALLOT_WRONG_TYPE');
  const entries = Object.entries(grades);
  if (entries.some(([id]) => !known.has(id))) return fail('BALLOT_UNKNOWN_OPTION');
  for (const [, grade] of entries) {
    if (typeof grade !== 'number' || !Number.isInteger(grade) || grade < 0 || grade >= gradeCount) return fail('BALLOT_GRADE_INVALID');
  }
  if (entries.length < known.size) return fail('BALLOT_GRADE_MISSING');
  return pass({ type: 'majority', grades: Object.fromEntries(entries) as Record<string, number> });
}
