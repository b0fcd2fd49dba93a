import type { DataSource } from 'typeorm';

/** Each database's tables, read once: a spec fingerprints the same schema hundreds of times. */
const tablesOf = new WeakMap<DataSource, Promise<string[]>>();

function tables(db: DataSource): Promise<string[]> {
  let known = tablesOf.get(db);
  if (!known) {
    known = db
      .query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name`)
      .then((rows: { table_name: string }[]) => rows.map((r) => r.table_name));
    tablesOf.set(db, known);
  }
  return known;
}

/**
 * A digest of every row of every table: equal before and after means nothing was written.
 * One statement reads every table's digest (one round trip, not one per table), in a single
 * snapshot.
 */
export async function dbFingerprint(db: DataSource): Promise<string> {
  const names = await tables(db);
  if (names.length === 0) return '';
  const columns = names.map((name, i) => `(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "${name}" t) AS d${i}`);
  const [row] = (await db.query(`SELECT ${columns.join(', ')}`)) as Record<string, string>[];
  return names.map((name, i) => `${name}:${row![`d${i}`]}`).join('\n');
}
