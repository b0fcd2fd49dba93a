import fc from 'fast-check';
import { DEFAULT_FLOOR_RULE, estimatedWaitSeconds, orderFloor, type FloorCandidate, type FloorContext, type FloorProfile, type FloorRule } from './order';

const TYPES = ['metropole', 'agglomeration', 'territoire_projet', 'bourg_centre'];
const TERRITORIES = Array.from({ length: 12 }, (_, i) => `T${i}`);
const typeOf = (t: string) => TYPES[Number(t.slice(1)) % TYPES.length];

const profile = fc.record({
  gender: fc.constantFrom<FloorProfile['gender']>('femme', 'homme', 'autre', null),
  category: fc.constantFrom<FloorProfile['category']>('elu', 'citoyen', null),
  territory: fc.constantFrom(...TERRITORIES, null),
});
const toProfile = (p: { gender: FloorProfile['gender']; category: FloorProfile['category']; territory: string | null }): FloorProfile => ({
  ...p,
  territoryType: p.territory === null ? null : typeOf(p.territory),
});

const candidates = (opts: { priority?: boolean; pinned?: boolean } = {}) =>
  fc
    .array(
      fc.record({
        p: profile,
        who: fc.integer({ min: 0, max: 30 }),
        priority: opts.priority ? fc.boolean() : fc.constant(false),
        pinned: opts.pinned ? fc.option(fc.integer({ min: 1, max: 40 }), { freq: 5 }) : fc.constant(null),
      }),
      { maxLength: 40 },
    )
    .map((rows) =>
      rows.map(
        (r, i): FloorCandidate => ({
          id: `r${String(i).padStart(3, '0')}`,
          participantId: `p${r.who}`,
          arrival: i,
          priority: r.priority,
          pinned: r.pinned,
          ...toProfile(r.p),
        }),
      ),
    );

const heard = fc.array(profile.map(toProfile), { maxLength: 6 });
const spoken = fc.dictionary(fc.integer({ min: 0, max: 30 }).map((n) => `p${n}`), fc.integer({ min: 0, max: 600_000 }));
const context = (h: FloorProfile[], s: Record<string, number>, rule: FloorRule = DEFAULT_FLOOR_RULE): FloorContext => ({ heard: h, spokenMs: new Map(Object.entries(s)), rule });

const isBinary = (g: FloorProfile['gender']) => g === 'femme' || g === 'homme';
/** The order as candidates. */
const ordered = (cs: FloorCandidate[], ctx: FloorContext) => orderFloor(cs, ctx).map((p) => cs.find((c) => c.id === p.id) as FloorCandidate);

describe('the speakers’ list order', () => {
  it('is a permutation of the waiting requests, with 1-based positions and one reason each, and deterministic', () => {
    fc.assert(
      fc.property(candidates({ priority: true, pinned: true }), heard, spoken, (cs, h, s) => {
        const places = orderFloor(cs, context(h, s));
        expect(places.map((p) => p.id).sort()).toEqual(cs.map((c) => c.id).sort());
        expect(places.map((p) => p.position)).toEqual(cs.map((_, i) => i + 1));
        for (const p of places) expect(typeof p.reason.code).toBe('string');
        // Same input in another order: same result.
        expect(orderFloor([...cs].reverse(), context(h, s))).toEqual(places);
      }),
    );
  });

  it('alternates women and men whenever the other gender waits', () => {
    fc.assert(
      fc.property(candidates(), heard, spoken, (cs, h, s) => {
        const order = ordered(cs, context(h, s));
        let last = [...h].reverse().find((p) => isBinary(p.gender))?.gender ?? null;
        order.forEach((c, i) => {
          const rest = order.slice(i);
          const otherWaits = rest.some((r) => isBinary(r.gender) && r.gender !== last);
          if (last !== null && otherWaits) expect(c.gender).not.toBe(last);
          if (isBinary(c.gender)) last = c.gender;
        });
      }),
    );
  });

  it('never gives the floor to two élus (or two citoyens) in a row when the other category waits among those parity allows', () => {
    fc.assert(
      fc.property(candidates(), heard, spoken, (cs, h, s) => {
        const order = ordered(cs, context(h, s));
        let lastGender = [...h].reverse().find((p) => isBinary(p.gender))?.gender ?? null;
        let lastCategory = h.length > 0 ? h[h.length - 1].category : null;
        order.forEach((c, i) => {
          const rest = order.slice(i);
          const parityOn = lastGender !== null && rest.some((r) => isBinary(r.gender) && r.gender !== lastGender) && rest.some((r) => r.gender === lastGender);
          const allowed = parityOn ? rest.filter((r) => r.gender !== lastGender) : rest;
          if (lastCategory !== null && allowed.some((r) => r.category !== null && r.category !== lastCategory)) expect(c.category).not.toBe(lastCategory);
          if (isBinary(c.gender)) lastGender = c.gender;
          lastCategory = c.category;
        });
      }),
    );
  });

  it('with one gender and one category, prefers territories not yet heard, then the least time spoken, then arrival', () => {
    fc.assert(
      fc.property(candidates(), spoken, (raw, s) => {
        const cs = raw.map((c) => ({ ...c, gender: 'femme' as const, category: 'elu' as const }));
        const order = ordered(cs, context([], s));
        const heardTerritories = new Set<string>();
        const heardTypes = new Set<string>();
        const tier = (c: FloorCandidate) =>
          (c.territory === null || !heardTerritories.has(c.territory) ? 0 : 2) + (c.territoryType === null || !heardTypes.has(c.territoryType) ? 0 : 1);
        order.forEach((c, i) => {
          for (const other of order.slice(i + 1)) {
            expect(tier(c)).toBeLessThanOrEqual(tier(other));
            if (tier(c) === tier(other)) {
              const mine = s[c.participantId] ?? 0;
              const theirs = s[other.participantId] ?? 0;
              expect(mine).toBeLessThanOrEqual(theirs);
              if (mine === theirs) expect(c.arrival).toBeLessThan(other.arrival);
            }
          }
          if (c.territory !== null) heardTerritories.add(c.territory);
          if (c.territoryType !== null) heardTypes.add(c.territoryType);
        });
      }),
    );
  });

  it('with every criterion off, is the arrival order', () => {
    const off: FloorRule = { parity: false, category: false, territory: false, time: false };
    fc.assert(
      fc.property(candidates(), heard, spoken, (cs, h, s) => {
        expect(orderFloor(cs, context(h, s, off)).map((p) => p.id)).toEqual([...cs].sort((a, b) => a.arrival - b.arrival).map((c) => c.id));
      }),
    );
  });

  it('puts priority speakers first, in arrival order, and keeps every facilitator move at its position', () => {
    fc.assert(
      fc.property(candidates({ pinned: true }), fc.array(fc.boolean(), { maxLength: 40 }), heard, spoken, (raw, flags, h, s) => {
        const cs = raw.map((c, i) => ({ ...c, priority: c.pinned === null && flags[i] === true }));
        const places = orderFloor(cs, context(h, s));
        const byId = new Map(cs.map((c) => [c.id, c]));
        const pinnedPositions = new Set(places.filter((p) => byId.get(p.id)?.pinned !== null).map((p) => p.position));
        // Without collisions, a pinned request is exactly where it was moved (clamped to the end).
        const pins = cs.filter((c) => c.pinned !== null).map((c) => Math.min(c.pinned as number, cs.length));
        if (new Set(pins).size === pins.length) {
          for (const p of places) {
            const c = byId.get(p.id) as FloorCandidate;
            if (c.pinned !== null) {
              expect(p.position).toBe(Math.min(c.pinned, cs.length));
              expect(p.reason).toEqual({ code: 'pinned', value: c.pinned });
            }
          }
        }
        // Priority speakers fill the first free positions, in arrival order.
        const free = places.filter((p) => !pinnedPositions.has(p.position)).map((p) => byId.get(p.id) as FloorCandidate);
        const priorities = free.filter((c) => c.priority);
        expect(free.slice(0, priorities.length)).toEqual([...priorities].sort((a, b) => a.arrival - b.arrival));
        for (const c of priorities) expect(places.find((p) => p.id === c.id)?.reason.code).toBe('priority');
      }),
    );
  });

  it('says why, in one line each', () => {
    const base = { territoryType: 'agglomeration', priority: false, pinned: null };
    const cs: FloorCandidate[] = [
      { id: 'a', participantId: 'pa', arrival: 1, gender: 'femme', category: 'elu', territory: 'Sicoval', ...base },
      { id: 'b', participantId: 'pb', arrival: 2, gender: 'femme', category: 'elu', territory: 'Grand Cahors', ...base },
      { id: 'c', participantId: 'pc', arrival: 3, gender: 'homme', category: 'citoyen', territory: 'Sicoval', ...base },
      { id: 'd', participantId: 'pd', arrival: 4, gender: 'homme', category: 'elu', territory: 'Millau', ...base, territoryType: 'bourg_centre', priority: true },
    ];
    const heardBefore: FloorProfile[] = [{ gender: 'homme', category: 'citoyen', territory: 'Sicoval', territoryType: 'agglomeration' }];
    const places = orderFloor(cs, { heard: heardBefore, spokenMs: new Map([['pa', 90_000]]), rule: DEFAULT_FLOOR_RULE });
    expect(places).toEqual([
      // d: priority speaker. Then after a man élu: a woman (parity); both women are élues, b's territory is new.
      { id: 'd', position: 1, reason: { code: 'priority', value: null } },
      { id: 'b', position: 2, reason: { code: 'parity', value: 'femme' } },
      { id: 'c', position: 3, reason: { code: 'parity', value: 'homme' } },
      { id: 'a', position: 4, reason: { code: 'only', value: null } },
    ]);
  });

  it('estimates the wait from the position and the speaking time', () => {
    expect(estimatedWaitSeconds(1, 120, 30)).toBe(30);
    expect(estimatedWaitSeconds(3, 120, 30)).toBe(270);
    expect(estimatedWaitSeconds(2, 120)).toBe(120);
  });
});
