import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig, type AppConfig } from '../config/config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../database/embedded';
import { runMigrations } from '../database/migrate';
import { dataSourceOptions, type DatabaseTarget } from '../database/options';

export interface CliDatabase {
  config: AppConfig;
  /** Migrations applied by this run (empty when the schema was up to date). */
  applied: string[];
  dataSource: DataSource;
  describe: string;
  close(): Promise<void>;
}

/** The CLI reads the same environment as the server; a bad value stops it with the variable's name. */
export function cliConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/**
 * Opens the database the server would use (DATABASE_URL, else the embedded one under DATA_DIR)
 * and brings its schema up to date first. The embedded database must not be open in a running
 * server at the same time: PGlite has no cross-process locking.
 */
export async function openCliDatabase(config: AppConfig): Promise<CliDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let target: DatabaseTarget;
  if (config.databaseUrl) target = { url: config.databaseUrl, poolSize: 1 };
  else {
    embedded = await startEmbeddedDatabase(config.dataDir);
    target = { host: embedded.host, port: embedded.port, poolSize: 1 };
  }
  try {
    // A server database may be shared with running nodes: migrate under their advisory lock.
    const fromServer = embedded ? [] : await runMigrations(target);
    const dataSource = new DataSource(dataSourceOptions(target));
    await dataSource.initialize();
    // The embedded database takes one connection at a time and frees a closed one lazily:
    // migrate on the connection we keep rather than on a second, short-lived one.
    const applied = embedded ? (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name) : fromServer;
    return {
      config,
      applied,
      dataSource,
      describe: config.databaseUrl ? `PostgreSQL ${redact(config.databaseUrl)}` : `embedded database under ${config.dataDir}`,
      async close() {
        await dataSource.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Never print a password from a connection string. */
export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
