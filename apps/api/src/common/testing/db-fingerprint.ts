import type { DataSource } from 'typeorm';

/** A digest of every row of every table: equal before and after means nothing was written. */
export async function dbFingerprint(db: DataSource): Promise<string> {
  const tables: { table_name: string }[] = await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows: { digest: string | null }[] = await db.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table_name}" t`);
    parts.push(`${table_name}:${rows[0]?.digest}`);
  }
  return parts.join('\n');
}
