import { DataSource } from 'typeorm';
import { dataSourceOptions, type DatabaseTarget } from './options';

/** Arbitrary, fixed: every Palabre node takes the same advisory lock so only one migrates at a time. */
const MIGRATION_LOCK = 725_001;

export async function runMigrations(target: DatabaseTarget): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions({ ...target, poolSize: 1 }) });
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await ds.destroy();
  }
}
