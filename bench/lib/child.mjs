// Spawning and stopping a server process for one bench run (API or baseline), always on 127.0.0.1.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { sleep } from './stats.mjs';

/** A free loopback port (the OS picks it; tiny race accepted for a bench). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `node --expose-gc <script>` with env; keeps the last lines of output for error reports. */
export function startChild(script, env, label) {
  const tail = [];
  // BENCH_CPU_PROF=<dir>: V8 CPU profile of each server, written when it stops (open in Chrome DevTools).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, ['--expose-gc', ...prof, script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) tail.push(line);
    while (tail.length > 40) tail.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    child,
    label,
    tail,
    get exited() {
      return exited;
    },
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      for (let i = 0; i < 100 && !exited; i++) await sleep(100);
      if (!exited) child.kill('SIGKILL');
    },
  };
}

/** Polls `url` until it answers 2xx (bounded). */
export async function waitHttp(url, proc, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exited) throw new Error(`${proc.label} exited during start:\n${proc.tail.join('\n')}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${proc.label} did not answer ${url} within ${timeoutMs} ms:\n${proc.tail.join('\n')}`);
}

export async function getJson(url, init) {
  const res = await fetch(url, init);
  const body = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${body?.error?.code ?? ''} ${init?.method ?? 'GET'} ${new URL(url).pathname}`);
  return body;
}
