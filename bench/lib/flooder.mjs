// The flood phase's abusive member, in a worker thread: it paces its own sends, so a busy main
// loop (which times the others' acks and projector updates) neither slows the flood down nor is
// slowed by it beyond the CPU they share.
//   main → worker: { type: 'go' } then { type: 'stop' }; worker → main: 'ready', then the result.
import { randomUUID } from 'node:crypto';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { connect } from './swarm.mjs';
import { sleep } from './stats.mjs';

const TICK_MS = 2; // sends what is due every tick: 1,000/s is 2 per tick
const ACK_GRACE_MS = 5000;
const BIG = 'x'.repeat(48 * 1024); // under the 64 KB message cap (a bigger one closes the socket), far over any field's limit

/** What the flooder sends, in turn: mostly valid fresh ballots, 1 in 10 an invalid choice, 1 in 100 an oversized one. */
function payload(i, questionId) {
  if (i % 100 === 99) return { opId: randomUUID(), questionId, value: { type: 'yesno', choice: BIG } };
  if (i % 10 === 9) return { opId: randomUUID(), questionId, value: { type: 'yesno', choice: 'peut-être' } };
  return { opId: randomUUID(), questionId, value: { type: 'yesno', choice: i % 2 ? 'yes' : 'no' } };
}

async function flood({ url, token, questionId, rate }) {
  const socket = await connect(url, token);
  // One accepted ballot first: the flooder is a voter of the question from the start (the scenario counts it apart).
  const first = await socket.timeout(5000).emitWithAck('ballot.cast', payload(0, questionId));
  if (!first?.ok) throw new Error(`first ballot refused: ${JSON.stringify(first?.error)}`);
  const byCode = {};
  let sent = 0;
  let acked = 0;
  let stop = false;
  parentPort.on('message', (m) => m.type === 'stop' && (stop = true));
  parentPort.postMessage({ type: 'ready' });
  await new Promise((resolve) => parentPort.once('message', (m) => m.type === 'go' && resolve()));
  const started = performance.now();
  while (!stop) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; sent < due; sent++) {
      socket.emit('ballot.cast', payload(sent, questionId), (ack) => {
        acked++;
        const code = ack?.ok ? 'ok' : (ack?.error?.code ?? 'malformed ack');
        byCode[code] = (byCode[code] ?? 0) + 1;
      });
    }
    await sleep(TICK_MS);
  }
  const sendMs = performance.now() - started;
  const deadline = performance.now() + ACK_GRACE_MS;
  while (acked < sent && performance.now() < deadline && socket.connected) await sleep(20);
  if (acked < sent) byCode.NO_ACK = sent - acked;
  const disconnected = !socket.connected;
  socket.disconnect();
  return { sent, sendMs: Math.round(sendMs), sentPerSec: Math.round((sent / sendMs) * 1000), acked, byCode, disconnected };
}

if (!isMainThread && workerData?.flooder) {
  flood(workerData)
    .then((result) => parentPort.postMessage({ type: 'result', result }))
    .catch((error) => parentPort.postMessage({ type: 'error', message: String(error?.message ?? error) }));
}

/**
 * Starts the flooder for one member's token; resolves once its socket is connected and its first ballot stored.
 * `go()` starts the flood, `stop()` ends it and resolves with its counts once its acks are in.
 */
export async function startFlooder({ url, token, questionId, rate }) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { flooder: true, url, token, questionId, rate } });
  const next = () =>
    new Promise((resolve, reject) => {
      worker.once('message', (m) => (m.type === 'error' ? reject(new Error(`flooder: ${m.message}`)) : resolve(m)));
      worker.once('error', reject);
    });
  await next(); // ready
  return {
    go: () => worker.postMessage({ type: 'go' }),
    async stop() {
      const done = next();
      worker.postMessage({ type: 'stop' });
      const { result } = await done;
      await worker.terminate();
      return result;
    },
  };
}
