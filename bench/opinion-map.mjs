#!/usr/bin/env node
// The opinion map's recompute (libs/domain opinionMap) on a synthetic assembly: N members answering
// S statements in planted opinion groups, most of the statements answered (the worst case for the
// recompute). Prints p50 / p95 / max of the recompute time and checks the ≤ 1 s p95 target.
//   node bench/opinion-map.mjs [--members 250] [--statements 500] [--runs 20] [--answered 0.8]
// Needs the domain lib built (npm run build -w libs/domain). Run it alone (one core is the target):
//   nice taskset -c 0 node bench/opinion-map.mjs
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';

const require = createRequire(import.meta.url);
const { opinionMap, seededRandom } = require('../libs/domain/dist/index.js');

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '250' },
    statements: { type: 'string', default: '500' },
    runs: { type: 'string', default: '20' },
    answered: { type: 'string', default: '0.8' },
    groups: { type: 'string', default: '3' },
  },
});
const members = Number(args.members);
const statements = Number(args.statements);
const runs = Number(args.runs);
const answered = Number(args.answered);
const groups = Number(args.groups);

const random = seededRandom(42);
const positions = Array.from({ length: groups }, () => Array.from({ length: statements }, () => (random() < 0.5 ? 'agree' : 'disagree')));
const answers = [];
const profiles = new Map();
const pick = (list) => list[Math.floor(random() * list.length)];
for (let m = 0; m < members; m++) {
  const memberId = `m${String(m).padStart(5, '0')}`;
  const g = m % groups;
  profiles.set(memberId, {
    category: pick(['elu', 'citoyen']), gender: pick(['femme', 'homme']),
    territoryType: pick(['metropole', 'agglomeration', 'territoire_projet', 'bourg_centre']), presence: pick(['room', 'remote']),
  });
  for (let s = 0; s < statements; s++) {
    if (random() > answered) continue;
    const r = random();
    const own = positions[g][s];
    answers.push({ memberId, statementId: `s${String(s).padStart(5, '0')}`, vote: r < 0.8 ? own : r < 0.9 ? 'pass' : own === 'agree' ? 'disagree' : 'agree' });
  }
}

// Wall time, and the CPU time of this process (what one core spends: on a shared machine the wall
// time also counts the time other processes hold the core). The target is read on the CPU time.
const wall = [];
const cpu = [];
let last;
for (let i = 0; i < runs + 2; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  last = opinionMap(answers, profiles);
  const ms = performance.now() - t0;
  const used = process.cpuUsage(c0);
  if (i >= 2) { // two warm-up runs (JIT)
    wall.push(ms);
    cpu.push((used.user + used.system) / 1000);
  }
}
const at = (list, q) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.ceil(q * list.length) - 1)];
const line = (label, list) => `  ${label}: p50 ${at(list, 0.5).toFixed(0)} ms · p95 ${at(list, 0.95).toFixed(0)} ms · max ${Math.max(...list).toFixed(0)} ms`;
const p95 = at(cpu, 0.95);
console.log(`opinion map recompute: ${members} members × ${statements} statements, ${answers.length} answers, ${runs} runs; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
console.log(`  groups ${last.groups.length} (silhouette ${last.silhouette}), consensus ${last.consensus.length}, divisive ${last.divisive.length}`);
console.log(line('CPU ', cpu));
console.log(line('wall', wall));
console.log(`  target p95 ≤ 1000 ms of one core: ${p95 <= 1000 ? 'met' : 'NOT met'}`);
process.exitCode = p95 <= 1000 ? 0 : 1;
