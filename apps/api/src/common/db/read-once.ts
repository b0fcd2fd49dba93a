import type { EntityManager } from 'typeorm';

const memos = new WeakMap<EntityManager, Map<string, Promise<unknown>>>();

/**
 * Marks `manager` as a read-only transaction at one instant (REPEATABLE READ, such as the session
 * snapshot's): within it a value read once cannot change, so `readOnce` keeps it. Any other manager
 * (a command's transaction, which may write the value it reads, or the pool's) reads every time.
 */
export function readsAtOneInstant(manager: EntityManager): void {
  memos.set(manager, new Map());
}

/** `read()` once per key within a transaction marked by `readsAtOneInstant`; elsewhere, each call. */
export function readOnce<T>(manager: EntityManager, key: string, read: () => Promise<T>): Promise<T> {
  const memo = memos.get(manager);
  if (!memo) return read();
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = read();
    memo.set(key, value);
  }
  return value;
}
