#!/usr/bin/env node
// `npm run bench:board`: a session with a big idea board (issue #26, "Big boards"), on the built API.
//   node bench/big-board.mjs [--ideas 2000] [--comments 5000] [--supports 20000] [--members 1000]
//                            [--fetches 50] [--nodes 1] [--identity] [--no-build]
// --identity: the fetches refuse gzip (a client that does not accept it gets the JSON as is).
// 1. The board is filled straight in this run's own database (ideas, comments, supports from the
//    joined members), as hours of a plenary would leave it.
// 2. The snapshot a member's phone fetches on (re)connection: time (p50/p95/p99 over --fetches
//    sequential fetches), its JSON's size, the bytes the API sent (gzipped: the fetch accepts it, as
//    a browser does) and, for comparison, the JSON gzipped here in one piece (level 6).
// 3. The reconnect storm: every member's socket drops at once (a network blip), then all reconnect
//    within 2 s and each fetches its snapshot, as the phone does; failures by stage and the times.
// 4. A support burst (every member supports an idea within 1 s), then the same with the board
//    revision's trigger disabled, then enabled again: what counting the revision costs the writers.
import { execSync } from 'node:child_process';
import http from 'node:http';
import { gunzip, gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { command, connect, closeAll } from './lib/swarm.mjs';
import { fmt, sleep, summary, table } from './lib/stats.mjs';
import { palabreTarget } from './lib/targets.mjs';

const { values: args } = parseArgs({
  options: {
    ideas: { type: 'string', default: '2000' },
    comments: { type: 'string', default: '5000' },
    supports: { type: 'string', default: '20000' },
    members: { type: 'string', default: '1000' },
    fetches: { type: 'string', default: '50' },
    nodes: { type: 'string', default: '1' },
    identity: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
const [ideas, comments, supports, memberCount, fetches] = ['ideas', 'comments', 'supports', 'members', 'fetches'].map((k) => Number(args[k]));
const log = (...m) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);
if (!args['no-build']) {
  log('building contracts, domain and api…');
  execSync('npm run build -w libs/contracts -w libs/domain -w apps/api', { stdio: ['ignore', 'ignore', 'inherit'], cwd: new URL('..', import.meta.url) });
}
const loadBefore = loadavg()[0];
log(`${ideas} ideas, ${comments} comments, ${supports} supports, ${memberCount} members; ${cpus().length} cores; load average ${loadBefore.toFixed(1)}`);

const target = palabreTarget({ nodes: Number(args.nodes) });
const sockets = [];
try {
  await target.start();
  const facilitator = await connect(target.url, target.facilitatorToken);
  sockets.push({ socket: facilitator });
  const created = await command(facilitator, 'activity.create', { kind: 'board', title: 'Grand tableau', config: { columns: [{ title: 'Idées' }, { title: 'Questions' }] } });
  if (!created.ack?.ok) throw new Error(`board creation refused: ${JSON.stringify(created.ack?.error)}`);
  const activityId = created.ack.data.id;
  const opened = await command(facilitator, 'board.open', { activityId });
  if (!opened.ack?.ok) throw new Error(`board opening refused: ${JSON.stringify(opened.ack?.error)}`);

  // Members join over REST (their tokens serve both the snapshot and the storm).
  const members = [];
  for (let i = 0; i < memberCount; i += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, memberCount - i) }, (_, k) => target.join(`Membre ${i + k + 1}`)));
    members.push(...batch);
  }
  log(`${members.length} members joined`);

  // The board's content, written in bulk: ideas by the members in turn, comments on ideas in turn,
  // supports spread so no member supports one idea twice (the unique key).
  const t0 = performance.now();
  const ids = members.map((m) => m.participantId);
  await target.query(
    `INSERT INTO idea (activity_id, session_id, column_id, author_id, title, body, status)
     SELECT $1, $2, CASE WHEN g % 5 = 0 THEN 'questions' ELSE 'idees' END, ($3::uuid[])[1 + (g % array_length($3::uuid[], 1))],
            'Idée ' || g || ' : mobilités rurales, tiers-lieux et circuits courts', 'Proposition détaillée numéro ' || g || ' pour le contrat territorial.', 'visible'
       FROM generate_series(1, $4) AS g`,
    [activityId, target.sessionId, ids, ideas],
  );
  await target.query(
    `WITH i AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM idea WHERE activity_id = $1)
     INSERT INTO idea_comment (idea_id, activity_id, author_id, body)
     SELECT i.id, $1, ($2::uuid[])[1 + (g % array_length($2::uuid[], 1))], 'Commentaire ' || g || ' : d’accord, à préciser pour les territoires ruraux.'
       FROM generate_series(1, $3) AS g JOIN i ON i.n = 1 + (g % (SELECT count(*) FROM i))`,
    [activityId, ids, comments],
  );
  await target.query(
    `WITH i AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM idea WHERE activity_id = $1),
          p AS (SELECT unnest($2::uuid[]) AS pid, generate_series(0, array_length($2::uuid[], 1) - 1) AS k)
     INSERT INTO idea_support (idea_id, activity_id, participant_id, dots)
     SELECT i.id, $1, p.pid, 1
       FROM generate_series(0, $3 - 1) AS g
       JOIN p ON p.k = g % array_length($2::uuid[], 1)
       JOIN i ON i.n = (g / array_length($2::uuid[], 1) * 7 + g) % (SELECT count(*) FROM i)
     ON CONFLICT DO NOTHING`,
    [activityId, ids, supports],
  );
  const [counts] = await target.query(
    `SELECT (SELECT count(*) FROM idea WHERE activity_id = $1)::int AS ideas, (SELECT count(*) FROM idea_comment WHERE activity_id = $1)::int AS comments,
            (SELECT count(*) FROM idea_support WHERE activity_id = $1)::int AS supports`,
    [activityId],
  );
  log(`board filled in ${fmt(performance.now() - t0)} ms: ${JSON.stringify(counts)}`);

  // The member's snapshot, fetched one after the other (the server's own time, no contention).
  const url = () => `${target.rest}/api/sessions/${target.sessionId}/snapshot`;
  // As a browser asks (Accept-Encoding: gzip, deflate, br; `--identity`: no compression) over a
  // keep-alive agent; `wire` is what crossed the network, the body is the JSON after decompression.
  let wire = 0;
  const agent = new http.Agent({ keepAlive: true });
  const fetchSnapshot = (m) =>
    new Promise((resolve, reject) => {
      const req = http.get(url(), { agent, headers: { authorization: `Bearer ${m.token}`, 'accept-encoding': args.identity ? 'identity' : 'gzip, deflate, br' } }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`snapshot HTTP ${res.statusCode}`));
          const raw = Buffer.concat(chunks);
          wire = raw.length;
          if (res.headers['content-encoding'] !== 'gzip') return resolve(raw);
          gunzip(raw, (error, body) => (error ? reject(error) : resolve(body)));
        });
      });
      req.on('error', reject);
    });
  const snapshotMs = [];
  let body;
  for (let i = 0; i < fetches; i++) {
    const t = performance.now();
    body = await fetchSnapshot(members[i % members.length]);
    snapshotMs.push(performance.now() - t);
  }
  const gzipBytes = gzipSync(body).length;
  const snap = summary(snapshotMs);
  log(`snapshot: p50/p95/p99 ${fmt(snap.p50)}/${fmt(snap.p95)}/${fmt(snap.p99)} ms, ${fmt(body.length / 1024)} KB of JSON, ${fmt(wire / 1024)} KB on the wire, ${fmt(gzipBytes / 1024)} KB gzipped here`);

  // The reconnect storm: all connected, all dropped at once, all back within 2 s with a snapshot each.
  const connected = await Promise.all(members.map(async (m) => ({ ...m, socket: await connect(target.url, m.token, 60_000) })));
  sockets.push(...connected);
  log(`${connected.length} sockets connected; dropping them all`);
  for (const c of connected) c.socket.disconnect();
  await sleep(500);
  const stormStart = performance.now();
  const failures = new Map();
  const reconnectMs = [];
  const fetchMs = [];
  await Promise.all(
    connected.map(async (m, i) => {
      await sleep((i / connected.length) * 2000); // spread over 2 s, as phones come back
      let stage = 'reconnect';
      try {
        const t = performance.now();
        m.socket = await connect(target.url, m.token, 30_000);
        reconnectMs.push(performance.now() - t);
        stage = 'snapshot';
        const f = performance.now();
        await fetchSnapshot(m);
        fetchMs.push(performance.now() - f);
      } catch (error) {
        const cause = error?.cause ? ` (${String(error.cause.code ?? error.cause.message ?? error.cause).slice(0, 60)})` : "";
        const key = `${stage}: ${String(error?.message ?? error).slice(0, 50)}${cause}`;
        failures.set(key, (failures.get(key) ?? 0) + 1);
      }
    }),
  );
  const stormMs = performance.now() - stormStart;
  const [rc, sf] = [summary(reconnectMs), summary(fetchMs)];
  const failed = [...failures.values()].reduce((a, b) => a + b, 0);

  // 4. A support burst: every reconnected member supports one idea, all within 1 s. Each support's
  // commit bumps the board's revision (a deferred trigger locking the board row while it commits):
  // the same burst again with that trigger disabled shows what the revision costs the writers.
  const ideaIds = (await target.query('SELECT id FROM idea WHERE activity_id = $1 ORDER BY id', [activityId])).map((r) => r.id);
  const online = connected.filter((m) => m.socket.connected);
  const burst = async (round) => {
    const acks = [];
    let refused = 0;
    await Promise.all(
      online.map(async (m, i) => {
        await sleep((i / online.length) * 1000);
        const sent = await command(m.socket, 'idea.support', { activityId, ideaId: ideaIds[(i * 13 + round * 7919) % ideaIds.length] });
        if (sent.ack?.ok) acks.push(sent.ackedAt - sent.sentAt);
        else refused++;
      }),
    );
    return { ...summary(acks), refused };
  };
  // On, off, on again: the first burst follows the storm, so the order alone could tell them apart.
  const withRevision = await burst(1);
  await target.query('ALTER TABLE idea_support DISABLE TRIGGER idea_support_board_changed');
  const withoutRevision = await burst(2);
  await target.query('ALTER TABLE idea_support ENABLE TRIGGER idea_support_board_changed');
  const withRevisionAgain = await burst(3);

  console.log(`\nPalabre big board — ${counts.ideas} ideas, ${counts.comments} comments, ${counts.supports} supports, ${members.length} members, ${target.nodes} node(s); ${cpus().length} cores, load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}; times in ms\n`);
  console.log(
    table(
      ['measure', 'p50', 'p95', 'p99', 'max', 'other'],
      [
        ['member snapshot (sequential)', fmt(snap.p50), fmt(snap.p95), fmt(snap.p99), fmt(snap.max), `${fmt(body.length / 1024)} KB JSON, ${fmt(wire / 1024)} KB sent, ${fmt(gzipBytes / 1024)} KB gzip -6`],
        ['storm: socket reconnect', fmt(rc.p50), fmt(rc.p95), fmt(rc.p99), fmt(rc.max), `${rc.n} of ${connected.length} reconnected`],
        ['storm: snapshot after reconnect', fmt(sf.p50), fmt(sf.p95), fmt(sf.p99), fmt(sf.max), `${sf.n} served, ${failed} failed, storm over in ${fmt(stormMs)} ms`],
        ['support burst: ack', fmt(withRevision.p50), fmt(withRevision.p95), fmt(withRevision.p99), fmt(withRevision.max), `${withRevision.n} acked, ${withRevision.refused} refused, ${online.length} members within 1 s`],
        ['the same, revision trigger off', fmt(withoutRevision.p50), fmt(withoutRevision.p95), fmt(withoutRevision.p99), fmt(withoutRevision.max), `${withoutRevision.n} acked, ${withoutRevision.refused} refused (comparison only)`],
        ['the same, trigger on again', fmt(withRevisionAgain.p50), fmt(withRevisionAgain.p95), fmt(withRevisionAgain.p99), fmt(withRevisionAgain.max), `${withRevisionAgain.n} acked, ${withRevisionAgain.refused} refused`],
      ],
    ),
  );
  for (const [why, n] of failures) console.log(`  failed ${n}: ${why}`);
  if (failures.size > 0) log(`server log tail:\n${target.tail().join('\n')}`);
} catch (error) {
  log(`server log tail:\n${target.tail().join('\n')}`);
  log(error.stack ?? error);
  process.exitCode = 1;
} finally {
  closeAll(sockets);
  await target.stop();
}
