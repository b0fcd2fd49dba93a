// The two servers every figure is measured on: the built Palabre API and the minimal baseline.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, getJson, startChild, waitHttp } from './child.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The bench's database server: loopback only (the shared test server). */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DEMO_FACILITATOR = { email: 'animation@palabre.test', password: 'demo-palabre-2026' };

async function admin(sql, params = []) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const json = (body, token) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body ?? {}),
});

/** The shared Redis the nodes of a multi-node run meet on (the machine's, as in CI). */
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Adds up the nodes' diagnostics: memory and CPU summed, event-loop figures the worst node's. */
export function combineStats(all) {
  if (all.length === 1) return all[0];
  const sum = (pick) => all.reduce((n, s) => n + pick(s), 0);
  const memory = Object.fromEntries(Object.keys(all[0].memory).map((k) => [k, sum((s) => s.memory[k])]));
  const eventLoop = Object.fromEntries(Object.keys(all[0].eventLoop).map((k) => [k, Math.max(...all.map((s) => s.eventLoop[k]))]));
  return { ...all[0], memory, eventLoop, cpu: { user: sum((s) => s.cpu.user), system: sum((s) => s.cpu.system) }, gcForced: all.every((s) => s.gcForced), nodes: all.length };
}

/**
 * The real API, built (`apps/api/dist`), on a fresh database created for this run and dropped after.
 * With `nodes` > 1, that many API processes share the database and the machine's Redis (as a
 * deployment behind a load balancer does): the first one migrates and seeds, and `url` hands the
 * nodes out in turn, so joins, sockets and projectors are split between them and every broadcast
 * to another node's sockets crosses Redis.
 */
export function palabreTarget({ nodes = 1 } = {}) {
  const procs = [];
  const urls = [];
  const statsUrls = [];
  let next = 0;
  let nextRest = 0;
  let dbName;
  const dataDirs = [];
  let dbUrl;
  const t = {
    name: nodes > 1 ? `palabre ×${nodes}` : 'palabre',
    nodes,
    kind: 'palabre',
    /** One node's address for a socket, in turn (REST calls take turns apart, see `rest`). */
    get url() {
      return urls[next++ % urls.length];
    },
    get rest() {
      return urls[nextRest++ % urls.length];
    },
    joinCode: '',
    facilitatorToken: '',
    /** This run's database (for a bench's own connection). */
    get dbUrl() {
      return dbUrl;
    },
    async start() {
      dbName = `palabre_bench_${randomBytes(5).toString('hex')}`;
      await admin(`CREATE DATABASE ${dbName}`);
      const base = new URL(PG_ADMIN_URL);
      base.pathname = `/${dbName}`;
      dbUrl = base.toString();
      const secret = randomBytes(32).toString('hex'); // one secret: a token from one node opens the others
      for (let i = 0; i < nodes; i++) {
        const dataDir = mkdtempSync(join(tmpdir(), 'palabre-bench-'));
        dataDirs.push(dataDir);
        const [port, statsPort] = [await freePort(), await freePort()];
        const url = `http://127.0.0.1:${port}`;
        const proc = startChild(
          join(ROOT, 'apps/api/dist/main.js'),
          {
            NODE_ENV: 'production',
            HOST: '127.0.0.1',
            PORT: String(port),
            PUBLIC_URL: url,
            DATABASE_URL: dbUrl,
            DATA_DIR: dataDir,
            TOKEN_SECRET: secret,
            // The first node migrates and seeds; the others start on its schema.
            SEED_DEMO: i === 0 ? 'true' : 'false',
            LOG_LEVEL: 'warn',
            // One load generator on one address opens every connection: lift the per-address cap.
            MAX_CONNECTIONS_PER_IP: '100000',
            // ...and every join: lift the join throttle too.
            JOIN_BURST_PER_ADDRESS: '100000',
            JOIN_RATE_PER_ADDRESS: '100000',
            JOIN_BURST_PER_SESSION: '100000',
            JOIN_RATE_PER_SESSION: '100000',
            BENCH_DIAGNOSTICS_PORT: String(statsPort),
            REDIS_URL: nodes > 1 ? REDIS_URL : '',
          },
          nodes > 1 ? `palabre api node ${i + 1}` : 'palabre api',
        );
        procs.push(proc);
        await waitHttp(`${url}/api/health`, proc);
        await waitHttp(`http://127.0.0.1:${statsPort}/stats`, proc);
        urls.push(url);
        statsUrls.push(`http://127.0.0.1:${statsPort}/stats`);
      }
      const login = await getJson(`${t.rest}/api/auth/login`, json(DEMO_FACILITATOR));
      const session = await getJson(`${t.rest}/api/sessions`, json({ title: 'Banc d’essai', date: '2026-12-03', accessMode: 'open' }, login.token));
      await getJson(`${t.rest}/api/sessions/${session.id}/transition`, json({ to: 'live' }, login.token));
      const entered = await getJson(`${t.rest}/api/sessions/${session.id}/enter`, json({}, login.token));
      t.sessionId = session.id;
      t.joinCode = session.joinCode;
      t.facilitatorToken = entered.token;
      t.staffToken = login.token;
      next = 0; // the facilitator's socket goes to the first node
    },
    async join(displayName) {
      const res = await getJson(`${t.rest}/api/sessions/join`, json({ code: t.joinCode, displayName }));
      return { token: res.token, participantId: res.participant.id };
    },
    async joinScreen() {
      // Screens are issued by staff (a signed-in staff browser opening the projector).
      const res = await getJson(`${t.rest}/api/sessions/${t.sessionId}/screens`, json({}, t.staffToken));
      return { token: res.token, participantId: res.participant.id };
    },
    /** Bench-only: gives write rights to stand-in writers straight in this run's own database. */
    async promote(participantIds) {
      await t.query(`UPDATE participant SET role = 'facilitator' WHERE id = ANY($1::uuid[])`, [participantIds]);
    },
    async query(sql, params = []) {
      const client = new pg.Client({ connectionString: dbUrl });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async stats(reset = false) {
      return combineStats(await Promise.all(statsUrls.map((u) => getJson(`${u}${reset ? '?reset=1' : ''}`))));
    },
    tail: () => procs.flatMap((p) => (procs.length > 1 ? [`--- ${p.label}`, ...p.tail] : p.tail)),
    async stop() {
      await Promise.all(procs.map((p) => p.stop()));
      if (dbName) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
      for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
    },
  };
  return t;
}

/** bench/baseline/server.mjs: plain socket.io, same wire protocol, no database, no checks. */
export function baselineTarget() {
  let proc;
  const t = {
    name: 'baseline',
    kind: 'baseline',
    url: '',
    statsUrl: '',
    facilitatorToken: 'facilitator',
    async start() {
      const [port, statsPort] = [await freePort(), await freePort()];
      t.url = `http://127.0.0.1:${port}`;
      t.statsUrl = `http://127.0.0.1:${statsPort}/stats`;
      proc = startChild(join(ROOT, 'bench/baseline/server.mjs'), { PORT: String(port), STATS_PORT: String(statsPort) }, 'baseline');
      await waitHttp(t.statsUrl, proc);
    },
    async join(displayName) {
      const res = await getJson(`${t.url}/api/sessions/join`, json({ displayName }));
      return { token: res.token, participantId: res.participant.id };
    },
    async joinScreen() {
      return t.join('screen');
    },
    async promote() {},
    async query() {
      return [];
    },
    async stats(reset = false) {
      return getJson(`${t.statsUrl}${reset ? '?reset=1' : ''}`);
    },
    tail: () => proc?.tail ?? [],
    async stop() {
      await proc?.stop();
    },
  };
  return t;
}
