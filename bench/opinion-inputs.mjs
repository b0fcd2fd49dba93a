#!/usr/bin/env node
// The API main thread's share of one opinion-map recompute (issue #23), on the built API's code:
//   node bench/opinion-inputs.mjs [--members 250] [--statements 500] [--answered 0.8] [--runs 10]
// A fresh database (the built API migrates it) holds an open map of --statements statements (2 %
// hidden), --members members (a fifth without a member profile) and their answers (--answered of
// the statements, three planted groups, a tenth 'pass'), ~100,000 at the defaults. In this process,
// with no other work on its event loop, each run times what a recompute does on the main thread:
// `mapInputs` (the query, the driver's parsing, the inputs built), the message serialized to the
// worker (`OpinionMapWorker.compute`'s synchronous call) and the whole recompute, in CPU time of
// the main thread alone (Linux's per-thread count: the worker's mathematics excluded, and less
// moved by the machine's load than wall time), the read's wall time (the database's work included)
// and its longest event-loop block (wall time), and the sizes of the map as broadcast to the
// displays and of the agreements the phones get instead (libs/domain `opinionAgreements`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { plantOpinions } from './lib/opinions.mjs';
import { command, connect } from './lib/swarm.mjs';
import { fmt, summary } from './lib/stats.mjs';
import { palabreTarget } from './lib/targets.mjs';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '250' },
    statements: { type: 'string', default: '500' },
    answered: { type: 'string', default: '0.8' },
    runs: { type: 'string', default: '10' },
  },
});
const [memberCount, statementCount, answered, runs] = ['members', 'statements', 'answered', 'runs'].map((k) => Number(args[k]));
const require = createRequire(import.meta.url);
const { mapInputs, publicMap } = require('../apps/api/dist/modules/opinions/opinions-map.js');
const { OpinionMapWorker } = require('../apps/api/dist/modules/opinions/opinions-map.worker.js');
const { opinionAgreements } = require('@palabre/domain');
const log = (...m) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);

const target = palabreTarget();
let client;
const worker = new OpinionMapWorker();
try {
  await target.start();
  const facilitator = await connect(target.url, target.facilitatorToken);
  const created = await command(facilitator, 'activity.create', { kind: 'opinions', title: 'Carte des opinions' });
  const activityId = created.ack.data.id;
  facilitator.disconnect();
  const members = await target.query(
    `INSERT INTO participant (session_id, display_name, role, joined_at) SELECT $1, 'Membre ' || i, 'member', now() FROM generate_series(1, $2) i RETURNING id`,
    [target.sessionId, memberCount],
  );
  const [assembly] = await target.query(`INSERT INTO assembly (name) VALUES ('Assemblée du banc') RETURNING id`);
  // Four members in five have a roster entry (the lenses' categories); the others have none.
  await target.query(
    `WITH m AS (
       INSERT INTO member (assembly_id, roster_key, name, perimeter, territory_type, category, gender)
       SELECT $1, p.id::text, 'Membre', 'Banc', (ARRAY['metropole', 'rural', 'urbain'])[1 + (i % 3)::int], (ARRAY['elu', 'citoyen'])[1 + (i % 2)::int], (ARRAY['femme', 'homme'])[1 + (i / 2 % 2)::int]
         FROM unnest($2::uuid[]) WITH ORDINALITY AS p(id, i) WHERE i % 5 <> 0 RETURNING id, roster_key)
     UPDATE participant SET member_id = m.id FROM m WHERE participant.id::text = m.roster_key`,
    [assembly.id, members.map((m) => m.id)],
  );
  const statements = await plantOpinions(target, activityId, members.map((m) => m.id), { statementCount, answered });
  // Hidden statements keep their answers; the map does not count them.
  const hidden = statements.slice(0, Math.ceil(statements.length / 50));
  await target.query(`UPDATE opinion_statement SET status = 'hidden' WHERE id = ANY($1::uuid[])`, [hidden]);
  // Fresh statistics, as autovacuum keeps them while a session's answers come in (bench/opinion-acks.mjs).
  await target.query('ANALYZE opinion_answer, opinion_statement, participant, member');
  const [{ n: total }] = await target.query('SELECT count(*)::int AS n FROM opinion_answer WHERE activity_id = $1', [activityId]);
  log(`${statements.length} statements (${hidden.length} hidden), ${members.length} members, ${total} answers`);

  // The API's connection: a pg client whose rows the reader gets, as TypeORM's manager gives them.
  client = new pg.Client({ connectionString: target.dbUrl });
  await client.connect();
  const manager = { query: async (sql, params) => (await client.query(sql, params)).rows };
  const steps = { read: [], readWall: [], readBlock: [], send: [], total: [] };
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let answers = 0;
  let mapBytes = 0;
  let agreementBytes = 0;
  for (let run = 0; run <= runs; run++) {
    delay.reset();
    delay.enable();
    const atStart = mainThreadMs();
    const wallStart = performance.now();
    const inputs = await mapInputs(manager, activityId);
    const readWall = performance.now() - wallStart;
    const read = mainThreadMs() - atStart;
    delay.disable();
    // The message to the worker is serialized synchronously, in the call, on this thread.
    const beforeSend = mainThreadMs();
    const job = worker.compute(...computeArgs(inputs));
    const send = mainThreadMs() - beforeSend;
    const map = await job;
    answers = map.answers;
    mapBytes = JSON.stringify(publicMap(activityId, map)).length;
    agreementBytes = JSON.stringify(opinionAgreements(map)).length;
    const total = mainThreadMs() - atStart;
    if (run === 0) continue; // warm-up: the worker starts, the code is compiled
    steps.read.push(read);
    steps.readWall.push(readWall);
    steps.readBlock.push(delay.max / 1e6);
    steps.send.push(send);
    steps.total.push(total);
  }
  const load = loadavg()[0];
  const line = (label, values) => `${label}: p50 ${fmt(summary(values).p50, 1)} ms, max ${fmt(summary(values).max, 1)} ms`;
  console.log(`opinion map recompute, main thread: ${memberCount} members × ${statementCount} statements, ${answers} answers counted; ${runs} runs; load average ${fmt(load, 1)}`);
  console.log(`  ${line('read (mapInputs), main-thread CPU', steps.read)}`);
  console.log(`  ${line('read, wall time (the database work included)', steps.readWall)}`);
  console.log(`  ${line('read, longest event-loop block (wall time: grows with the load)', steps.readBlock)}`);
  console.log(`  ${line('message to the worker (serialized on the main thread), CPU', steps.send)}`);
  console.log(`  ${line('whole recompute, main-thread CPU (the map deserialized back included)', steps.total)}`);
  console.log(`  the map as broadcast to the console and screens (publicMap, JSON): ${fmt(mapBytes / 1024)} KiB; the agreements the phones get (opinionAgreements, JSON): ${agreementBytes} bytes`);
} catch (error) {
  console.error(error);
  console.error(target.tail().slice(-30).join('\n'));
  process.exitCode = 2;
} finally {
  await worker.close();
  await client?.end();
  await target.stop();
}

/**
 * This thread's CPU time in ms (Linux: /proc/thread-self/schedstat, in ns): neither the worker's
 * nor the garbage collector's helper threads, and not the time the machine's load takes from it.
 */
function mainThreadMs() {
  return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
}

/** The worker's arguments from the reader's result (before: the answers objects; after: the packed form). */
function computeArgs(inputs) {
  const options = { consensusThreshold: inputs.config.consensusThreshold };
  return 'answers' in inputs ? [inputs.answers, inputs.profiles, options] : [inputs.packed, options];
}
