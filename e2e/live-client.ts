import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { BASE_URL } from './playwright.config';
import { DEMO } from './fixtures';

/**
 * Fills a session quickly for the projector journeys: REST for sign-in and joins, the real
 * `/live` socket for commands (each with its opId, answered by an ack envelope), as the web app
 * does. Used where the journey is about what the screen shows, not how the content was typed.
 */
type Ack = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

async function rest<T>(path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${BASE_URL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

export class LiveClient {
  private constructor(private readonly socket: Socket) {}

  static async connect(token: string): Promise<LiveClient> {
    const socket = io(`${BASE_URL}/live`, { auth: { token, locale: 'fr' }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new LiveClient(socket);
  }

  /** Sends a command; a RATE_LIMITED refusal is retried once the limiter lets the next one through. */
  async send<T = Record<string, unknown>>(name: string, payload: Record<string, unknown>): Promise<T> {
    const opId = randomUUID();
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const ack = (await this.socket.timeout(10_000).emitWithAck(name, { ...payload, opId })) as Ack;
      if (ack.ok) return ack.data as T;
      if (ack.error.code !== 'RATE_LIMITED') throw new Error(`${name}: ${ack.error.code} ${ack.error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    throw new Error(`${name}: still rate limited`);
  }

  close(): void {
    this.socket.disconnect();
  }
}

export interface SeededSession {
  id: string;
  code: string;
  title: string;
  staff: LiveClient;
  members: LiveClient[];
  close(): void;
}

/** A new live, open session created by the demo facilitator, with `memberCount` members connected. */
export async function seedSession(title: string, memberCount: number): Promise<SeededSession> {
  const code = `P${Date.now().toString(36).toUpperCase().slice(-7)}`;
  const login = await rest<{ token: string }>('/api/auth/login', DEMO.facilitator);
  const session = await rest<{ id: string }>('/api/sessions', { title, date: '2026-12-03', joinCode: code, accessMode: 'open' }, login.token);
  await rest(`/api/sessions/${session.id}/transition`, { to: 'live' }, login.token);
  const entered = await rest<{ token: string }>(`/api/sessions/${session.id}/enter`, undefined, login.token);
  const staff = await LiveClient.connect(entered.token);
  const members: LiveClient[] = [];
  for (let i = 1; i <= memberCount; i += 1) {
    const joined = await rest<{ token: string }>('/api/sessions/join', { code, displayName: `Membre ${i}` });
    members.push(await LiveClient.connect(joined.token));
  }
  return {
    id: session.id,
    code,
    title,
    staff,
    members,
    close: () => [staff, ...members].forEach((c) => c.close()),
  };
}
