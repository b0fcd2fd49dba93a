// `npm test`: every suite — jest (libs/contracts, libs/domain, apps/api with its integration specs)
// alone; then, side by side, the web vitest suite, the two-node bench smoke and the checks (the
// type-check, the lint and the dependency check, one check each, run side by side) in one lane, and
// in the other the participant bundle's weight against its budget (one check) and the Playwright
// journeys against the built app (two halves at once) — and one last line `N passed, N failed`. With DATABASE_URL the integration specs and e2e use that PostgreSQL server,
// otherwise the embedded database. Totals also go to TEST_TOTALS_FILE (default test-results/totals.json).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureBuilt, ROOT, run } from './lib/build.mjs';

const RESULTS = join(ROOT, 'test-results');
const JEST = join(ROOT, 'node_modules/jest/bin/jest.js');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
mkdirSync(RESULTS, { recursive: true });

const runners = [];
/** One build of whatever is stale, shared by every step that needs the built apps (the lanes run side by side). */
let building;
const built = () => (building ??= ensureBuilt());
const started = Date.now();
/**
 * The CPU priority of the first lane (web suite, bench smoke, embedded smoke, checks), which runs
 * beside the journeys. Those suites only need CPU time; a journey waits on its browser, server and
 * socket in turn, and every wait grows when the two cores are queued: at equal priority the
 * journeys took twice as long as alone. At nice 10 the first lane takes the cores the journeys
 * leave idle.
 */
const LANE_NICE = 10;

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Records one runner's counts; a runner that failed without reporting a failure still counts one. */
function record(name, { passed, failed, code, note, seconds }) {
  const f = code !== 0 && failed === 0 ? 1 : failed;
  runners.push({ name, passed, failed: f, note: code !== 0 && failed === 0 ? note ?? `exited with code ${code} without reporting a failed test` : note, seconds });
}

/** jest and vitest share the same JSON summary fields. */
function jestCounts(report) {
  if (!report) return { passed: 0, failed: 0 };
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0) };
}

async function jest(name, cwd, extra = []) {
  const out = join(RESULTS, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`);
  rmSync(out, { force: true });
  console.log(`\n▶ ${name}`);
  const t = Date.now();
  const { code } = await run([process.execPath, '--experimental-vm-modules', JEST, '--maxWorkers=2', '--passWithNoTests', '--json', `--outputFile=${out}`, ...extra], { cwd: join(ROOT, cwd) });
  record(name, { ...jestCounts(readJson(out)), code, seconds: (Date.now() - t) / 1000 });
}

/**
 * CI only (`.ci/run` sets EMBEDDED_SMOKE to a spec pattern): those API integration specs again on
 * the embedded database (one connection, PGlite), where it behaves differently from the server.
 */
async function embeddedSmoke() {
  const pattern = process.env.EMBEDDED_SMOKE;
  if (!pattern) return;
  const out = join(RESULTS, 'api-embedded.json');
  rmSync(out, { force: true });
  console.log('\n▶ apps/api smoke (jest, embedded database)');
  const t = Date.now();
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const { code } = await run(
    [process.execPath, '--experimental-vm-modules', JEST, '--maxWorkers=2', '--testTimeout=180000', '--testPathPatterns', pattern, '--json', `--outputFile=${out}`],
    { cwd: join(ROOT, 'apps/api'), env, nice: LANE_NICE },
  );
  record('apps/api smoke (jest, embedded database)', { ...jestCounts(readJson(out)), code, seconds: (Date.now() - t) / 1000 });
}

async function vitest() {
  const pkg = readJson(join(ROOT, 'apps/web/package.json'));
  if (!pkg?.scripts?.test) return console.log('\n▶ web (vitest): no apps/web test script, skipped');
  const out = join(RESULTS, 'web-vitest.json');
  rmSync(out, { force: true });
  console.log('\n▶ web (vitest)');
  const t = Date.now();
  const { code } = await run(['npm', 'test', '-w', 'apps/web', '--', '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], { nice: LANE_NICE });
  record('web (vitest)', { ...jestCounts(readJson(out)), code, seconds: (Date.now() - t) / 1000 });
}

/**
 * The Playwright journeys as two halves side by side (E2E_PART, see e2e/playwright.config.ts), each
 * on its own server, port and database: a journey mostly waits on the browser and the socket, so two
 * halves take little more than the longer one. The first half streams its progress; the second's
 * output is printed in one block when it ends.
 */
async function e2e() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    const why = `e2e NOT RUN: no Chromium at ${chromium} (install it: apt-get install chromium, or set CHROMIUM_PATH)`;
    console.log(why);
    runners.push({ name: 'e2e (Playwright)', passed: 0, failed: process.env.CI === 'true' ? 1 : 0, note: why, seconds: 0 });
    return;
  }
  const t = Date.now();
  try {
    await built();
  } catch (error) {
    console.error(error.message);
    record('e2e (Playwright)', { passed: 0, failed: 1, code: 1, note: 'build failed', seconds: (Date.now() - t) / 1000 });
    return;
  }
  // Free ports unless one is given (the second half takes the next one): another checkout's journeys may hold the default.
  const base = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined;
  const half = async (part) => {
    const started = Date.now();
    const out = join(RESULTS, `e2e-${part}.json`);
    rmSync(out, { force: true });
    const port = String(base ? base + part - 1 : await freePort());
    const quiet = part === 2;
    console.log(`\n▶ e2e (Playwright), half ${part} of 2${quiet ? ' (output when it ends)' : ''}`);
    const { code, output } = await run([process.execPath, join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'e2e/playwright.config.ts'], {
      env: { ...process.env, CHROMIUM_PATH: chromium, E2E_PORT: port, E2E_PART: String(part) },
      quiet,
    });
    if (quiet) console.log(`\n◀ e2e (Playwright), half ${part} of 2\n${output.trimEnd()}`);
    const report = readJson(out);
    const stats = report?.stats ?? {};
    const errors = report?.errors?.length ?? 0;
    record(`e2e (Playwright), half ${part}`, { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: (stats.unexpected ?? 0) + errors, code, seconds: (Date.now() - started) / 1000 });
  };
  await Promise.all([half(1), half(2)]);
}

/** The participant route's gzipped JavaScript against its budget (scripts/bundle-size.mjs): one check. */
async function bundleSize() {
  console.log('\n▶ web bundle size (participant route)');
  const t = Date.now();
  try {
    await built();
  } catch (error) {
    console.error(error.message);
    record('web bundle size', { passed: 0, failed: 1, code: 1, note: 'build failed', seconds: (Date.now() - t) / 1000 });
    return;
  }
  const out = join(RESULTS, 'bundle-size.json');
  rmSync(out, { force: true });
  const { code } = await run([process.execPath, join(ROOT, 'scripts/bundle-size.mjs'), '--json', out]);
  const report = readJson(out);
  const note = report ? `${(report.gzip / 1000).toFixed(1)} kB of ${(report.budget / 1000).toFixed(0)} kB gzipped` : undefined;
  record('web bundle size', { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, code, note, seconds: (Date.now() - t) / 1000 });
}

/**
 * The two-node bench at a small size (issue #26): two API processes over the machine's PostgreSQL
 * and Redis, 2 × 50 members, every ballot acknowledged and stored once. One check, so the bench's
 * multi-node mode never rots.
 */
async function benchSmoke() {
  console.log('\n▶ bench smoke (2 nodes × 50 members)');
  const t = Date.now();
  try {
    await built();
  } catch (error) {
    console.error(error.message);
    record('bench smoke (2 nodes)', { passed: 0, failed: 1, code: 1, note: 'build failed', seconds: (Date.now() - t) / 1000 });
    return;
  }
  const { code } = await run(['npm', 'run', '--silent', 'bench:smoke'], { nice: LANE_NICE });
  record('bench smoke (2 nodes)', { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, code, seconds: (Date.now() - t) / 1000 });
}

/** A whole-repo command that passes or fails as one check (the type-check, the lint, the dependencies). */
async function check(name, command) {
  const t = Date.now();
  // Quiet: the checks run side by side (below), each printing its output in one block when done.
  const { code, output } = await run(command, { quiet: true, nice: LANE_NICE });
  console.log(`\n◀ ${name}: ${code === 0 ? 'clean' : 'FAILED'} in ${((Date.now() - t) / 1000).toFixed(0)} s${output.trim() ? `\n${output.trimEnd()}` : ''}`);
  return { name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, code, note: code === 0 ? undefined : `\`${command.join(' ')}\` failed`, seconds: (Date.now() - t) / 1000 };
}

const CHECKS = [
  ['typecheck', 'typecheck (tsc, every workspace)', ['npm', 'run', '--silent', 'typecheck']],
  ['lint', 'lint (eslint)', ['npm', 'run', '--silent', 'lint']],
  ['deps', 'dependencies (knip, npm ls)', ['npm', 'run', '--silent', 'deps']],
];

/**
 * The type-check, the lint and the dependency check side by side: tsc and eslint are each one
 * thread, so on two cores the three take about as long as the slowest (issue #20's CI budget).
 * The libs are built once, first: the type-check and the lint read their published types
 * (dist/*.d.ts), as the apps do.
 */
async function checks(selected) {
  const chosen = CHECKS.filter(([key]) => selected(key));
  if (chosen.length === 0) return;
  console.log(`\n▶ ${chosen.map(([, name]) => name).join(', ')} (side by side)`);
  const t = Date.now();
  try {
    await ensureBuilt({ skip: ['apps/api', 'apps/web'] });
  } catch (error) {
    console.error(error.message);
    for (const [, name] of chosen) record(name, { passed: 0, failed: 1, code: 1, note: 'build of the libs failed', seconds: (Date.now() - t) / 1000 });
    return;
  }
  const results = await Promise.all(chosen.map(([, name, command]) => check(name, command)));
  for (const { name, ...result } of results) record(name, result);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const selected = (key) => only.length === 0 || only.includes(key);
const inOrder = (steps) => async () => {
  for (const [key, step] of steps) if (selected(key)) await step();
};
// The libs first (jest and the apps read their published types and code); then jest alone (the
// API's integration specs include timing-sensitive fault and burst specs that need both cores); then
// two lanes side by side: the web suite, the bench smoke, (CI) the embedded smoke and the checks
// (type-check, lint, dependencies) in one, the build and the journeys in the other, where the
// journeys themselves run as two halves (see e2e()): a journey mostly waits on its browser. The
// checks sit in the first lane because it finishes well before the journeys: off the critical path.
if (only.length === 0 || ['contracts', 'domain', 'api'].some((k) => only.includes(k))) await ensureBuilt({ skip: ['apps/api', 'apps/web'] });
await inOrder([
  ['contracts', () => jest('libs/contracts (jest)', 'libs/contracts')],
  ['domain', () => jest('libs/domain (jest)', 'libs/domain')],
  // Each integration file boots a whole app; with the embedded database that includes compiling PGlite's
  // WASM, which on a busy 2-core machine exceeds the config's 30 s hook timeout. A hang still fails.
  ['api', () => jest(`apps/api (jest, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded database'})`, 'apps/api', ['--testTimeout=180000'])],
])();
await Promise.all([
  (async () => {
    await inOrder([
      ['web', vitest],
      ['bench', benchSmoke],
      ['api', embeddedSmoke],
    ])();
    await checks(selected);
  })(),
  inOrder([
    ['size', bundleSize],
    ['e2e', e2e],
  ])(),
]);

const passed = runners.reduce((n, r) => n + r.passed, 0);
const failed = runners.reduce((n, r) => n + r.failed, 0);
console.log('\nSummary');
for (const r of runners) console.log(`  ${r.name.padEnd(44)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(0).padStart(4)} s${r.note ? `  (${r.note})` : ''}`);
console.log(`  total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
writeFileSync(process.env.TEST_TOTALS_FILE ?? join(RESULTS, 'totals.json'), JSON.stringify({ passed, failed, runners }, null, 2));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
