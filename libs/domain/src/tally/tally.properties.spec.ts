import fc from 'fast-check';
import { BallotValue, QuestionConfig, QuestionResults } from '@palabre/contracts';
import { majorityGrade } from './majority-judgment';
import { tally } from './tally';
import { validateBallot } from './validate';

// ---- Arbitraries: questions, and ballots that fit them ----

const ids = fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 2, maxLength: 8 });
const options = (list: string[]) => list.map((id) => ({ id, label: `Option ${id}` }));
const optionIds = (q: QuestionConfig): string[] => ('options' in q ? q.options.map((o) => o.id) : []);
const UNKNOWN = 'zz-unknown'; // a hyphen never appears in generated ids

const question: fc.Arbitrary<QuestionConfig> = fc.oneof(
  ids.map((l): QuestionConfig => ({ type: 'single', options: options(l) })),
  ids.chain((l) =>
    fc.tuple(fc.integer({ min: 1, max: l.length }), fc.integer({ min: 1, max: l.length })).map(([a, b]): QuestionConfig => ({
      type: 'multiple', options: options(l), minSelections: Math.min(a, b), maxSelections: Math.max(a, b),
    })),
  ),
  ids.chain((l) =>
    fc.option(fc.integer({ min: 1, max: l.length }), { nil: undefined }).map((topK): QuestionConfig =>
      topK === undefined ? { type: 'ranking', options: options(l) } : { type: 'ranking', options: options(l), topK }),
  ),
  fc.tuple(ids, fc.integer({ min: 1, max: 150 })).map(([l, budget]): QuestionConfig => ({ type: 'points', options: options(l), budget })),
  fc.integer({ min: 2, max: 10 }).map((max): QuestionConfig => ({ type: 'scale', max })),
  fc.tuple(ids, fc.constantFrom(6 as const, 7 as const)).map(([l, gradeCount]): QuestionConfig => ({ type: 'majority', options: options(l), gradeCount })),
  fc.constant<QuestionConfig>({ type: 'yesno' }),
  fc.constant<QuestionConfig>({ type: 'text' }),
);

const frenchAnswer = fc
  .array(fc.constantFrom('la', 'mobilité', 'Santé', "l'école", 'vivre-ensemble', 'et', 'des', 'bourgs', '2030', '!', ','), { minLength: 1, maxLength: 8 })
  .map((w) => w.join(' '));

function validBallot(q: QuestionConfig): fc.Arbitrary<BallotValue> {
  const l = optionIds(q);
  switch (q.type) {
    case 'single':
      return fc.constantFrom(...l).map((optionId) => ({ type: 'single', optionId }));
    case 'multiple':
      return fc.shuffledSubarray(l, { minLength: q.minSelections, maxLength: q.maxSelections }).map((optionIds) => ({ type: 'multiple', optionIds }));
    case 'ranking': {
      const k = q.topK ?? l.length;
      return fc.shuffledSubarray(l, { minLength: k, maxLength: k }).map((ranking) => ({ type: 'ranking', ranking }));
    }
    case 'points':
      // Spend between 1 point and the whole budget, one point at a time on a random option.
      return fc.integer({ min: 1, max: q.budget }).chain((spent) =>
        fc.array(fc.constantFrom(...l), { minLength: spent, maxLength: spent }).map((picks) => {
          const allocation: Record<string, number> = {};
          for (const id of picks) allocation[id] = (allocation[id] ?? 0) + 1;
          return { type: 'points', allocation };
        }),
      );
    case 'scale':
      return fc.integer({ min: 1, max: q.max }).map((value) => ({ type: 'scale', value }));
    case 'majority':
      return fc.array(fc.nat(q.gradeCount - 1), { minLength: l.length, maxLength: l.length })
        .map((g) => ({ type: 'majority', grades: Object.fromEntries(l.map((id, i) => [id, g[i]])) }));
    case 'yesno':
      return fc.constantFrom('yes' as const, 'no' as const, 'abstain' as const).map((choice) => ({ type: 'yesno', choice }));
    case 'text':
      return fc.oneof(fc.string({ minLength: 1, maxLength: 80 }), frenchAnswer)
        .filter((t) => t.trim().length > 0 && t.length <= 80)
        .map((text) => ({ type: 'text', text }));
  }
}

const withBallots = question.chain((q) => fc.tuple(fc.constant(q), fc.array(validBallot(q), { maxLength: 40 })));

/** Ballots that must never be counted: other types, unknown options, junk. */
const junk = fc.oneof(
  question.chain(validBallot),
  fc.constantFrom<unknown>(null, 42, 'yes', [], {}, { type: 'single' }, { type: 'ranking', ranking: [UNKNOWN] }),
  fc.anything(),
);

// ---- Properties ----

describe('tally properties', () => {
  it('accepts only well-formed questions from the generators', () => {
    fc.assert(fc.property(question, (q) => QuestionConfig.safeParse(q).success));
  });

  it('accepts every valid ballot, and its normalised form is accepted unchanged', () => {
    fc.assert(
      fc.property(question.chain((q) => fc.tuple(fc.constant(q), validBallot(q))), ([q, b]) => {
        expect(BallotValue.safeParse(b).success).toBe(true);
        const check = validateBallot(q, b);
        expect(check.ok).toBe(true);
        if (check.ok) expect(validateBallot(q, check.value)).toEqual(check);
      }),
    );
  });

  it('rejects a valid ballot once it names an option twice', () => {
    const listed = question.filter((q) => q.type === 'multiple' || q.type === 'ranking');
    fc.assert(
      fc.property(listed.chain((q) => fc.tuple(fc.constant(q), validBallot(q))), ([q, b]) => {
        if (b.type === 'multiple' && b.optionIds.length > 0) b = { ...b, optionIds: [...b.optionIds, b.optionIds[0]] };
        else if (b.type === 'ranking') b = { ...b, ranking: [...b.ranking, b.ranking[0]] };
        else return;
        expect(validateBallot(q, b)).toEqual({ ok: false, code: 'BALLOT_DUPLICATE_OPTION' });
      }),
    );
  });

  it('rejects a valid ballot once it names an unknown option', () => {
    const withOptions = question.filter((q) => 'options' in q);
    fc.assert(
      fc.property(withOptions.chain((q) => fc.tuple(fc.constant(q), validBallot(q))), ([q, b]) => {
        switch (b.type) {
          case 'single': b = { ...b, optionId: UNKNOWN }; break;
          case 'multiple': if (b.optionIds.length === 0) return; b = { ...b, optionIds: [UNKNOWN, ...b.optionIds.slice(1)] }; break;
          case 'ranking': b = { ...b, ranking: [UNKNOWN, ...b.ranking.slice(1)] }; break;
          case 'points': b = { ...b, allocation: { ...b.allocation, [UNKNOWN]: 0 } }; break;
          case 'majority': b = { ...b, grades: { ...b.grades, [UNKNOWN]: 0 } }; break;
          default: return;
        }
        expect(validateBallot(q, b)).toEqual({ ok: false, code: 'BALLOT_UNKNOWN_OPTION' });
      }),
    );
  });

  it('never counts more ballots than were cast, and only the valid ones', () => {
    fc.assert(
      fc.property(withBallots, fc.array(junk, { maxLength: 10 }), fc.option(fc.nat(300), { nil: undefined }), ([q, valid], bad, present) => {
        const all = [...valid, ...(bad as BallotValue[])];
        const r = tally(q, all, { present });
        expect(r.ballots).toBeLessThanOrEqual(all.length);
        expect(r.ballots).toBe(all.filter((b) => validateBallot(q, b).ok).length);
        expect(QuestionResults.safeParse(r).success).toBe(true);
      }),
    );
  });

  it('gives the same results whatever the order of the ballots', () => {
    fc.assert(
      fc.property(withBallots.chain(([q, b]) => fc.tuple(fc.constant(q), fc.constant(b), fc.shuffledSubarray(b, { minLength: b.length }))), ([q, b, shuffled]) => {
        expect(tally(q, shuffled)).toEqual(tally(q, b));
      }),
    );
  });

  it('sums Borda scores to ballots × n(n-1)/2 for full rankings', () => {
    const full = ids.map((l): QuestionConfig => ({ type: 'ranking', options: options(l) }));
    fc.assert(
      fc.property(full.chain((q) => fc.tuple(fc.constant(q), fc.array(validBallot(q), { maxLength: 30 }))), ([q, ballots]) => {
        const r = tally(q, ballots);
        const n = optionIds(q).length;
        expect(r.type === 'ranking' && r.options.reduce((s, o) => s + o.score, 0)).toBe((ballots.length * n * (n - 1)) / 2);
      }),
    );
  });

  it('sums point totals to the sum of all allocations', () => {
    fc.assert(
      fc.property(withBallots.filter(([q]) => q.type === 'points'), ([q, ballots]) => {
        const r = tally(q, ballots);
        const given = ballots.reduce((s, b) => s + (b.type === 'points' ? Object.values(b.allocation).reduce((a, x) => a + x, 0) : 0), 0);
        expect(r.type === 'points' && [r.totalPoints, r.options.reduce((s, o) => s + o.total, 0)]).toEqual([given, given]);
      }),
    );
  });

  it('sums single-choice percentages to 100, up to rounding', () => {
    fc.assert(
      fc.property(withBallots.filter(([q, b]) => q.type === 'single' && b.length > 0), ([q, ballots]) => {
        const r = tally(q, ballots);
        if (r.type !== 'single') return;
        const sum = r.options.reduce((s, o) => s + o.percent, 0);
        expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.05 * r.options.length + 1e-9);
      }),
    );
  });

  it('gives a majority grade that at least half give or better and at least half give or worse', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: 6, maxLength: 6 }).filter((d) => d.some((x) => x > 0)), (d) => {
        const g = majorityGrade(d) ?? -1;
        const n = d.reduce((a, b) => a + b, 0);
        const orBetter = d.slice(0, g + 1).reduce((a, b) => a + b, 0);
        const orWorse = d.slice(g).reduce((a, b) => a + b, 0);
        expect(2 * orBetter).toBeGreaterThanOrEqual(n);
        expect(2 * orWorse).toBeGreaterThanOrEqual(n);
      }),
    );
  });

  it('orders majority-judgment results by majority grade first', () => {
    fc.assert(
      fc.property(withBallots.filter(([q, b]) => q.type === 'majority' && b.length > 0), ([q, ballots]) => {
        const r = tally(q, ballots);
        if (r.type !== 'majority') return;
        const grades = r.options.map((o) => o.majorityGrade ?? 0);
        expect(grades).toEqual([...grades].sort((a, b) => a - b));
      }),
    );
  });
});
