// Starts the built Palabre for the e2e journeys: a fresh database and the demo seed.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

const port = process.env.E2E_PORT ?? '4310';
const env = { ...process.env, PORT: port, HOST: '127.0.0.1', NODE_ENV: 'test', SEED_DEMO: 'true', LOG_LEVEL: 'warn', PUBLIC_URL: `http://localhost:${port}`, DATA_DIR: mkdtempSync(join(tmpdir(), 'palabre-e2e-')) };

// A real SMTP server for the follow-up emails: each message lands in the mailbox directory as JSON
// (recipients and raw text), where the journeys read it (e2e/mailbox.ts, same path).
const mailbox = join(tmpdir(), `palabre-e2e-mailbox-${port}`);
rmSync(mailbox, { recursive: true, force: true });
mkdirSync(mailbox, { recursive: true });
let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      writeFileSync(join(mailbox, `${Date.now()}-${++received}.json`), JSON.stringify({ to, raw: Buffer.concat(chunks).toString('utf8') }));
      callback();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
env.SMTP_URL = `smtp://127.0.0.1:${smtp.server.address().port}`;
env.SMTP_FROM = 'Palabre <suivi@palabre.test>';
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
child.on('exit', (code) => smtp.close(() => process.exit(code ?? 0)));
