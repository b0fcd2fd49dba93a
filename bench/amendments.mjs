#!/usr/bin/env node
// `npm run bench:amendments`: how long the consolidated text and the comparison take to regenerate
// after the last vote, for 200 amendments on a 20-page text (issue #22: ≤ 5 s). It times libs/domain
// `consolidate`, `compareTexts` and `votingBlocks` (what the outcomes and every view run) on a
// seeded text of ~1000 lines with a mix of replacements, deletions, insertions and sub-amendments,
// about a third adopted.
//   node bench/amendments.mjs [--lines 1000] [--amendments 200] [--runs 5]
// Needs the built library: `npm run build -w libs/contracts -w libs/domain` (done by the npm script).
import { parseArgs } from 'node:util';
import { compareTexts, consolidate, decideVote, numberLines, seededRandom, votingBlocks } from '../libs/domain/dist/index.js';

const { values: args } = parseArgs({ options: { lines: { type: 'string', default: '1000' }, amendments: { type: 'string', default: '200' }, runs: { type: 'string', default: '5' } } });
const lineCount = Math.max(10, Math.min(20_000, Number(args.lines)));
const count = Math.max(1, Math.min(2000, Number(args.amendments)));
const runs = Math.max(1, Math.min(100, Number(args.runs)));
const random = seededRandom(22);
const pick = (n) => Math.floor(random() * n);
const WORDS = ['territoire', 'mobilité', 'l’assemblée', 'contrat', 'projet', 'engagement', 'commune', 'Région', 'transition', 'solidarité'];
const sentence = (n) => Array.from({ length: n }, () => WORDS[pick(WORDS.length)]).join(' ');

// About 50 lines a page: 20 pages, a paragraph every 5 lines, French punctuation kept.
const source = Array.from({ length: lineCount }, (_, i) => `${sentence(10)}\u00a0: ${sentence(4)}.${i % 5 === 4 ? '\n' : ''}`).join('\n');
const lines = numberLines(source);

let items = [];
for (let i = 1; i <= count; i++) {
  const parent = i > 10 && random() < 0.15 ? items[pick(items.length)] : null;
  if (parent && parent.parentId === null && parent.kind !== 'delete') {
    items.push({ id: `a${i}`, number: i, parentId: parent.id, kind: parent.kind, from: parent.from, to: parent.to, wording: sentence(8), status: 'admissible', fate: null, pinned: null });
    continue;
  }
  const kind = ['replace', 'replace', 'insert', 'delete'][pick(4)];
  const from = kind === 'insert' ? pick(lines.length + 1) : 1 + pick(lines.length - 3);
  const to = kind === 'insert' ? from : from + pick(3);
  items.push({ id: `a${i}`, number: i, parentId: null, kind, from, to, wording: kind === 'delete' ? '' : sentence(12), status: 'admissible', fate: null, pinned: null });
}
// Vote in block order, as the console would: about a third adopted, the incompatible ones fall.
const t0 = performance.now();
for (const block of votingBlocks(items)) {
  for (const id of block.order) {
    const a = items.find((x) => x.id === id);
    if (a.fate !== null || items.some((s) => s.parentId === id && s.fate === null)) continue;
    items = decideVote(items, id, random() < 0.35).items;
  }
}
const voting = performance.now() - t0;

const times = [];
let final = [];
let segments = [];
for (let r = 0; r < runs; r++) {
  const start = performance.now();
  final = consolidate(lines, items);
  segments = compareTexts(lines, items);
  votingBlocks(items);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const fates = items.reduce((m, a) => ({ ...m, [a.fate ?? 'none']: (m[a.fate ?? 'none'] ?? 0) + 1 }), {});
console.log(`Text: ${lines.length} lines (~${Math.round(lines.length / 50)} pages), ${items.length} amendments (${items.filter((a) => a.parentId).length} sub-amendments)`);
console.log(`Fates: ${JSON.stringify(fates)}; all votes decided in ${voting.toFixed(0)} ms`);
console.log(`Consolidated text (${final.length} lines) + comparison (${segments.filter((s) => s.kind === 'change').length} changes) + blocks: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms over ${runs} runs (budget 5000 ms)`);
