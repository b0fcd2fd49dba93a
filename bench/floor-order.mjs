#!/usr/bin/env node
// `npm run bench:floor`: how long the server takes to re-order a speakers' list after a change.
// It times libs/domain `orderFloor` (what FloorService and the broadcaster run after every
// request, withdrawal, move or turn) on lists shaped like the demo roster, with a history of
// speakers already heard in the item and cumulative speaking times for the whole session.
//   node bench/floor-order.mjs [--sizes 100,300,1000] [--runs 200]
// Needs the built library: `npm run build -w libs/contracts -w libs/domain` (done by the npm script).
import { parseArgs } from 'node:util';
import { DEFAULT_FLOOR_RULE, orderFloor, seededRandom } from '../libs/domain/dist/index.js';

const { values: args } = parseArgs({ options: { sizes: { type: 'string', default: '100,300,1000' }, runs: { type: 'string', default: '200' } } });
const sizes = args.sizes.split(',').map(Number).filter((n) => n > 0 && n <= 5000);
const runs = Math.max(10, Math.min(5000, Number(args.runs)));
const TYPES = [['metropole', 2], ['agglomeration', 19], ['territoire_projet', 20], ['bourg_centre', 17]];
const PERIMETERS = TYPES.flatMap(([type, n]) => Array.from({ length: n }, (_, i) => ({ territory: `${type}-${i}`, territoryType: type })));


function scene(size) {
  const random = seededRandom(size);
  const person = (i) => ({
    participantId: `m${i}`,
    gender: i % 2 === 0 ? 'femme' : 'homme',
    category: i % 5 < 3 ? 'elu' : 'citoyen',
    ...PERIMETERS[i % PERIMETERS.length],
  });
  const waiting = Array.from({ length: size }, (_, i) => ({
    ...person(Math.floor(random() * 250)),
    id: `r${String(i).padStart(5, '0')}`,
    arrival: i,
    priority: i < 2,
    pinned: i % 97 === 5 ? 3 : null,
  }));
  const heard = Array.from({ length: 20 }, (_, i) => person(i * 7));
  const spokenMs = new Map(Array.from({ length: 250 }, (_, i) => [`m${i}`, Math.floor(random() * 600_000)]));
  return { waiting, context: { heard, spokenMs, rule: DEFAULT_FLOOR_RULE } };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
console.log(`floor re-ordering (libs/domain orderFloor), ${runs} runs per size, node ${process.version}`);
console.log('requests | median ms | p95 ms | max ms | target');
for (const size of sizes) {
  const { waiting, context } = scene(size);
  for (let i = 0; i < 20; i += 1) orderFloor(waiting, context); // warm-up
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    orderFloor(waiting, context);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p95 = quantile(times, 0.95);
  const target = size === 300 ? (p95 <= 50 ? '≤ 50 ms: met' : '≤ 50 ms: MISSED') : '';
  console.log(`${String(size).padStart(8)} | ${quantile(times, 0.5).toFixed(2).padStart(9)} | ${p95.toFixed(2).padStart(6)} | ${times[times.length - 1].toFixed(2).padStart(6)} | ${target}`);
}
