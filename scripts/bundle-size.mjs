// `node scripts/bundle-size.mjs` (after `npm run build`): the JavaScript a member's phone downloads
// before the participant pages (home, join, session) can run — the app's entry chunk and every chunk
// it imports statically, read from Vite's manifest — gzipped, against a budget of 150 kB.
// Staff, projector and archive pages, activity views and the English catalogue are lazy chunks and
// are not counted. Exits 1 above the budget. `npm test` runs it as one check (scripts/test.mjs).
//   --dist <dir>      built web app (default apps/web/dist)
//   --budget <bytes>  default 150000 (kB as Vite prints them: 1 kB = 1,000 bytes)
//   --json <file>     also write the measurement as JSON
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 150_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The manifest's entry for the app's HTML page (the one entry a visitor loads first). */
export function entryKey(manifest) {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  const html = entries.find(([key]) => key.endsWith('index.html'));
  const found = html ?? entries[0];
  if (!found) throw new Error('The Vite manifest has no entry chunk (is build.manifest enabled?)');
  return found[0];
}

/** Manifest keys of an entry and of everything it imports statically, transitively, in load order. */
export function staticChunks(manifest, key) {
  const seen = new Set();
  const visit = (k) => {
    if (seen.has(k)) return;
    const chunk = manifest[k];
    if (!chunk) throw new Error(`The Vite manifest has no chunk ${k}`);
    seen.add(k);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return [...seen];
}

/**
 * Gzipped size (level 9, what the server sends) of the entry's JavaScript and its static imports.
 * `readFile(file)` gives a built file's bytes (file as written in the manifest, e.g. assets/index-x.js).
 */
export function measureEntry(manifest, readFile, { key = entryKey(manifest), budget = BUDGET_BYTES } = {}) {
  const chunks = staticChunks(manifest, key).map((k) => {
    const { file } = manifest[k];
    const bytes = readFile(file);
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const gzip = chunks.reduce((n, c) => n + c.gzip, 0);
  const bytes = chunks.reduce((n, c) => n + c.bytes, 0);
  return { entry: key, chunks, bytes, gzip, budget, withinBudget: gzip <= budget };
}

/** Members' activity views (lazy: fetched when an activity is shown), by the manifest's source path. */
const PARTICIPANT_VIEW = /^src\/features\/[^/]+\/components\/\w+(Activity|Participant)\.tsx$/;

/** For each participant view: the gzipped bytes it adds on top of the entry (chunks not already loaded). */
export function participantViews(manifest, readFile, entry = entryKey(manifest)) {
  const loaded = new Set(staticChunks(manifest, entry));
  return Object.keys(manifest)
    .filter((key) => PARTICIPANT_VIEW.test(key))
    .sort()
    .map((key) => {
      const extra = staticChunks(manifest, key).filter((k) => !loaded.has(k));
      const gzip = extra.reduce((n, k) => n + gzipSync(readFile(manifest[k].file), { level: 9 }).length, 0);
      return { view: key.replace(/^.*\//, '').replace(/\.tsx$/, ''), gzip };
    });
}

/** npm packages whose code is in these chunks, from their source maps (to spot, say, zod creeping back). */
export function packagesIn(dist, chunks) {
  const names = new Set();
  for (const { file } of chunks) {
    const map = join(dist, `${file}.map`);
    if (!existsSync(map)) continue;
    for (const source of JSON.parse(readFileSync(map, 'utf8')).sources ?? []) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
      if (match) names.add(match[1]);
    }
  }
  return [...names].sort();
}

const kB = (n) => `${(n / 1000).toFixed(2)} kB`;

function main(argv) {
  const option = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const dist = option('dist', join(ROOT, 'apps/web/dist'));
  const budget = Number(option('budget', BUDGET_BYTES));
  const manifestFile = join(dist, '.vite/manifest.json');
  if (!existsSync(manifestFile)) {
    console.error(`No ${manifestFile}: build the web app first (npm run build).`);
    return 1;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const result = measureEntry(manifest, (file) => readFileSync(join(dist, file)), { budget });
  console.log('Participant route JavaScript (entry + static imports):');
  for (const c of result.chunks) console.log(`  ${c.file.padEnd(44)} ${kB(c.bytes).padStart(11)}  gzip ${kB(c.gzip).padStart(10)}`);
  console.log(`  packages: ${packagesIn(dist, result.chunks).join(', ') || 'none found (no source maps?)'}`);
  const views = participantViews(manifest, (file) => readFileSync(join(dist, file)));
  if (views.length) console.log(`  then, when an activity is shown (lazy, not counted): ${views.map((v) => `${v.view} +${kB(v.gzip)}`).join(', ')}`);
  const verdict = result.withinBudget ? 'within' : 'OVER';
  console.log(`Participant route: ${kB(result.gzip)} gzipped (${kB(result.bytes)} raw), ${verdict} the ${kB(budget)} budget`);
  const json = option('json');
  if (json) writeFileSync(json, JSON.stringify(result, null, 2));
  return result.withinBudget ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(main(process.argv.slice(2)));
