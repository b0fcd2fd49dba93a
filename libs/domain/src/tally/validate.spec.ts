import type { BallotValue, QuestionConfig } from '@palabre/contracts';
import { BALLOT_ERROR_CODES, validateBallot } from './validate';

const options = (...ids: string[]) => ids.map((id) => ({ id, label: `Option ${id}` }));
const code = (q: QuestionConfig, b: unknown) => {
  const check = validateBallot(q, b as BallotValue);
  return check.ok ? 'OK' : check.code;
};

describe('validateBallot', () => {
  const single: QuestionConfig = { type: 'single', options: options('a', 'b') };
  const multiple: QuestionConfig = { type: 'multiple', options: options('a', 'b', 'c'), minSelections: 1, maxSelections: 2 };
  const ranking: QuestionConfig = { type: 'ranking', options: options('a', 'b', 'c') };
  const top2: QuestionConfig = { type: 'ranking', options: options('a', 'b', 'c', 'd'), topK: 2 };
  const points: QuestionConfig = { type: 'points', options: options('a', 'b'), budget: 100 };
  const scale: QuestionConfig = { type: 'scale', max: 5 };
  const majority: QuestionConfig = { type: 'majority', options: options('a', 'b'), gradeCount: 6 };

  it('lists the twelve ballot error codes once each', () => {
    expect(BALLOT_ERROR_CODES).toHaveLength(12);
    expect(new Set(BALLOT_ERROR_CODES).size).toBe(12);
  });

  it('refuses a ballot of another type or shape', () => {
    expect(code(single, { type: 'multiple', optionIds: ['a'] })).toBe('BALLOT_WRONG_TYPE');
    expect(code(single, { type: 'single', optionId: 3 })).toBe('BALLOT_WRONG_TYPE');
    expect(code(single, null)).toBe('BALLOT_WRONG_TYPE');
    expect(code({ type: 'yesno' }, { type: 'yesno', choice: 'maybe' })).toBe('BALLOT_WRONG_TYPE');
  });

  it('refuses an option that is not in the question', () => {
    expect(code(single, { type: 'single', optionId: 'z' })).toBe('BALLOT_UNKNOWN_OPTION');
    expect(code(multiple, { type: 'multiple', optionIds: ['a', 'z'] })).toBe('BALLOT_UNKNOWN_OPTION');
    expect(code(points, { type: 'points', allocation: { z: 10 } })).toBe('BALLOT_UNKNOWN_OPTION');
    expect(code(majority, { type: 'majority', grades: { a: 0, b: 0, z: 0 } })).toBe('BALLOT_UNKNOWN_OPTION');
  });

  it('refuses an option named twice', () => {
    expect(code(multiple, { type: 'multiple', optionIds: ['a', 'a'] })).toBe('BALLOT_DUPLICATE_OPTION');
    expect(code(ranking, { type: 'ranking', ranking: ['a', 'b', 'a'] })).toBe('BALLOT_DUPLICATE_OPTION');
  });

  it('keeps multiple choice within its minimum and maximum', () => {
    expect(code(multiple, { type: 'multiple', optionIds: [] })).toBe('BALLOT_SELECTION_COUNT');
    expect(code(multiple, { type: 'multiple', optionIds: ['a', 'b', 'c'] })).toBe('BALLOT_SELECTION_COUNT');
    expect(code(multiple, { type: 'multiple', optionIds: ['c', 'a'] })).toBe('OK');
  });

  it('requires a full ranking, or exactly k options with top-k', () => {
    expect(code(ranking, { type: 'ranking', ranking: ['a', 'b'] })).toBe('BALLOT_RANKING_INCOMPLETE');
    expect(code(ranking, { type: 'ranking', ranking: ['c', 'a', 'b'] })).toBe('OK');
    expect(code(top2, { type: 'ranking', ranking: ['d'] })).toBe('BALLOT_RANKING_INCOMPLETE');
    expect(code(top2, { type: 'ranking', ranking: ['d', 'a', 'b'] })).toBe('BALLOT_RANKING_INCOMPLETE');
    expect(code(top2, { type: 'ranking', ranking: ['d', 'a'] })).toBe('OK');
  });

  it('accepts points under the budget but not over it, and not none at all', () => {
    expect(code(points, { type: 'points', allocation: { a: 60, b: 50 } })).toBe('BALLOT_POINTS_OVER_BUDGET');
    expect(code(points, { type: 'points', allocation: { a: 0, b: 0 } })).toBe('BALLOT_POINTS_NOT_SPENT');
    expect(code(points, { type: 'points', allocation: {} })).toBe('BALLOT_POINTS_NOT_SPENT');
    expect(code(points, { type: 'points', allocation: { a: 30 } })).toBe('OK');
    expect(code(points, { type: 'points', allocation: { a: -5, b: 10 } })).toBe('BALLOT_WRONG_TYPE');
  });

  it('drops zero allocations from the stored ballot', () => {
    expect(validateBallot(points, { type: 'points', allocation: { a: 100, b: 0 } })).toEqual({
      ok: true,
      value: { type: 'points', allocation: { a: 100 } },
    });
  });

  it('requires a grade for every option, from the question scale', () => {
    expect(code(majority, { type: 'majority', grades: { a: 0 } })).toBe('BALLOT_GRADE_MISSING');
    expect(code(majority, { type: 'majority', grades: { a: 0, b: 6 } })).toBe('BALLOT_GRADE_INVALID');
    expect(code(majority, { type: 'majority', grades: { a: 0, b: 1.5 } })).toBe('BALLOT_GRADE_INVALID');
    expect(code(majority, { type: 'majority', grades: { a: 0, b: 5 } })).toBe('OK');
  });

  it('keeps a scale value between 1 and the maximum', () => {
    expect(code(scale, { type: 'scale', value: 0 })).toBe('BALLOT_SCALE_OUT_OF_RANGE');
    expect(code(scale, { type: 'scale', value: 6 })).toBe('BALLOT_SCALE_OUT_OF_RANGE');
    expect(code(scale, { type: 'scale', value: 2.5 })).toBe('BALLOT_SCALE_OUT_OF_RANGE');
    expect(code(scale, { type: 'scale', value: 5 })).toBe('OK');
  });

  it('refuses an empty answer or one longer than 80 characters once trimmed', () => {
    const text: QuestionConfig = { type: 'text' };
    expect(code(text, { type: 'text', text: '   ' })).toBe('BALLOT_TEXT_EMPTY');
    expect(code(text, { type: 'text', text: 'é'.repeat(81) })).toBe('BALLOT_TEXT_TOO_LONG');
    expect(code(text, { type: 'text', text: `  ${'é'.repeat(80)}  ` })).toBe('OK');
    expect(validateBallot(text, { type: 'text', text: '  mobilité \n douce ' })).toEqual({
      ok: true,
      value: { type: 'text', text: 'mobilité douce' },
    });
  });

  it('accepts every yes / no / abstain choice', () => {
    for (const choice of ['yes', 'no', 'abstain'] as const) expect(code({ type: 'yesno' }, { type: 'yesno', choice })).toBe('OK');
  });
});
