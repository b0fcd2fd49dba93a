#!/usr/bin/env node
// `npm run bench:soak`: a long session, compressed (issue #26, "Long sessions").
//   node bench/soak.mjs [--members 1000] [--minutes 30] [--rate 100] [--pause 20] [--nodes 1] [--no-build]
// N members stay connected for --minutes while the facilitator runs survey after survey: each one
// opened, every member votes at --rate per second (one in ten changes their vote), closed, then
// --pause seconds of quiet — the event rate of a 3-hour plenary played 6 times faster when the
// defaults are kept (a vote about every 2 minutes of plenary). After each survey the server's RSS
// and heap (after a forced GC) and its event-loop p99 over that survey are sampled. Printed: one
// row per sample, then the growth of RSS and heap from the first sample after warm-up to the last,
// and the event-loop p99's spread.
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openSurvey, ballotValue } from './scenarios/survey.mjs';
import { command, connect, closeAll, ramp } from './lib/swarm.mjs';
import { fmt, sleep, summary, table } from './lib/stats.mjs';
import { palabreTarget } from './lib/targets.mjs';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '1000' },
    minutes: { type: 'string', default: '30' },
    rate: { type: 'string', default: '100' },
    pause: { type: 'string', default: '20' },
    nodes: { type: 'string', default: '1' },
    'no-build': { type: 'boolean', default: false },
  },
});
const [memberCount, minutes, rate, pause] = ['members', 'minutes', 'rate', 'pause'].map((k) => Number(args[k]));
const log = (...m) => console.error(`[soak ${new Date().toISOString().slice(11, 19)}]`, ...m);
if (!args['no-build']) {
  log('building contracts, domain and api…');
  execSync('npm run build -w libs/contracts -w libs/domain -w apps/api', { stdio: ['ignore', 'ignore', 'inherit'], cwd: new URL('..', import.meta.url) });
}
const loadBefore = loadavg()[0];
log(`${memberCount} members for ${minutes} min, ${rate} ballots/s, ${pause} s between surveys; ${cpus().length} cores; load average ${loadBefore.toFixed(1)}`);

const target = palabreTarget({ nodes: Number(args.nodes) });
const all = [];
const samples = [];
try {
  await target.start();
  const facilitator = await connect(target.url, target.facilitatorToken);
  all.push({ socket: facilitator });
  const members = await ramp(target, memberCount, { rate: 250 });
  all.push(...members.clients);
  log(`${members.clients.length} connected`);
  const end = Date.now() + minutes * 60_000;
  let round = 0;
  const acks = [];
  let failed = 0;
  while (Date.now() < end) {
    round++;
    await target.stats(true); // resets the event-loop histogram: each sample covers one survey
    const { activityId, questionId } = await openSurvey(facilitator, `Vote ${round}`);
    const plan = [...members.clients.map((m, i) => ({ m, i })), ...members.clients.slice(0, Math.floor(members.clients.length / 10)).map((m, i) => ({ m, i: i + 1 }))];
    const started = performance.now();
    const ops = [];
    for (const [n, p] of plan.entries()) {
      const wait = started + (n * 1000) / rate - performance.now();
      if (wait > 0) await sleep(wait);
      ops.push(command(p.m.socket, 'ballot.cast', { questionId, value: ballotValue(p.i) }));
    }
    for (const r of await Promise.all(ops)) {
      if (r.ack?.ok) acks.push(r.ackedAt - r.sentAt);
      else failed++;
    }
    const closed = await command(facilitator, 'survey.close', { activityId });
    if (!closed.ack?.ok) throw new Error(`survey.close refused: ${JSON.stringify(closed.ack?.error)}`);
    await sleep(pause * 1000);
    const s = await target.stats();
    samples.push({ round, at: Math.round((Date.now() - (end - minutes * 60_000)) / 1000), rssMB: s.memory.rss / 2 ** 20, heapMB: s.memory.heapUsed / 2 ** 20, elP99: s.eventLoop.p99 });
    log(`survey ${round}: RSS ${fmt(samples.at(-1).rssMB, 1)} MB, heap ${fmt(samples.at(-1).heapMB, 1)} MB, event-loop p99 ${fmt(samples.at(-1).elP99, 1)} ms`);
  }
  // Warm-up: the first two surveys fill caches and pools; growth is measured from the third.
  const base = samples[Math.min(2, samples.length - 1)];
  const last = samples.at(-1);
  const el = summary(samples.map((x) => x.elP99));
  const ack = summary(acks);
  console.log(`\nPalabre soak — ${members.clients.length} members, ${minutes} min, ${samples.length} surveys at ${rate} ballots/s, ${target.nodes} node(s); ${cpus().length} cores, load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}\n`);
  console.log(table(['survey', 's', 'RSS MB', 'heap MB', 'EL p99 ms'], samples.map((x) => [x.round, x.at, fmt(x.rssMB, 1), fmt(x.heapMB, 1), fmt(x.elP99, 1)])));
  console.log(`\nRSS ${fmt(base.rssMB, 1)} → ${fmt(last.rssMB, 1)} MB (${fmt(((last.rssMB - base.rssMB) / base.rssMB) * 100, 1)} %), heap ${fmt(base.heapMB, 1)} → ${fmt(last.heapMB, 1)} MB (${fmt(((last.heapMB - base.heapMB) / base.heapMB) * 100, 1)} %) from survey ${base.round} to ${last.round}`);
  console.log(`event-loop p99 per survey: median ${fmt(el.p50, 1)} ms, max ${fmt(el.max, 1)} ms; ballot ack p50/p99 ${fmt(ack.p50)}/${fmt(ack.p99)} ms over ${ack.n} ballots, ${failed} refused`);
} catch (error) {
  log(`server log tail:\n${target.tail().join('\n')}`);
  log(error.stack ?? error);
  process.exitCode = 1;
} finally {
  closeAll(all);
  await target.stop();
}
