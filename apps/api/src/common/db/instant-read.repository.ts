import type { QueryRunner } from 'typeorm';

/** The statements of a transaction that reads at one instant (`readAtOneInstant`, read-once.ts). */
export const instantReadRepository = {
  /** Begins it in one statement (TypeORM's `transaction` sends two). */
  async begin(runner: QueryRunner): Promise<void> {
    await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ');
  },

  async commit(runner: QueryRunner): Promise<void> {
    await runner.query('COMMIT');
  },

  async rollback(runner: QueryRunner): Promise<void> {
    await runner.query('ROLLBACK');
  },
};
