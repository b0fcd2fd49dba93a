// The baseline: the least a socket.io server can do for the same traffic — no database, no
// validation, no permissions. Same wire protocol as Palabre's /live namespace for the commands
// the bench sends, so every Palabre figure can be read as a ratio to this one.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Server } from 'socket.io';

const PORT = Number(process.env.PORT ?? 0);
const STATS_PORT = Number(process.env.STATS_PORT ?? 0);
const ROOM = 'session';
const RESULTS_EVERY_MS = 250; // fixed 4 updates/s: Palabre's longest results period (it uses 100 ms up to 2,000 sockets)
const PRESENCE_EVERY_MS = 500;

const http = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/api/sessions/join') {
    req.resume();
    const id = randomUUID();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: id, participant: { id } }));
    return;
  }
  if (req.method === 'GET' && req.url === '/api/health') return void res.writeHead(200).end('{"status":"ok"}');
  res.writeHead(404).end();
});
const io = new Server(http, { transports: ['websocket'], pingInterval: 20000, pingTimeout: 20000 });
const live = io.of('/live');

let version = 0;
const ballots = new Map(); // questionId → Map(voter → value)
const dirty = new Set();
let presenceDirty = false;

live.on('connection', (socket) => {
  const voter = String(socket.handshake.auth?.token ?? socket.id);
  socket.join(ROOM);
  presenceDirty = true;
  socket.on('disconnect', () => (presenceDirty = true));
  socket.on('activity.create', (body, ack) => {
    version++;
    const activity = { id: randomUUID(), kind: body?.kind, title: body?.title, position: version, state: 'draft', groupId: null };
    live.to(ROOM).emit('activity.created', { sessionId: 's', version, activity });
    ack?.({ ok: true, data: activity });
  });
  // A survey of one question opened at once: the bench only needs the question id back.
  socket.on('survey.open', (body, ack) => {
    ack?.({ ok: true, data: { activityId: body?.activityId, questions: [{ id: randomUUID(), state: 'open' }] } });
  });
  socket.on('ballot.cast', (body, ack) => {
    const questionId = String(body?.questionId);
    if (!ballots.has(questionId)) ballots.set(questionId, new Map());
    ballots.get(questionId).set(voter, body?.value);
    dirty.add(questionId);
    ack?.({ ok: true, data: { questionId } });
  });
});

setInterval(() => {
  for (const questionId of dirty) {
    version++;
    live.to(ROOM).emit('results.updated', { sessionId: 's', version, questionId, ballots: ballots.get(questionId).size, results: {} });
  }
  dirty.clear();
}, RESULTS_EVERY_MS).unref();
setInterval(() => {
  if (!presenceDirty) return;
  presenceDirty = false;
  live.to(ROOM).emit('presence.updated', { sessionId: 's', version, presence: { connected: live.sockets.size } });
}, PRESENCE_EVERY_MS).unref();

// Same diagnostics as the API's bench-stats server.
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const ms = (ns) => Math.round((ns / 1e6) * 10) / 10;
const stats = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/stats') return void res.writeHead(404).end();
  if (globalThis.gc) {
    globalThis.gc();
    globalThis.gc();
  }
  const body = {
    memory: process.memoryUsage(),
    gcForced: Boolean(globalThis.gc),
    eventLoop: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean) },
    cpu: process.cpuUsage(),
    uptimeSeconds: process.uptime(),
  };
  if (url.searchParams.get('reset') === '1') histogram.reset();
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
});

http.listen(PORT, '127.0.0.1');
stats.listen(STATS_PORT, '127.0.0.1');
process.once('SIGTERM', () => {
  io.close();
  stats.close();
  process.exit(0);
});
