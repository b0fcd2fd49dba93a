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
      reject(new Error(err?.data?.code ?? err?.message ?? 'connect_error'));
    });
  });
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
  for (let i = 0; i < count && Date.now() < deadline; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    pending.push(
      (async () => {
        try {
          const who = screen ? await target.joinScreen() : await target.join(`${prefix} ${i + 1}`);
          const socket = await connect(target.url, who.token);
          const client = { socket, participantId: who.participantId, received: 0 };
          if (countEvent) socket.on(countEvent, () => client.received++);
          clients.push(client);
        } catch (error) {
          const code = String(error?.message ?? error).slice(0, 60);
          failures.set(code, (failures.get(code) ?? 0) + 1);
        }
      })(),
    );
  }
  await Promise.all(pending);
  return { clients, failures, rampMs: Date.now() - started };
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
