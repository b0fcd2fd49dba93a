import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { DEMO } from './fixtures';

/**
 * A session of its own for a journey, set up through the public API as the demo facilitator
 * (as bench/lib/targets.mjs does): REST to create it, go live and enter, then the live socket for
 * the facilitator's commands. Journeys that vote many times do not disturb the demo session.
 */
export interface Room {
  sessionId: string;
  joinCode: string;
  /** Sends a facilitator command and returns its ack's data; throws on a refusal. */
  command<T = Record<string, unknown>>(name: string, payload: Record<string, unknown>): Promise<T>;
  /** GET on the API with the facilitator's session token. */
  get<T = unknown>(path: string): Promise<T>;
  close(): void;
}

async function json<T>(baseURL: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${baseURL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function openRoom(baseURL: string, title: string): Promise<Room> {
  const login = await json<{ token: string }>(baseURL, '/api/auth/login', DEMO.facilitator);
  const session = await json<{ id: string; joinCode: string }>(baseURL, '/api/sessions', { title, date: '2026-12-03', accessMode: 'open' }, login.token);
  await json(baseURL, `/api/sessions/${session.id}/transition`, { to: 'live' }, login.token);
  const entered = await json<{ token: string }>(baseURL, `/api/sessions/${session.id}/enter`, {}, login.token);
  const socket: Socket = io(`${baseURL}/live`, { auth: { token: entered.token, locale: 'fr' }, transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    sessionId: session.id,
    joinCode: session.joinCode,
    async command<T>(name: string, payload: Record<string, unknown>) {
      const ack = (await socket.timeout(10_000).emitWithAck(name, { ...payload, opId: randomUUID() })) as { ok: boolean; data?: T; error?: unknown };
      if (!ack.ok) throw new Error(`${name}: ${JSON.stringify(ack.error)}`);
      return ack.data as T;
    },
    async get<T>(path: string) {
      const res = await fetch(`${baseURL}${path}`, { headers: { authorization: `Bearer ${entered.token}` } });
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      return (await res.json()) as T;
    },
    close: () => void socket.disconnect(),
  };
}
