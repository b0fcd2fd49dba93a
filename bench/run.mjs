#!/usr/bin/env node
// `npm run bench`: the same socket.io-client swarm against the built Palabre API and against the
// minimal socket.io baseline, for each size; one table with ratios. Loopback traffic only.
//   node bench/run.mjs [--sizes 250,1000,2000] [--large] [--scenario auto|survey|activity]
//                      [--rate 100] [--seconds 10] [--ramp 250] [--screens 2] [--no-build] [--json file]
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { connect, ramp, closeAll } from './lib/swarm.mjs';
import { fmt, sleep, summary, table, withRatio } from './lib/stats.mjs';
import { baselineTarget, palabreTarget } from './lib/targets.mjs';
import { pickScenario } from './scenarios/index.mjs';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '250,1000,2000' },
    large: { type: 'boolean', default: false },
    scenario: { type: 'string', default: 'auto' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    ramp: { type: 'string', default: '250' },
    screens: { type: 'string', default: '2' },
    build: { type: 'boolean', default: true },
    'no-build': { type: 'boolean', default: false },
    targets: { type: 'string', default: 'palabre,baseline' },
    json: { type: 'string' },
  },
});
const sizes = args.sizes.split(',').map(Number).filter((n) => n > 0 && n <= 10_000);
if (args.large && !sizes.includes(5000)) sizes.push(5000);
const opts = { rate: Number(args.rate), seconds: Number(args.seconds), rampRate: Number(args.ramp), screens: Number(args.screens) };
const log = (...m) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);

if (!args['no-build']) {
  log('building contracts, domain and api…');
  execSync('npm run build -w libs/contracts -w libs/domain -w apps/api', { stdio: ['ignore', 'ignore', 'inherit'], cwd: new URL('..', import.meta.url) });
}
const scenario = pickScenario(args.scenario);
const loadBefore = loadavg()[0];
log(`scenario: ${scenario.name}; sizes ${sizes.join(', ')}; ${cpus().length} cores; load average ${loadBefore.toFixed(1)}`);

/** One server, one size: ramp, memory after GC, the write scenario, then (ballots) the burst. */
async function measure(target, n) {
  await target.start();
  const all = [];
  try {
    const idle = await target.stats();
    const facilitator = await connect(target.url, target.facilitatorToken);
    const rate = scenario.rateFor ? scenario.rateFor(n, opts.rate) : opts.rate;
    const writerCount = scenario.writers({ rate });
    const writerJoins = [];
    for (let i = 0; i < writerCount; i++) writerJoins.push(await target.join(`Rédaction ${i + 1}`));
    await target.promote(writerJoins.map((w) => w.participantId));
    const writers = await Promise.all(writerJoins.map(async (w) => ({ socket: await connect(target.url, w.token), received: 0 })));
    const screens = await ramp(target, opts.screens, { rate: 10, screen: true, count: scenario.event });
    const members = await ramp(target, n, { rate: opts.rampRate, count: scenario.event });
    all.push(...writers, ...screens.clients, ...members.clients);
    const { joinMs, socketMs, maxInFlight } = members.timing;
    const [j, h] = [summary(joinMs), summary(socketMs)];
    log(
      `${target.name} n=${n}: ${members.clients.length} connected in ${members.rampMs} ms, ${[...members.failures.values()].reduce((a, b) => a + b, 0)} failures; ` +
        `join p50/p99/max ${fmt(j.p50)}/${fmt(j.p99)}/${fmt(j.max)} ms, handshake ${fmt(h.p50)}/${fmt(h.p99)}/${fmt(h.max)} ms, at most ${maxInFlight} under way`,
    );
    await sleep(1500); // presence settles
    const connected = await target.stats(true);
    const perParticipant = (key) => (connected.memory[key] - idle.memory[key]) / Math.max(1, members.clients.length) / 1024;
    for (const c of all) c.received = 0;
    // The load generator's own lag: acks and projector times are read on its event loop.
    const clientLoop = monitorEventLoopDelay({ resolution: 10 });
    clientLoop.enable();
    const clientCpu = process.cpuUsage();
    const t0 = performance.now();
    const run = await scenario.run({ target, facilitator, writers, members: members.clients, screens: screens.clients, rate, seconds: opts.seconds });
    const wallMs = performance.now() - t0;
    clientLoop.disable();
    const clientCpuUs = process.cpuUsage(clientCpu);
    const client = { eventLoopP99: clientLoop.percentile(99) / 1e6, cpuPct: ((clientCpuUs.user + clientCpuUs.system) / 1000 / wallMs) * 100 };
    log(`${target.name} n=${n}: load generator during the scenario: event-loop delay p99 ${fmt(client.eventLoopP99)} ms, CPU ${fmt(client.cpuPct)} %`);
    const end = await target.stats();
    const cpuMs = (end.cpu.user - connected.cpu.user + end.cpu.system - connected.cpu.system) / 1000;
    const burst = scenario.burst ? await scenario.burst({ facilitator, members: members.clients, target }) : undefined;
    facilitator.disconnect();
    return {
      n,
      target: target.name,
      connected: members.clients.length,
      rampMs: members.rampMs,
      joinMs: summary(members.timing.joinMs),
      handshakeMs: summary(members.timing.socketMs),
      maxJoinsInFlight: members.timing.maxInFlight,
      failures: Object.fromEntries(members.failures),
      rate,
      ack: summary(run.acks),
      v2p: summary(run.v2p),
      ok: run.ok,
      failed: run.failed,
      opsPerSec: (run.ok / run.durationMs) * 1000,
      deliveriesPerSec: (all.reduce((s, c) => s + c.received, 0) / wallMs) * 1000,
      eventLoopP99: end.eventLoop.p99,
      rssKB: perParticipant('rss'),
      heapKB: perParticipant('heapUsed'),
      cpuPct: (cpuMs / wallMs) * 100,
      client,
      gcForced: connected.gcForced,
      burst,
    };
  } catch (error) {
    log(`${target.name} server log tail:\n${target.tail().join('\n')}`);
    throw error;
  } finally {
    if (process.env.BENCH_SERVER_LOG) log(`${target.name} server log tail:\n${target.tail().join('\n')}`);
    closeAll(all);
    await target.stop();
  }
}

const results = [];
for (const n of sizes) {
  for (const make of [palabreTarget, baselineTarget].filter((f) => args.targets.includes(f().name))) {
    try {
      results.push(await measure(make(), n));
    } catch (error) {
      log(`n=${n}: ${error.stack ?? error}`);
      results.push({ n, target: make().name, error: String(error.message ?? error).split('\n')[0] });
    }
  }
}

const header = ['N', 'server', 'ramp s', 'fail', 'ack p50', 'ack p95', 'ack p99', 'v→proj p50', 'v→proj p95', 'v→proj p99', 'ops/s', 'deliveries/s', 'EL p99 ms', 'RSS KB/p', 'heap KB/p', 'CPU %'];
const rows = [];
for (const r of results) {
  if (r.error) {
    rows.push([r.n, r.target, `error: ${r.error}`, ...header.slice(3).map(() => '')]);
    continue;
  }
  const b = r.target === 'palabre' ? results.find((x) => x.n === r.n && x.target === 'baseline' && !x.error) : undefined;
  const fails = Object.values(r.failures).reduce((a, c) => a + c, 0);
  rows.push([
    r.n,
    r.target,
    withRatio(r.rampMs / 1000, b?.rampMs / 1000, 1),
    fails,
    withRatio(r.ack.p50, b?.ack.p50, 1),
    withRatio(r.ack.p95, b?.ack.p95, 1),
    withRatio(r.ack.p99, b?.ack.p99, 1),
    withRatio(r.v2p.p50, b?.v2p.p50, 1),
    withRatio(r.v2p.p95, b?.v2p.p95, 1),
    withRatio(r.v2p.p99, b?.v2p.p99, 1),
    withRatio(r.opsPerSec, b?.opsPerSec, 0),
    withRatio(r.deliveriesPerSec, b?.deliveriesPerSec, 0),
    withRatio(r.eventLoopP99, b?.eventLoopP99, 1),
    withRatio(r.rssKB, b?.rssKB, 1),
    withRatio(r.heapKB, b?.heapKB, 1),
    withRatio(r.cpuPct, b?.cpuPct, 0),
  ]);
}
console.log(`\nPalabre bench — ${scenario.name}; ${cpus().length} cores, load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)} (anything above ~1 means other processes share the cores); ramp ${opts.rampRate}/s; ${opts.screens} projectors; times in ms; (×n) = Palabre / baseline\n`);
console.log(table(header, rows));
for (const r of results.filter((x) => x.burst)) console.log(`burst n=${r.n} ${r.target}: ${JSON.stringify(r.burst)}`);
for (const r of results.filter((x) => !x.error && Object.keys(x.failures).length)) console.log(`failures n=${r.n} ${r.target}: ${JSON.stringify(r.failures)}`);
console.log(`rates: ${results.filter((r) => !r.error).map((r) => `${r.target}@${r.n}=${r.rate}/s (${r.ok} ok, ${r.failed} failed)`).join(', ')}`);
if (args.json) writeFileSync(args.json, JSON.stringify({ at: new Date().toISOString(), scenario: scenario.name, opts, results }, null, 2));
process.exit(0);
