// Builds what is missing or stale, in dependency order. A package is stale when a source file
// (or its tsconfig/package.json) is newer than the stamp its last successful build wrote, or
// when a package it depends on was built after it.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const STAMP = '.palabre-build-stamp';

/** What `npm start` and `npm test` need, in build order. */
export const TARGETS = [
  { name: 'libs/contracts', inputs: ['libs/contracts/src', 'libs/contracts/tsconfig.json', 'libs/contracts/tsconfig.build.json', 'libs/contracts/package.json'], deps: [], command: [process.execPath, TSC, '-p', 'libs/contracts/tsconfig.build.json'] },
  { name: 'libs/domain', inputs: ['libs/domain/src', 'libs/domain/tsconfig.json', 'libs/domain/tsconfig.build.json', 'libs/domain/package.json'], deps: ['libs/contracts'], command: [process.execPath, TSC, '-p', 'libs/domain/tsconfig.build.json'] },
  { name: 'apps/api', inputs: ['apps/api/src', 'apps/api/tsconfig.json', 'apps/api/tsconfig.build.json', 'apps/api/package.json'], deps: ['libs/contracts', 'libs/domain'], command: [process.execPath, TSC, '-p', 'apps/api/tsconfig.build.json'] },
  // Vite reads the libs from source (alias), so their sources are inputs of the web build too.
  { name: 'apps/web', inputs: ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/package.json', 'apps/web/public', 'libs/contracts/src', 'libs/domain/src'], deps: [], command: ['npm', 'run', 'build', '-w', 'apps/web'], optional: true },
];

function newestMtime(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its directory's mtime
  for (const entry of readdirSync(full)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function stampOf(name) {
  const file = join(ROOT, name, 'dist', STAMP);
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

export function staleTargets({ force = false, only } = {}) {
  const stale = new Set();
  for (const t of TARGETS) {
    if (only && !only.includes(t.name)) continue;
    if (t.optional && !existsSync(join(ROOT, t.name, 'package.json'))) continue;
    const stamp = stampOf(t.name);
    const outdated = force || stamp === 0 || t.inputs.some((i) => newestMtime(i) > stamp) || t.deps.some((d) => stale.has(d) || stampOf(d) > stamp);
    if (outdated) stale.add(t.name);
  }
  return TARGETS.filter((t) => stale.has(t.name));
}

/**
 * Runs a command; `nice` lowers its CPU priority (see scripts/test.mjs: the suites that only need
 * CPU yield to the journeys, which wait on a browser and a socket and slow down when they queue).
 */
export function run(command, { cwd = ROOT, env = process.env, quiet = false, nice = 0 } = {}) {
  return new Promise((resolve) => {
    const argv = nice > 0 ? ['nice', '-n', String(nice), ...command] : command;
    const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/**
 * Builds the stale targets. Returns the names built; throws (with the compiler output) on failure.
 * `skip` leaves targets out (e.g. the web app for an API-only start).
 */
export async function ensureBuilt({ force = false, skip = [], log = console.log } = {}) {
  const built = [];
  for (const target of staleTargets({ force })) {
    if (skip.includes(target.name)) continue;
    const started = Date.now();
    log(`  building ${target.name}…`);
    const { code, output } = await run(target.command, { quiet: true });
    if (code !== 0) {
      const error = new Error(`Build of ${target.name} failed:\n${output.trim()}`);
      error.target = target.name;
      throw error;
    }
    writeFileSync(join(ROOT, target.name, 'dist', STAMP), `${new Date().toISOString()}\n`);
    log(`  built ${target.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    built.push(target.name);
  }
  return built;
}
