import fc from 'fast-check';
import { assignBalanced, spread, targetSizes, type AssignablePerson } from './assignment';

const TERRITORIES = ['metropole', 'agglomeration', 'territoire_projet', 'bourg_centre'];
const CATEGORIES = ['elu', 'citoyen'];
const GENDERS = ['femme', 'homme', 'autre'];
const groups = (n: number, capacity = 100) => Array.from({ length: n }, (_, i) => ({ id: `g${i + 1}`, capacity }));

/** A roster like the assembly's: about 60 % élus, parity, more agglomerations and territoires de projet. */
function roster(n: number): AssignablePerson[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${String(i).padStart(4, '0')}`,
    category: i % 5 < 3 ? 'elu' : 'citoyen',
    gender: i % 2 === 0 ? 'femme' : 'homme',
    territoryType: TERRITORIES[[0, 1, 1, 2, 2, 2, 3, 3][i % 8]],
  }));
}

const person = fc.record({
  territoryType: fc.constantFrom(...TERRITORIES, null),
  category: fc.constantFrom(...CATEGORIES),
  gender: fc.constantFrom(...GENDERS, null),
});
const people = fc.array(person, { maxLength: 120 }).map((ps) => ps.map((p, i) => ({ id: `p${i}`, ...p })));

describe('balanced assignment to working groups', () => {
  it('never puts more people in a group than its capacity, and leaves out only the overflow', () => {
    fc.assert(
      fc.property(people, fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 6 }), fc.integer(), (ps, caps, seed) => {
        const gs = caps.map((capacity, i) => ({ id: `g${i}`, capacity }));
        const { assignment, unplaced } = assignBalanced(ps, gs, seed);
        for (const g of gs) expect([...assignment.values()].filter((id) => id === g.id).length).toBeLessThanOrEqual(g.capacity);
        const room = caps.reduce((s, c) => s + c, 0);
        expect(assignment.size).toBe(Math.min(ps.length, room));
        expect(assignment.size + unplaced.length).toBe(ps.length);
      }),
    );
  });

  it('balances each membership category within one across groups', () => {
    fc.assert(
      fc.property(people, fc.integer({ min: 2, max: 6 }), fc.integer(), (ps, k, seed) => {
        const gs = groups(k);
        const { assignment } = assignBalanced(ps, gs, seed);
        for (const diff of spread(ps, assignment, gs.map((g) => g.id), 'category').values()) expect(diff).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('keeps group sizes within one when capacities allow', () => {
    expect(targetSizes(230, [70, 70, 70, 70])).toEqual([58, 58, 57, 57]);
    expect(targetSizes(230, [40, 70, 70, 70])).toEqual([40, 64, 63, 63]);
    expect(targetSizes(10, [0, 5, 5])).toEqual([0, 5, 5]);
  });

  it('spreads territory types and genders evenly on an assembly-like roster', () => {
    const ps = roster(230);
    const gs = groups(4);
    const { assignment } = assignBalanced(ps, gs, 42);
    const ids = gs.map((g) => g.id);
    for (const attr of ['category', 'territoryType', 'gender'] as const) {
      for (const [value, diff] of spread(ps, assignment, ids, attr)) expect({ attr, value, diff: Math.min(diff, 1) }).toEqual({ attr, value, diff });
    }
  });

  it('gives the same groups for the same seed, and another draw for another seed', () => {
    const ps = roster(120);
    const a = assignBalanced(ps, groups(4), 7);
    const b = assignBalanced([...ps].reverse(), groups(4), 7);
    const c = assignBalanced(ps, groups(4), 8);
    expect([...b.assignment.entries()].sort()).toEqual([...a.assignment.entries()].sort());
    expect([...c.assignment.entries()].sort()).not.toEqual([...a.assignment.entries()].sort());
  });

  it('places 300 members in well under a second', () => {
    const ps = roster(300);
    const started = performance.now();
    const { assignment } = assignBalanced(ps, groups(4), 1);
    expect(performance.now() - started).toBeLessThan(1000); // ~0.1–0.2 s on an idle machine; the bound leaves room for a loaded CI
    expect(assignment.size).toBe(300);
  });
});
