#!/usr/bin/env node
// Answers acknowledged while the opinion map recomputes (issue #23, "Performance"), on the built API.
//   node bench/opinion-acks.mjs [--members 250] [--statements 500] [--answered 0.8] [--seconds 30]
//                               [--rate 0.5] [--nodes 1] [--no-build] [--no-analyze]
// 1. An open opinion map with --statements statements; --members real socket members join, and
//    their earlier answers (--answered of the statements, in three planted groups) are written
//    straight in this run's own database, so every recompute is the full-size one; then the tables
//    are analyzed (as autovacuum does while a session's answers come in), unless --no-analyze.
// 2. For --seconds, every member answers a statement every 1/--rate s (250 × 0.5 = 125 answers/s):
//    the map recomputes continuously (one recompute per map per second at most, in a worker thread).
// 3. Prints the answers' ack p50/p95/p99/max, the maps the facilitator's console received, and the
//    bytes of the map events (JSON of the payloads) one member's phone and the console received.
// With --nodes 2 the members, console and REST calls are spread over two API nodes sharing Redis:
// one node computes the map at a time, every node's sockets receive it.
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { plantOpinions } from './lib/opinions.mjs';
import { closeAll, command, connect, ramp } from './lib/swarm.mjs';
import { fmt, sleep, summary } from './lib/stats.mjs';
import { palabreTarget } from './lib/targets.mjs';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '250' },
    statements: { type: 'string', default: '500' },
    answered: { type: 'string', default: '0.8' },
    seconds: { type: 'string', default: '30' },
    rate: { type: 'string', default: '0.5' },
    nodes: { type: 'string', default: '1' },
    'no-build': { type: 'boolean', default: false },
    'no-analyze': { type: 'boolean', default: false },
  },
});
const [memberCount, statementCount, answered, seconds, rate, nodes] = ['members', 'statements', 'answered', 'seconds', 'rate', 'nodes'].map((k) => Number(args[k]));
const log = (...m) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);
if (!args['no-build']) {
  log('building contracts, domain and api…');
  execSync('npm run build -w libs/contracts -w libs/domain -w apps/api', { stdio: ['ignore', 'ignore', 'inherit'], cwd: new URL('..', import.meta.url) });
}
const loadBefore = loadavg()[0];
log(`${memberCount} members × ${statementCount} statements, ${nodes} node(s); ${cpus().length} cores; load average ${loadBefore.toFixed(1)}`);

const target = palabreTarget({ nodes });
let clients = [];
const extra = [];
try {
  await target.start();
  const facilitator = await connect(target.url, target.facilitatorToken);
  extra.push({ socket: facilitator });
  const created = await command(facilitator, 'activity.create', { kind: 'opinions', title: 'Carte des opinions' });
  if (!created.ack?.ok) throw new Error(`map creation refused: ${JSON.stringify(created.ack?.error)}`);
  const activityId = created.ack.data.id;
  const opened = await command(facilitator, 'activity.open', { activityId });
  if (!opened.ack?.ok) throw new Error(`map opening refused: ${JSON.stringify(opened.ack?.error)}`);
  // A console on every node: each must receive the maps, whichever node computed them.
  const consoles = [facilitator];
  for (let i = 1; i < nodes; i++) {
    const other = await connect(target.url, target.facilitatorToken);
    extra.push({ socket: other });
    consoles.push(other);
  }
  const mapsSeen = consoles.map(() => 0);
  consoles.forEach((socket, i) => socket.on('opinions.map.updated', () => mapsSeen[i]++));
  let lastMap = 0;
  facilitator.on('opinions.map.updated', (e) => (lastMap = e.map.answers));

  // What a map costs on the wire: the JSON of every opinions.* map event, on the console and on one phone.
  const bytes = (payload) => Buffer.byteLength(JSON.stringify(payload));
  const received = () => ({ events: 0, bytes: 0, largest: 0 });
  const consoleMaps = received();
  const countInto = (tally) => (event, payload) => {
    if (event !== 'opinions.map.updated' && event !== 'opinions.agreements.updated') return;
    const n = bytes(payload);
    tally.events++;
    tally.bytes += n;
    tally.largest = Math.max(tally.largest, n);
  };
  facilitator.onAny(countInto(consoleMaps));

  const joined = await ramp(target, memberCount, { rate: 100 });
  clients = joined.clients;
  const phoneMaps = received();
  clients[0]?.socket.onAny(countInto(phoneMaps));
  if (joined.failures.size) log('join failures:', Object.fromEntries(joined.failures));
  log(`${clients.length} members connected in ${joined.rampMs} ms`);

  // The statements and the members' earlier answers, in bulk: three planted opinion groups.
  const statements = await plantOpinions(target, activityId, clients.map((c) => c.participantId), {
    statementCount,
    answered,
    text: (g) => `'Affirmation ' || ${g} || ' sur les mobilités et les services publics'`,
  });
  // The counts the answer command keeps (the next statement offered is the least answered).
  await target.query('UPDATE opinion_statement s SET answers = (SELECT count(*) FROM opinion_answer a WHERE a.statement_id = s.id) WHERE s.activity_id = $1', [activityId]);
  // A session's answers arrive over an hour, and autovacuum analyzes the tables as they grow; these
  // were written at once: without fresh statistics the planner reads the map's answers by one index
  // scan per statement (~1 s of database CPU per recompute). --no-analyze keeps them stale.
  if (!args['no-analyze']) await target.query('ANALYZE opinion_answer, opinion_statement, participant, member');
  const [{ n: prefilled }] = await target.query('SELECT count(*)::int AS n FROM opinion_answer WHERE activity_id = $1', [activityId]);
  log(`${statements.length} statements, ${prefilled} earlier answers`);

  // Every member answers at `rate` per second for `seconds`, each on its own clock (spread starts).
  const acks = [];
  const refused = new Map();
  let lost = 0;
  const until = performance.now() + seconds * 1000;
  const mapsBefore = [...mapsSeen];
  await Promise.all(
    clients.map(async (c, i) => {
      await sleep(Math.random() * (1000 / rate));
      while (performance.now() < until) {
        const s = statements[(i * 7 + acks.length) % statements.length];
        const vote = ['agree', 'disagree', 'pass'][Math.floor(Math.random() * 3)];
        const { ack, sentAt, ackedAt } = await command(c.socket, 'opinions.answer', { statementId: s, vote });
        if (ack === undefined) lost++;
        else if (!ack.ok) refused.set(ack.error?.code, (refused.get(ack.error?.code) ?? 0) + 1);
        else acks.push(ackedAt - sentAt);
        await sleep(Math.max(0, 1000 / rate - (ackedAt - sentAt)));
      }
    }),
  );
  // The last burst's map: wait until it is out.
  const settle = performance.now() + 30_000;
  const answersNow = async () => (await target.query('SELECT count(*)::int AS n FROM opinion_answer WHERE activity_id = $1', [activityId]))[0].n;
  const finalAnswers = await answersNow();
  while (lastMap !== finalAnswers && performance.now() < settle) await sleep(200);

  const s = summary(acks);
  const maps = mapsSeen.map((n, i) => n - mapsBefore[i]);
  const loadAfter = loadavg()[0];
  console.log(`opinion map answers under recompute: ${clients.length} members × ${statements.length} statements, ${nodes} node(s), ${seconds} s at ${rate}/s per member`);
  console.log(`  load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${cpus().length} cores; ${prefilled} earlier answers, ${finalAnswers} at the end`);
  console.log(`  answers acknowledged: ${s.n} · p50 ${fmt(s.p50)} ms · p95 ${fmt(s.p95)} ms · p99 ${fmt(s.p99)} ms · max ${fmt(s.max)} ms; refused ${JSON.stringify(Object.fromEntries(refused))}; lost ${lost}`);
  console.log(`  maps received during the run by the console on each node: ${maps.join(' / ')}; last map ${lastMap === finalAnswers ? 'has every answer' : `has ${lastMap} of ${finalAnswers} answers`}`);
  const kib = (n) => (n / 1024).toFixed(1);
  console.log(`  map events (JSON payloads, whole run): console ${consoleMaps.events} events, ${kib(consoleMaps.bytes)} KiB, largest ${kib(consoleMaps.largest)} KiB; one phone ${phoneMaps.events} events, ${kib(phoneMaps.bytes)} KiB, largest ${(phoneMaps.largest / 1024).toFixed(2)} KiB (× ${clients.length} phones ≈ ${kib(phoneMaps.bytes * clients.length)} KiB)`);
  console.log(`  target p99 ≤ 150 ms: ${s.p99 <= 150 ? 'met' : 'NOT met'}`);
  process.exitCode = s.p99 <= 150 && lost === 0 ? 0 : 1;
} catch (error) {
  console.error(error);
  console.error(target.tail().slice(-30).join('\n'));
  process.exitCode = 2;
} finally {
  closeAll([...clients, ...extra]);
  await target.stop();
}
