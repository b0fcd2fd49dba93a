// Starts the built Palabre for the e2e journeys: a fresh database and the demo seed.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const port = process.env.E2E_PORT ?? '4310';
const env = { ...process.env, PORT: port, HOST: '127.0.0.1', NODE_ENV: 'test', SEED_DEMO: 'true', LOG_LEVEL: 'warn', PUBLIC_URL: `http://localhost:${port}`, DATA_DIR: mkdtempSync(join(tmpdir(), 'palabre-e2e-')) };
if (process.env.DATABASE_URL) {
  const name = `palabre_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
}
const child = spawn(process.execPath, ['apps/api/dist/main.js'], { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
