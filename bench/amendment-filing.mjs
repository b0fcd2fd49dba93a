#!/usr/bin/env node
// Filing acknowledged with the assembly connected (issue #22, "Performance": 200 amendments on a
// 20-page text, filing acknowledged in ≤ 150 ms p99 with 250 members connected), on the built API.
//   node bench/amendment-filing.mjs [--members 250] [--lines 1000] [--amendments 200] [--seconds 10] [--no-build]
// 1. An open text of --lines lines (~20 pages at 1000) and --members real socket members.
// 2. --amendments amendments filed by members drawn at random, spread evenly over --seconds; each
//    filing sends the text's state to its audience (the author and the staff: a filed amendment is
//    not public until declared admissible).
// 3. Prints the filings' ack p50/p95/p99/max, and checks every acknowledged amendment is stored once.
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { closeAll, command, connect, ramp } from './lib/swarm.mjs';
import { fmt, sleep, summary } from './lib/stats.mjs';
import { palabreTarget } from './lib/targets.mjs';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '250' },
    lines: { type: 'string', default: '1000' },
    amendments: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
    'no-build': { type: 'boolean', default: false },
  },
});
const [memberCount, lineCount, amendmentCount, seconds] = ['members', 'lines', 'amendments', 'seconds'].map((k) => Number(args[k]));
const log = (...m) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);
if (!args['no-build']) {
  log('building contracts, domain and api…');
  execSync('npm run build -w libs/contracts -w libs/domain -w apps/api', { stdio: ['ignore', 'ignore', 'inherit'], cwd: new URL('..', import.meta.url) });
}
const loadBefore = loadavg()[0];
log(`${memberCount} members, ${amendmentCount} amendments on ${lineCount} lines over ${seconds} s; ${cpus().length} cores; load average ${loadBefore.toFixed(1)}`);

// A roadmap of `lineCount` lines in paragraphs of five, French typography included.
const source = Array.from({ length: lineCount }, (_, i) => `Ligne ${i + 1}\u00a0: la Région et les territoires s’engagent pour les mobilités du quotidien.${i % 5 === 4 ? '\n' : ''}`).join('\n');

const target = palabreTarget({ nodes: 1 });
let clients = [];
const extra = [];
try {
  await target.start();
  const facilitator = await connect(target.url, target.facilitatorToken);
  extra.push({ socket: facilitator });
  const created = await command(facilitator, 'activity.create', { kind: 'amendments', title: 'Feuille de route partagée', config: { source } });
  if (!created.ack?.ok) throw new Error(`text creation refused: ${JSON.stringify(created.ack?.error)}`);
  const activityId = created.ack.data.id;
  const opened = await command(facilitator, 'activity.open', { activityId });
  if (!opened.ack?.ok) throw new Error(`text opening refused: ${JSON.stringify(opened.ack?.error)}`);
  let staffUpdates = 0;
  facilitator.on('amendments.updated', () => staffUpdates++);

  const joined = await ramp(target, memberCount, { rate: 100 });
  clients = joined.clients;
  if (joined.failures.size) log('join failures:', Object.fromEntries(joined.failures));
  log(`${clients.length} members connected in ${joined.rampMs} ms`);

  const acks = [];
  const refused = new Map();
  let lost = 0;
  const gap = (seconds * 1000) / amendmentCount;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: amendmentCount }, async (_, k) => {
      await sleep(k * gap);
      const member = clients[Math.floor(Math.random() * clients.length)];
      const from = 1 + Math.floor(Math.random() * lineCount);
      const kind = ['replace', 'insert', 'delete'][k % 3];
      const payload = { activityId, kind, from, to: kind === 'insert' ? from : Math.min(lineCount, from + (k % 2)), wording: kind === 'delete' ? '' : `Ligne ${from} réécrite\u00a0: l’assemblée décide ensemble.`, reason: 'Plus précis' };
      const { ack, sentAt, ackedAt } = await command(member.socket, 'amendment.file', payload);
      if (ack === undefined) lost++;
      else if (!ack.ok) refused.set(ack.error?.code, (refused.get(ack.error?.code) ?? 0) + 1);
      else acks.push(ackedAt - sentAt);
    }),
  );
  const elapsed = performance.now() - started;
  const [{ n: stored }] = await target.query('SELECT count(*)::int AS n FROM amendment WHERE activity_id = $1', [activityId]);

  const s = summary(acks);
  const loadAfter = loadavg()[0];
  console.log(`amendment filing: ${clients.length} members connected, ${amendmentCount} amendments on a ${lineCount}-line text in ${fmt(elapsed / 1000)} s`);
  console.log(`  load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${cpus().length} cores; the console received ${staffUpdates} text updates`);
  console.log(`  filings acknowledged: ${s.n} · p50 ${fmt(s.p50)} ms · p95 ${fmt(s.p95)} ms · p99 ${fmt(s.p99)} ms · max ${fmt(s.max)} ms; refused ${JSON.stringify(Object.fromEntries(refused))}; lost ${lost}; stored ${stored}`);
  console.log(`  target p99 ≤ 150 ms: ${s.p99 <= 150 ? 'met' : 'NOT met'}`);
  process.exitCode = s.p99 <= 150 && lost === 0 && stored === s.n ? 0 : 1;
} catch (error) {
  console.error(error);
  console.error(target.tail().slice(-30).join('\n'));
  process.exitCode = 2;
} finally {
  closeAll([...clients, ...extra]);
  await target.stop();
}
