import { cliConfig, openCliDatabase } from './database';

/** `npm run db:migrate`: applies pending migrations to the configured database and says which. */
async function main(): Promise<void> {
  const db = await openCliDatabase(cliConfig());
  try {
    if (db.applied.length === 0) console.log(`Schema up to date (${db.describe}).`);
    else console.log(`Applied ${db.applied.length} migration(s) to ${db.describe}:\n${db.applied.map((m) => `  ${m}`).join('\n')}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
