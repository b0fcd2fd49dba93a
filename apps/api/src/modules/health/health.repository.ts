import type { EntityManager } from 'typeorm';

/** What the health check asks of the database. */
export const healthRepository = {
  /** One round trip: rejects when the database does not answer. */
  async ping(m: EntityManager): Promise<void> {
    await m.query('SELECT 1');
  },
};
