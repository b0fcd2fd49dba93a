import { bursts, BURST_MIN_JOINS } from './duplicates.service';
import type { PresentMemberRow } from './sessions.repository';

const at = (ms: number, address: string | null, id = `p${ms}-${address}`): PresentMemberRow => ({
  id,
  display_name: id,
  member_id: null,
  claimed_member_id: null,
  joined_at: null,
  device_hash: null,
  join_address: address,
  created_at: new Date(Date.UTC(2026, 11, 4, 9) + ms),
});

/** The rule as written: a join with BURST_MIN_JOINS - 1 others within 5 s of it (every pair compared). */
function naive(rows: PresentMemberRow[]): string[][] {
  const out: string[][] = [];
  for (const address of new Set(rows.map((r) => r.join_address).filter((a) => a !== null))) {
    const joins = rows.filter((r) => r.join_address === address);
    if (joins.length < BURST_MIN_JOINS) continue;
    const flagged = joins.filter((r) => joins.filter((o) => Math.abs(o.created_at.getTime() - r.created_at.getTime()) <= 5_000).length >= BURST_MIN_JOINS);
    if (flagged.length > 0) out.push(flagged.map((r) => r.id));
  }
  return out;
}

describe('join bursts (the console’s « doublons possibles »)', () => {
  it('flags the joins from one address that have 19 others within 5 s, and no others', () => {
    const burst = Array.from({ length: 20 }, (_, i) => at(i * 200, '10.0.0.1'));
    const slow = Array.from({ length: 20 }, (_, i) => at(i * 6_000, '10.0.0.2'));
    const edge = [...Array.from({ length: 19 }, (_, i) => at(i, '10.0.0.3')), at(5_000 + 18, '10.0.0.3'), at(5_000 + 19, '10.0.0.3')];
    expect(bursts([...burst, ...slow, ...edge, at(1, null)]).map((group) => group.map((r) => r.id))).toEqual(naive([...burst, ...slow, ...edge]));
    expect(bursts(burst)[0]).toHaveLength(20);
    expect(bursts(slow)).toEqual([]);
  });

  it('agrees with comparing every pair on random arrivals, whatever their order', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const rows = Array.from({ length: 120 }, (_, i) => at(Math.floor(random() * 30_000), `10.0.0.${Math.floor(random() * 3)}`, `r${round}-${i}`));
      expect(bursts(rows).map((group) => group.map((r) => r.id))).toEqual(naive(rows));
    }
  });

  it('handles a venue behind one address: 5,000 joins within seconds, all flagged', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => at(Math.floor(i / 3), '192.0.2.10', `m${i}`));
    const [group] = bursts(rows);
    expect(group).toHaveLength(5_000);
    expect(group[0].id).toBe('m0');
  });
});
