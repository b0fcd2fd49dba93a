import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { eventually, freePort, ScratchPostgres } from './nodes';

async function accepts(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('ScratchPostgres (the PostgreSQL-restart fault test stops its private server)', () => {
  it('stops and removes a cluster left running by a test process that died, and leaves live ones alone', async () => {
    const orphan = new ScratchPostgres(await freePort());
    const live = new ScratchPostgres(await freePort());
    try {
      await orphan.start();
      expect(await accepts(orphan.url())).toBe(true);
      // Its owner is gone (a finished process's pid), as after a SIGKILLed jest worker.
      const dead = spawnSync('true').pid;
      writeFileSync(join(orphan.directory, 'owner.pid'), String(dead));

      ScratchPostgres.sweep();

      expect(existsSync(orphan.directory)).toBe(false);
      await eventually(async () => !(await accepts(orphan.url())), 15_000, 'the orphan server stopped');
      expect(existsSync(live.directory)).toBe(true);
    } finally {
      await orphan.destroy();
      await live.destroy();
    }
  }, 90_000);
});
