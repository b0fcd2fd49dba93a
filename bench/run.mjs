#!/usr/bin/env node
// `npm run bench`: the same socket.io-client swarm against the built Palabre API and against the
// minimal socket.io baseline, for each size; one table with ratios. Loopback traffic only.
//   node bench/run.mjs [--sizes 250,1000,2000] [--large] [--scenario auto|survey|activity]
//                      [--rate 100] [--seconds 10] [--ramp 250] [--screens 2] [--flood 1000] [--no-anonymous] [--no-build] [--json file]
//                      [--nodes 2] [--check]
// --nodes K: one API node at N against K nodes over the machine's Redis at K × N (the ratio column
// compares them; the baseline is not run; --targets nodes runs the K nodes only). --check: exit 1 on any error, failed join or ballot, or a
// ballot lost or duplicated in the database (the CI smoke: `npm run bench:smoke`).
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startFlooder } from './lib/flooder.mjs';
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
    // Commands per second of the one flooding member in the flood phase (palabre only); 0 skips the phase.
    flood: { type: 'string', default: '1000' },
    // The anonymous-survey round (ack p99 beside the named one); --no-anonymous skips it.
    anonymous: { type: 'boolean', default: true },
    'no-anonymous': { type: 'boolean', default: false },
    json: { type: 'string' },
    nodes: { type: 'string', default: '1' },
    check: { type: 'boolean', default: false },
  },
});
if (args['no-anonymous']) args.anonymous = false;
const sizes = args.sizes.split(',').map(Number).filter((n) => n > 0 && n <= 10_000);
if (args.large && !sizes.includes(5000)) sizes.push(5000);
const nodeCount = Math.max(1, Number(args.nodes) || 1);
const opts = { rate: Number(args.rate), seconds: Number(args.seconds), rampRate: Number(args.ramp), screens: Number(args.screens), flood: Number(args.flood) };
const log = (...m) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);

if (!args['no-build']) {
  log('building contracts, domain and api…');
  execSync('npm run build -w libs/contracts -w libs/domain -w apps/api', { stdio: ['ignore', 'ignore', 'inherit'], cwd: new URL('..', import.meta.url) });
}
const scenario = pickScenario(args.scenario);
const loadBefore = loadavg()[0];
log(`scenario: ${scenario.name}; sizes ${sizes.join(', ')}; ${cpus().length} cores; load average ${loadBefore.toFixed(1)}`);

/** The load generator's own event-loop delay and CPU while `work` runs: acks and projector times are read on its loop. */
async function generatorLoad(work) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const wallMs = performance.now() - t0;
  loop.disable();
  const used = process.cpuUsage(cpu);
  return { result, wallMs, client: { eventLoopP99: loop.percentile(99) / 1e6, cpuPct: ((used.user + used.system) / 1000 / wallMs) * 100 } };
}

/**
 * The flood phase (issue #8, abuse): the scenario's steady round again while one more member sends
 * `opts.flood` commands per second; the others' p99 with the flood against the main round's.
 */
async function floodPhase(target, { facilitator, members, screens, rate }) {
  const joined = await target.join('Inondation');
  const before = await target.stats(true); // as for the main round: resets the server's event-loop histogram
  const { result: run, wallMs, client } = await generatorLoad(() =>
    scenario.flood({
      facilitator,
      members,
      screens,
      rate,
      startFlooder: (questionId) => startFlooder({ url: target.url, token: joined.token, questionId, rate: opts.flood }),
    }),
  );
  const after = await target.stats();
  const cpuMs = (after.cpu.user - before.cpu.user + after.cpu.system - before.cpu.system) / 1000;
  return {
    rate: opts.flood,
    ack: summary(run.acks),
    v2p: summary(run.v2p),
    ok: run.ok,
    failed: run.failed,
    eventLoopP99: after.eventLoop.p99,
    cpuPct: (cpuMs / wallMs) * 100,
    client,
    flooder: run.flooder,
  };
}

/** One server (or K nodes), one size: ramp, memory after GC, the write scenario, (palabre) the flood phase, then (ballots) the burst. */
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
    const { result: run, wallMs, client } = await generatorLoad(() =>
      scenario.run({ target, facilitator, writers, members: members.clients, screens: screens.clients, rate, seconds: opts.seconds }),
    );
    log(`${target.name} n=${n}: load generator during the scenario: event-loop delay p99 ${fmt(client.eventLoopP99)} ms, CPU ${fmt(client.cpuPct)} %`);
    const end = await target.stats();
    const cpuMs = (end.cpu.user - connected.cpu.user + end.cpu.system - connected.cpu.system) / 1000;
    const deliveriesPerSec = (all.reduce((s, c) => s + c.received, 0) / wallMs) * 1000;
    const [ack, v2p] = [summary(run.acks), summary(run.v2p)];
    // Every member whose ballot was acknowledged has exactly one stored (a change replaces it).
    let stored;
    if (target.kind === 'palabre' && run.questionId) {
      const [row] = await target.query('SELECT ((SELECT count(*) FROM ballot WHERE question_id = $1) + (SELECT count(*) FROM anonymous_ballot WHERE question_id = $1))::int AS n', [run.questionId]);
      stored = { expected: run.voters, stored: row.n };
      log(`${target.name} n=${n}: ${row.n} ballots stored for ${run.voters} members acknowledged (${run.voters - row.n} lost, ${Math.max(0, row.n - run.voters)} extra)`);
    }
    let flood;
    if (opts.flood > 0 && scenario.flood && target.kind === 'palabre') {
      try {
        flood = await floodPhase(target, { facilitator, members: members.clients, screens: screens.clients, rate });
        flood.p99Ratio = { ack: flood.ack.p99 / ack.p99, v2p: flood.v2p.p99 / v2p.p99 };
        const f = flood.flooder;
        log(
          `${target.name} n=${n}: flood: others' ack p99 ${fmt(flood.ack.p99)} ms (${fmt(ack.p99)} without), v→proj p99 ${fmt(flood.v2p.p99)} ms (${fmt(v2p.p99)} without); ` +
            `flooder sent ${f.sent} at ${f.sentPerSec}/s, acks ${JSON.stringify(f.byCode)}; server EL p99 ${fmt(flood.eventLoopP99)} ms, CPU ${fmt(flood.cpuPct)} %; ` +
            `load generator EL p99 ${fmt(flood.client.eventLoopP99)} ms, CPU ${fmt(flood.client.cpuPct)} %`,
        );
      } catch (error) {
        // The main round's figures stand without it; the burst still runs.
        log(`${target.name} n=${n}: flood phase failed: ${error.stack ?? error}`);
        flood = { error: String(error.message ?? error).split('\n')[0] };
      }
    }
    let anonymous;
    if (args.anonymous && scenario.anonymous && target.kind === 'palabre') {
      // The anonymous round (issue #17): same rate and members, ballots mixed before they are acknowledged.
      const round = await scenario.anonymous({ facilitator, members: members.clients, screens: screens.clients, rate });
      anonymous = { ack: summary(round.acks), v2p: summary(round.v2p), ok: round.ok, failed: round.failed };
      log(`${target.name} n=${n}: anonymous ballots: ack p50/p99 ${fmt(anonymous.ack.p50)}/${fmt(anonymous.ack.p99)} ms (named ${fmt(ack.p50)}/${fmt(ack.p99)} ms), v→proj p99 ${fmt(anonymous.v2p.p99)} ms, ${round.failed} failed`);
    }
    const burst = scenario.burst ? await scenario.burst({ facilitator, members: members.clients, target }) : undefined;
    facilitator.disconnect();
    return {
      n,
      target: target.name,
      connected: members.clients.length,
      rampMs: members.rampMs,
      joinMs: summary(members.timing.joinMs),
      handshakeMs: summary(members.timing.socketMs),
      joinPlusHandshakeP99: summary(members.timing.totalMs ?? []).p99,
      maxJoinsInFlight: members.timing.maxInFlight,
      failures: Object.fromEntries(members.failures),
      rate,
      ack,
      v2p,
      ok: run.ok,
      failed: run.failed,
      opsPerSec: (run.ok / run.durationMs) * 1000,
      deliveriesPerSec,
      eventLoopP99: end.eventLoop.p99,
      rssKB: perParticipant('rss'),
      heapKB: perParticipant('heapUsed'),
      cpuPct: (cpuMs / wallMs) * 100,
      client,
      gcForced: connected.gcForced,
      flood,
      anonymous,
      burst,
      stored,
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
// Each size N: Palabre against the baseline, or (--nodes K) one node at N against K nodes at K × N.
const runs =
  nodeCount > 1
    ? [
        { key: 'palabre', make: () => palabreTarget(), size: (n) => n },
        { key: 'nodes', make: () => palabreTarget({ nodes: nodeCount }), size: (n) => n * nodeCount },
      ].filter((r) => args.targets.split(',').includes(r.key) || args.targets === 'palabre,baseline')
    : [
        { make: () => palabreTarget(), size: (n) => n },
        { make: () => baselineTarget(), size: (n) => n },
      ].filter((r) => args.targets.includes(r.make().kind));
const reference = nodeCount > 1 ? 'palabre' : 'baseline';
for (const n of sizes) {
  for (const { make, size } of runs) {
    try {
      results.push({ ...(await measure(make(), size(n))), group: n });
    } catch (error) {
      log(`n=${size(n)}: ${error.stack ?? error}`);
      results.push({ n: size(n), group: n, target: make().name, error: String(error.message ?? error).split('\n')[0] });
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
  const b = r.target !== reference ? results.find((x) => x.group === r.group && x.target === reference && !x.error) : undefined;
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
console.log(`\nPalabre bench — ${scenario.name}; ${cpus().length} cores, load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)} (anything above ~1 means other processes share the cores); ramp ${opts.rampRate}/s; ${opts.screens} projectors; times in ms; (×n) = ${nodeCount > 1 ? `${nodeCount} nodes over Redis at ${nodeCount} × N / one node at N` : 'Palabre / baseline'}\n`);
console.log(table(header, rows));
// The join storm (issue #26): the ramp at --ramp per second; join = REST join, handshake = socket.
console.log(`\nJoin storm: N members arriving at ${opts.rampRate}/s; ramp = first join to last socket connected; times in ms\n`);
console.log(
  table(
    ['N', 'server', 'ramp s', 'join p50', 'join p99', 'handshake p50', 'handshake p99', 'join+handshake p99', 'most under way'],
    results
      .filter((r) => !r.error)
      .map((r) => {
        const b = r.target !== reference ? results.find((x) => x.group === r.group && x.target === reference && !x.error) : undefined;
        return [
          r.n,
          r.target,
          withRatio(r.rampMs / 1000, b?.rampMs / 1000, 1),
          withRatio(r.joinMs.p50, b?.joinMs.p50, 1),
          withRatio(r.joinMs.p99, b?.joinMs.p99, 1),
          withRatio(r.handshakeMs.p50, b?.handshakeMs.p50, 1),
          withRatio(r.handshakeMs.p99, b?.handshakeMs.p99, 1),
          withRatio(r.joinPlusHandshakeP99, b?.joinPlusHandshakeP99, 1),
          r.maxJoinsInFlight,
        ];
      }),
  ),
);
const flooded = results.filter((r) => r.flood);
if (flooded.length) {
  const ratio = (withFlood, without) => `${fmt(withFlood)} / ${fmt(without)} (×${fmt(withFlood / without, 1)})`;
  console.log(`\nFlood (issue #8: ≤ ×2): the same round again while one more member sends ${opts.flood} ballot.cast/s; others' p99 with / without the flood\n`);
  console.log(
    table(
      ['N', 'ack p99', 'v→proj p99', 'EL p99 ms', 'CPU %', 'gen EL p99', 'flooder sent/s', 'sent', 'acked', 'acks by code'],
      flooded.map((r) => {
        const f = r.flood;
        if (f.error) return [r.n, `error: ${f.error}`, '', '', '', '', '', '', '', ''];
        return [
          r.n,
          ratio(f.ack.p99, r.ack.p99),
          ratio(f.v2p.p99, r.v2p.p99),
          `${fmt(f.eventLoopP99, 1)} / ${fmt(r.eventLoopP99, 1)}`,
          `${fmt(f.cpuPct)} / ${fmt(r.cpuPct)}`,
          `${fmt(f.client.eventLoopP99, 1)} / ${fmt(r.client.eventLoopP99, 1)}`,
          fmt(f.flooder.sentPerSec),
          f.flooder.sent,
          f.flooder.acked,
          Object.entries(f.flooder.byCode).map(([code, count]) => `${code} ${count}`).join(', ') + (f.flooder.disconnected ? ' (flooder disconnected)' : ''),
        ];
      }),
    ),
  );
  console.log(`others during the flood: ${flooded.filter((r) => !r.flood.error).map((r) => `${r.n}: ${r.flood.ok} ok, ${r.flood.failed} failed`).join('; ')}`);
}
for (const r of results.filter((x) => x.burst)) console.log(`burst n=${r.n} ${r.target}: ${JSON.stringify(r.burst)}`);
for (const r of results.filter((x) => !x.error && Object.keys(x.failures).length)) console.log(`failures n=${r.n} ${r.target}: ${JSON.stringify(r.failures)}`);
console.log(`rates: ${results.filter((r) => !r.error).map((r) => `${r.target}@${r.n}=${r.rate}/s (${r.ok} ok, ${r.failed} failed)`).join(', ')}`);
for (const r of results.filter((x) => x.stored)) console.log(`ballots n=${r.n} ${r.target}: ${r.stored.stored} stored for ${r.stored.expected} members acknowledged`);
if (args.json) writeFileSync(args.json, JSON.stringify({ at: new Date().toISOString(), scenario: scenario.name, opts, results }, null, 2));
if (args.check) {
  const problems = results.flatMap((r) => {
    if (r.error) return [`${r.target} n=${r.n}: ${r.error}`];
    const out = [];
    const fails = Object.values(r.failures).reduce((a, c) => a + c, 0);
    if (fails > 0 || r.connected < r.n) out.push(`${r.target} n=${r.n}: ${r.connected} of ${r.n} connected`);
    if (r.failed > 0) out.push(`${r.target} n=${r.n}: ${r.failed} ballots refused`);
    if (r.stored && r.stored.stored !== r.stored.expected) out.push(`${r.target} n=${r.n}: ${r.stored.stored} ballots stored for ${r.stored.expected} members`);
    if (r.v2p.n === 0) out.push(`${r.target} n=${r.n}: the projector saw no results`);
    return out;
  });
  console.log(problems.length ? `check: FAILED\n  ${problems.join('\n  ')}` : 'check: every member connected, every ballot acknowledged and stored once, the projector updated');
  process.exit(problems.length ? 1 : 0);
}
process.exit(0);
