import type { EntityManager } from 'typeorm';
import { readOnce, readsAtOneInstant } from './read-once';

describe('readOnce: a value read once per snapshot transaction', () => {
  const manager = () => ({}) as EntityManager;

  it('reads every time in a transaction that may write what it reads', async () => {
    const m = manager();
    let reads = 0;
    const read = () => Promise.resolve(++reads);
    expect([await readOnce(m, 'flag', read), await readOnce(m, 'flag', read)]).toEqual([1, 2]);
  });

  it('reads once per key at one instant, and keeps other transactions apart', async () => {
    const snapshot = manager();
    const other = manager();
    readsAtOneInstant(snapshot);
    readsAtOneInstant(other);
    let reads = 0;
    const read = () => Promise.resolve(++reads);
    const firsts = await Promise.all([readOnce(snapshot, 'flag', read), readOnce(snapshot, 'flag', read)]);
    expect(firsts).toEqual([1, 1]);
    expect(await readOnce(snapshot, 'other-key', read)).toBe(2);
    expect(await readOnce(other, 'flag', read)).toBe(3);
  });
});
