// `npm start`: builds what is missing or stale, then runs the built API (which serves the web app)
// with the embedded database under ./data unless DATABASE_URL is set, and the demo seed.
// Flags: --rebuild (build everything), --api-only (do not build the web app), --verbose (all server logs).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureBuilt, ROOT } from './lib/build.mjs';

const args = new Set(process.argv.slice(2));
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

console.log('Palabre: checking the build…');
try {
  const built = await ensureBuilt({ force: args.has('--rebuild'), skip: args.has('--api-only') ? ['apps/web'] : [] });
  console.log(built.length ? `Build done in ${seconds()} s.` : 'Everything is up to date.');
} catch (error) {
  console.error(`\n${error.message}\n`);
  if (error.target === 'apps/web') console.error('The API can still be started without the web app: npm start -- --api-only');
  process.exit(1);
}

const env = { ...process.env, DATA_DIR: resolve(ROOT, process.env.DATA_DIR ?? 'data') };
console.log(env.DATABASE_URL ? 'Database: DATABASE_URL.' : `Database: embedded, under ${env.DATA_DIR} (the first start initialises it, ~10 s).`);

// Own process group: a terminal Ctrl-C reaches only this script, which forwards exactly one signal,
// so a second Ctrl-C cannot kill the server in the middle of closing the embedded database.
const server = spawn(process.execPath, ['apps/api/dist/main.js'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });

// Nest's start-up lines (modules, mapped routes) bury the useful ones: hidden unless --verbose.
const NOISE = /\b(InstanceLoader|RoutesResolver|RouterExplorer|WebSocketsController|NestFactory|NestApplication)\b/;
const ANSI = /\x1b\[[0-9;]*m/g;
const banner = [];
let bannerTimer;
let bannerShown = false;

function printBanner() {
  bannerShown = true;
  const lines = [`Palabre is ready (${seconds()} s after npm start)`, ...banner, 'Stop with Ctrl-C: data under ./data is kept.'];
  const width = Math.max(...lines.map((l) => l.length));
  console.log(`\n┌${'─'.repeat(width + 2)}┐\n${lines.map((l) => `│ ${l.padEnd(width)} │`).join('\n')}\n└${'─'.repeat(width + 2)}┘\n`);
}

function forward(stream, out) {
  let rest = '';
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.replace(ANSI, '');
      if (!args.has('--verbose') && NOISE.test(line)) continue;
      out.write(`${raw}\n`);
      // main.ts logs the address, then the demo accounts and join code: gather them into one box.
      const message = line.replace(/^.*?\[(Palabre)\]\s*/, '');
      if (!bannerShown && line.includes('[Palabre]')) {
        banner.push(message);
        clearTimeout(bannerTimer);
        bannerTimer = setTimeout(printBanner, 150);
      }
    }
  });
}
forward(server.stdout, process.stdout);
forward(server.stderr, process.stderr);

let signalled = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    signalled++;
    if (signalled === 1) {
      console.log(`\n${signal}: stopping Palabre cleanly…`);
      server.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
    } else if (signalled === 3) {
      console.log('Forcing the stop (the embedded database may need recovery on the next start).');
      server.kill('SIGKILL');
    } else console.log('Still closing the database… (Ctrl-C twice more to force)');
  });
}
server.on('exit', (code, signal) => {
  if (code !== 0 && !signalled) console.error(`Palabre stopped unexpectedly (${signal ?? `exit code ${code}`}).`);
  else if (signalled) console.log('Palabre stopped.');
  process.exit(code ?? (signal ? 1 : 0));
});
