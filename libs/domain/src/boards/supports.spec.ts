import fc from 'fast-check';
import { addSupport, countSupports, dotsLeft, mergeSupports, removeSupport, type SupportRow } from './supports';

const dots = { mode: 'dots', dotsPerMember: 3, dotsPerIdeaMax: 2 } as const;
const single = { mode: 'single', dotsPerMember: 3, dotsPerIdeaMax: 1 } as const;

describe('dot budgets', () => {
  it('counts a repeated support once in single mode', () => {
    expect(addSupport(single, 5, 1)).toEqual({ ok: true, onIdea: 1 });
    expect(removeSupport(single, 1)).toBe(0);
    expect(dotsLeft(single, 4)).toBeNull();
  });

  it('refuses a dot beyond the per-idea maximum', () => {
    expect(addSupport(dots, 1, 1)).toEqual({ ok: true, onIdea: 2 });
    expect(addSupport(dots, 2, 2)).toEqual({ ok: false, code: 'DOTS_PER_IDEA_MAX' });
  });

  it('refuses a dot once the board budget is spent', () => {
    expect(addSupport(dots, 3, 0)).toEqual({ ok: false, code: 'DOTS_EXHAUSTED' });
    expect(dotsLeft(dots, 3)).toBe(0);
    expect(dotsLeft(dots, 1)).toBe(2);
  });

  it('takes back one dot at a time and never below zero', () => {
    expect(removeSupport(dots, 2)).toBe(1);
    expect(removeSupport(dots, 0)).toBe(0);
  });

  it('never lets a member spend more than the budget, whatever the sequence of clicks', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.boolean()), { maxLength: 60 }), (clicks) => {
        const onIdeas = [0, 0, 0, 0, 0];
        for (const [idea, add] of clicks) {
          const spent = onIdeas.reduce((a, b) => a + b, 0);
          if (add) {
            const r = addSupport(dots, spent, onIdeas[idea]);
            if (r.ok) onIdeas[idea] = r.onIdea;
          } else onIdeas[idea] = removeSupport(dots, onIdeas[idea]);
          expect(onIdeas.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(dots.dotsPerMember);
          expect(Math.max(...onIdeas)).toBeLessThanOrEqual(dots.dotsPerIdeaMax);
        }
      }),
    );
  });
});

describe('merging supports', () => {
  const row = (participantId: string, d = 1): SupportRow => ({ participantId, dots: d });

  it('keeps one support for a member who supported both ideas (single mode)', () => {
    const merged = mergeSupports(single, [row('ana'), row('bruno')], [[row('ana'), row('chloe')]]);
    expect(countSupports(merged.rows)).toEqual({ supports: 3, supporters: 3 });
    expect(merged.rows.find((r) => r.participantId === 'ana')).toEqual(row('ana'));
    expect(merged.refunded).toEqual([row('ana')]);
  });

  it('adds dots up to the per-idea cap and returns the excess to the member (dots mode)', () => {
    const merged = mergeSupports(dots, [row('ana', 2), row('bruno', 1)], [[row('ana', 1)], [row('bruno', 1), row('chloe', 2)]]);
    expect(merged.rows.sort((a, b) => a.participantId.localeCompare(b.participantId))).toEqual([row('ana', 2), row('bruno', 2), row('chloe', 2)]);
    expect(merged.refunded).toEqual([row('ana', 1)]);
  });

  it('never counts a member twice and never loses or creates a dot', () => {
    const rowsArb = fc.uniqueArray(fc.record({ participantId: fc.constantFrom('a', 'b', 'c', 'd', 'e'), dots: fc.integer({ min: 1, max: 2 }) }), { selector: (r) => r.participantId });
    fc.assert(
      fc.property(rowsArb, fc.array(rowsArb, { minLength: 1, maxLength: 3 }), fc.constantFrom(single, dots), (target, sources, rules) => {
        const merged = mergeSupports(rules, target, sources);
        const ids = merged.rows.map((r) => r.participantId);
        expect(new Set(ids).size).toBe(ids.length);
        const before = [...target, ...sources.flat()].reduce((s, r) => s + r.dots, 0);
        const after = merged.rows.reduce((s, r) => s + r.dots, 0) + merged.refunded.reduce((s, r) => s + r.dots, 0);
        expect(after).toBe(before);
        for (const r of merged.rows) expect(r.dots).toBeLessThanOrEqual(rules.mode === 'single' ? 1 : rules.dotsPerIdeaMax);
      }),
    );
  });
});
