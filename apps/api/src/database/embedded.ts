import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded PostgreSQL-compatible database used when DATABASE_URL is unset:
 * PGlite in this process, reached by TypeORM/pg over a loopback socket.
 * It accepts one connection, so the pool must have size 1 (see TOOLCHAIN.md).
 */
export interface EmbeddedDatabase {
  host: string;
  port: number;
  stop(): Promise<void>;
}

/** `dataDir` undefined keeps everything in memory (tests). */
export async function startEmbeddedDatabase(dataDir?: string): Promise<EmbeddedDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? `${dataDir}/pg` : undefined, { extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  // pglite-socket 0.2.17 has no public getter for the bound port.
  const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    host: '127.0.0.1',
    port: address.port,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
