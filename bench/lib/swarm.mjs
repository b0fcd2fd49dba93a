// The socket.io-client swarm: joins over HTTP then opens one websocket per participant, paced.
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { sleep } from './stats.mjs';

/** Opens the /live socket of one participant; resolves when connected, rejects on handshake error or timeout. */
export function connect(url, token, timeoutMs = 20_000) {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: timeoutMs });
    const timer = setTimeout(() => {
      socket.disconnect();
      reject(new Error('CONNECT_TIMEOUT'));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(new Error(err?.data?.code ?? `${err?.message ?? 'connect_error'}${transportCause(err)}`));
    });
  });
}

/** What lies under a transport error ("websocket error"): the ws error's code or message, e.g. " (ECONNRESET)". */
function transportCause(err) {
  const d = err?.description;
  const inner = d?.error ?? d;
  const why = inner?.code ?? inner?.message ?? (typeof d === 'string' ? d : undefined);
  return why ? ` (${String(why).slice(0, 40)})` : '';
}

/** "fetch failed" says nothing: the failure's stage and its cause's code, e.g. "join: fetch failed (ECONNRESET)". */
export function failureLabel(stage, error) {
  const cause = error?.cause;
  const why = cause ? ` (${cause.code ?? cause.message ?? cause})` : '';
  return `${stage}: ${String(error?.message ?? error).slice(0, 60)}${why}`;
}

/**
 * Joins and connects `count` participants at `rate` per second (join + handshake each).
 * Bounded: nothing is started after count/rate + 60 s. Returns the connected clients and failures.
 */
export async function ramp(target, count, { rate = 250, prefix = 'Membre', screen = false, count: countEvent } = {}) {
  const clients = [];
  const failures = new Map();
  const started = Date.now();
  const deadline = started + (count / rate) * 1000 + 60_000;
  const pending = [];
  // Where the time goes during the ramp: REST join and handshake durations, and how many are under way at once.
  const timing = { joinMs: [], socketMs: [], totalMs: [], inFlight: 0, maxInFlight: 0 };
  for (let i = 0; i < count && Date.now() < deadline; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    pending.push(
      (async () => {
        let stage = 'join';
        timing.maxInFlight = Math.max(timing.maxInFlight, ++timing.inFlight);
        try {
          const begun = performance.now();
          let t = begun;
          const who = screen ? await target.joinScreen() : await target.join(`${prefix} ${i + 1}`);
          timing.joinMs.push(performance.now() - t);
          stage = 'socket';
          t = performance.now();
          const socket = await connect(target.url, who.token);
          timing.socketMs.push(performance.now() - t);
          timing.totalMs.push(performance.now() - begun);
          const client = { socket, participantId: who.participantId, received: 0 };
          if (countEvent) socket.on(countEvent, () => client.received++);
          clients.push(client);
        } catch (error) {
          const code = failureLabel(stage, error);
          failures.set(code, (failures.get(code) ?? 0) + 1);
        } finally {
          timing.inFlight--;
        }
      })(),
    );
  }
  await Promise.all(pending);
  return { clients, failures, rampMs: Date.now() - started, timing };
}

/** Sends a command with a fresh opId and resolves with { ack, sentAt, ackedAt } (ack = undefined on timeout). */
export async function command(socket, name, payload, timeoutMs = 10_000) {
  const body = { opId: randomUUID(), ...payload };
  const sentAt = performance.now();
  try {
    const ack = await socket.timeout(timeoutMs).emitWithAck(name, body);
    return { ack, sentAt, ackedAt: performance.now() };
  } catch {
    return { ack: undefined, sentAt, ackedAt: performance.now() };
  }
}

export function closeAll(clients) {
  for (const c of clients) c.socket.disconnect();
}
