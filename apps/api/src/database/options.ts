import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming';
import { QueryErrorLogger } from './query-logger';

export interface DatabaseTarget {
  url?: string;
  host?: string;
  port?: number;
  /** The embedded database accepts a single connection. */
  poolSize: number;
  /** Embedded: migrate on the app's own single connection (a second one would be refused). */
  migrationsRun?: boolean;
}

/** One set of options for the server, the CLI and the tests; `synchronize` is never used. */
export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  const connection = target.url
    ? { url: target.url }
    : { host: target.host, port: target.port, username: 'postgres', database: 'postgres' };
  return {
    type: 'postgres',
    ...connection,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: target.migrationsRun ?? false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension needs installing.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // The embedded database serialises every transaction on one connection: a burst (200 ballots
    // at once) queues longer than a server pool would, so it waits longer for its turn.
    extra: { max: target.poolSize, connectionTimeoutMillis: target.poolSize === 1 ? 30_000 : 5000 },
    logging: ['error'],
    logger: new QueryErrorLogger(),
  };
}
