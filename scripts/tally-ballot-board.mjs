// `node scripts/tally-ballot-board.mjs <file.json>`: recompute the tally of every anonymous
// question from its published ballot board, with no database and no server.
// <file.json> is the session's JSON export (GET /api/sessions/:id/export.json, the sealed record)
// or the public ballot board (GET /api/public/:code/ballot-board).
//   --json        print the results as JSON (one object per question)
//   --find CODE   also say whether a receipt code is on a board, and with which ballot
// The algorithm (docs/decisions.md, "Secret ballots"):
//   1. each board entry must carry receipt = receiptCode(commitment) (the commitment's first 12
//      hex digits, upper case, in groups of four), and no commitment may appear twice;
//   2. the ballots counted are the board's values, every one once, plus the ballots the
//      confirmed paper totals stand for (`paperTotals`, libs/domain `paperBallots`);
//   3. the results are tally(config, values, { present }) of libs/domain (ranking: Borda;
//      majority: majority judgment; yes/no, single, multiple: counts; points: sums; scale:
//      distribution; text: word counts), the function the server and the sealed tables use.
// Exits 1 when a board fails check 1, or when the export also lists the ballots of a question
// and they differ from the board's values.
// Needs the built libs (`npm run build`), for libs/domain.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The boards of a sealed record (JSON export) or of the public ballot-board answer. */
export function boardsOf(doc) {
  if (Array.isArray(doc.questions) && doc.digest) return doc.questions.map((q) => ({ ...q, published: null }));
  const boards = [];
  for (const section of doc.sections ?? []) {
    if (section.kind !== 'survey' || section.anonymity !== 'anonymous') continue;
    for (const q of section.recompute?.questions ?? []) {
      if (q.board) boards.push({ activityTitle: section.title, questionId: q.questionId, prompt: q.prompt, config: q.config, present: q.present, ballots: q.board, published: q.ballots ?? null, paperTotals: q.paperTotals ?? [] });
    }
  }
  return boards;
}

const canonical = (value) =>
  value === null || typeof value !== 'object'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? `[${value.map(canonical).join(',')}]`
      : `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;

/** Checks and tallies one board; `domain` is libs/domain. */
export function recount(board, domain) {
  const problems = [];
  const seen = new Set();
  for (const entry of board.ballots) {
    if (entry.receipt !== domain.receiptCode(entry.commitment)) problems.push(`receipt ${entry.receipt} does not match its commitment`);
    if (seen.has(entry.commitment)) problems.push(`commitment ${entry.commitment} appears twice`);
    seen.add(entry.commitment);
  }
  const values = board.ballots.map((e) => e.value);
  if (board.published) {
    const a = values.map(canonical).sort();
    const b = board.published.map(canonical).sort();
    if (a.length !== b.length || a.some((x, i) => x !== b[i])) problems.push('the ballots listed in the export differ from the board');
  }
  // Confirmed paper totals (issue #25) count as ballots of the same tally.
  const paper = (board.paperTotals ?? []).flatMap((t) => domain.paperBallots(board.config, t));
  const results = domain.tally(board.config, [...values, ...paper], board.present === null || board.present === undefined ? {} : { present: board.present });
  return { questionId: board.questionId, prompt: board.prompt, ballots: values.length + paper.length, results, problems };
}

async function main(argv) {
  const file = argv.find((a) => !a.startsWith('--') && argv[argv.indexOf(a) - 1] !== '--find');
  if (!file) {
    console.error('usage: node scripts/tally-ballot-board.mjs <export.json | ballot-board.json> [--json] [--find CODE]');
    return 2;
  }
  const domain = await import(pathToFileURL(`${ROOT}libs/domain/dist/index.js`).href);
  const boards = boardsOf(JSON.parse(readFileSync(file, 'utf8')));
  const counted = boards.map((b) => recount(b, domain));
  const find = argv.includes('--find') ? domain.normaliseReceiptCode(argv[argv.indexOf('--find') + 1] ?? '') : null;
  if (argv.includes('--json')) console.log(JSON.stringify(counted, null, 2));
  else {
    for (const c of counted) {
      console.log(`${c.prompt} — ${c.ballots} ballots`);
      console.log(`  ${JSON.stringify(c.results)}`);
      for (const p of c.problems) console.log(`  PROBLEM: ${p}`);
    }
    if (counted.length === 0) console.log('No anonymous question in this file.');
  }
  if (find) {
    const hit = boards.flatMap((b) => b.ballots.filter((e) => e.receipt === find).map((e) => ({ prompt: b.prompt, value: e.value })));
    console.error(hit.length ? `Receipt ${find} found: ${hit.map((h) => `${h.prompt}: ${JSON.stringify(h.value)}`).join('; ')}` : `Receipt ${find} is on no board.`);
  }
  return counted.some((c) => c.problems.length > 0) ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main(process.argv.slice(2));
