import type { DataSource, EntityManager } from 'typeorm';
import { instantReadRepository } from './instant-read.repository';

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

/**
 * Runs `read` in a transaction that reads at one instant (REPEATABLE READ, marked for `readOnce`): the
 * session snapshot, the outcome record. Begun in one statement: a reconnect storm opens a thousand.
 */
export async function readAtOneInstant<T>(db: DataSource, read: (manager: EntityManager) => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  try {
    await instantReadRepository.begin(runner);
    readsAtOneInstant(runner.manager);
    const result = await read(runner.manager);
    await instantReadRepository.commit(runner);
    return result;
  } catch (error) {
    await instantReadRepository.rollback(runner).catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}
