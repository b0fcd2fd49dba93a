import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import argon2 from 'argon2';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import type { ClientToServerEvents, CommandInput, CommandName, CommandResult, Ack, EventName, EventPayload, JoinResponse, ServerToClientEvents, StaffRole } from '@palabre/contracts';
import { isRetryable } from '@palabre/contracts';
import type { AppConfig } from '../../config/config';
import { startPalabre, type RunningPalabre } from '../../bootstrap';
import { StaffAccount } from '../../modules/auth/staff-account.entity';
import { StaffSessions } from '../../modules/auth/staff-sessions';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A real Palabre node for integration tests: a fresh PostgreSQL database on DATABASE_URL's
 * server (dropped afterwards), or the embedded database in memory when DATABASE_URL is unset.
 */
export class TestApp {
  private readonly sockets: TestSocket[] = [];

  private constructor(
    readonly palabre: RunningPalabre,
    private readonly dropDatabase?: () => Promise<void>,
  ) {}

  static async start(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
    const base = process.env.DATABASE_URL;
    let databaseUrl: string | undefined;
    let drop: (() => Promise<void>) | undefined;
    if (base && overrides.databaseUrl === undefined) {
      const name = `palabre_t_${randomBytes(6).toString('hex')}`;
      await adminQuery(base, `CREATE DATABASE ${name}`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      drop = () => adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    const config: AppConfig = {
      env: 'test',
      port: 0,
      host: '127.0.0.1',
      databaseUrl,
      redisUrl: undefined,
      dataDir: mkdtempSync(join(tmpdir(), 'palabre-test-')),
      publicUrl: 'http://palabre.test',
      tokenSecret: randomBytes(32).toString('hex'),
      tokenTtlHours: 24,
      allowedOrigins: ['http://palabre.test'],
      seedDemo: false,
      logLevel: 'error',
      maxConnectionsPerIp: 10_000,
      maxSocketsPerParticipant: 5,
      trustProxy: [],
      dbPoolSize: 10,
      commandBurst: 30,
      commandRatePerSecond: 10,
      floodRefusals: 100,
      floodCoolOffSeconds: 10,
      displayTimeZone: 'Europe/Paris',
      // Anonymous ballots: the default batch, a short window so tests casting one at a time stay quick.
      anonMixBatch: 5,
      anonMixWindowMs: 100,
      processedOpRetentionDays: 7,
      // Specs join hundreds of members from 127.0.0.1 in a few seconds; the join throttle spec sets its own.
      joinBurstPerAddress: 100_000,
      joinRatePerAddress: 100_000,
      joinBurstPerSession: 100_000,
      joinRatePerSession: 100_000,
      ...overrides,
    };
    // Errors only, unless a test asks for a log level (to read what the app prints).
    let palabre: RunningPalabre;
    try {
      palabre = await startPalabre(config, { inMemory: true, logger: overrides.logLevel ? undefined : ['error'] });
    } catch (error) {
      await drop?.();
      throw error;
    }
    return new TestApp(palabre, overrides.databaseUrl === undefined ? drop : undefined);
  }

  get url(): string {
    return this.palabre.url;
  }

  get db() {
    return this.palabre.db;
  }

  http() {
    return request(this.palabre.url);
  }

  /** A staff account and its bearer token. */
  async staff(role: StaffRole = 'facilitator', email = `${role}-${randomUUID()}@palabre.test`): Promise<{ id: string; token: string; email: string; password: string }> {
    const password = 'motdepasse-solide-42';
    const repo = this.db.getRepository(StaffAccount);
    const account = await repo.save({ email, displayName: `Staff ${role}`, role, passwordHash: await argon2.hash(password, { type: argon2.argon2id, timeCost: 2, memoryCost: 4096 }) });
    return { id: account.id, token: await this.palabre.app.get(StaffSessions).issue(account, 'password'), email, password };
  }

  /** A live open session created through the API, plus its facilitator's session token. */
  async liveSession(opts: { accessMode?: 'open' | 'roster'; joinCode?: string } = {}) {
    const staff = await this.staff('facilitator');
    const created = await this.http()
      .post('/api/sessions')
      .set('Authorization', `Bearer ${staff.token}`)
      .send({ title: 'Séance de test', date: '2026-12-03', accessMode: opts.accessMode ?? 'open', ...(opts.joinCode ? { joinCode: opts.joinCode } : {}) })
      .expect(201);
    const session = created.body as JoinResponse['session'];
    await this.http().post(`/api/sessions/${session.id}/transition`).set('Authorization', `Bearer ${staff.token}`).send({ to: 'live' }).expect(200);
    const entered = await this.http().post(`/api/sessions/${session.id}/enter`).set('Authorization', `Bearer ${staff.token}`).expect(200);
    return { session, staff, facilitator: entered.body as JoinResponse };
  }

  async join(code: string, displayName: string): Promise<JoinResponse> {
    const res = await this.http().post('/api/sessions/join').send({ code, displayName }).expect(200);
    return res.body as JoinResponse;
  }

  /** A projector screen of the session (role observer), issued as a signed-in staff browser gets one. */
  async screen(sessionId: string, staffToken?: string): Promise<JoinResponse> {
    const token = staffToken ?? (await this.staff('facilitator')).token;
    const res = await this.http().post(`/api/sessions/${sessionId}/screens`).set('Authorization', `Bearer ${token}`).expect(200);
    return res.body as JoinResponse;
  }

  /** A connected socket.io client on /live (rejects with the handshake error). */
  async connect(token: string, opts: { reconnection?: boolean } = {}): Promise<TestSocket> {
    const socket: TestSocket = io(`${this.url}/live`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: opts.reconnection ?? false });
    this.sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(err));
    });
    return socket;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.disconnect();
    await this.palabre.close();
    await this.dropDatabase?.();
  }
}

/** Sends a command with a fresh opId (or the given one) and returns the ack. */
/**
 * Sends a command and resolves with its ack (rejects when none comes within `ackTimeoutMs`). A burst
 * spec (hundreds of commands at once on a busy 2-core machine) gives itself a longer wait.
 */
export function send<C extends CommandName>(socket: TestSocket, name: C, payload: Omit<CommandInput<C>, 'opId'> & { opId?: string }, ackTimeoutMs = 10_000): Promise<Ack<CommandResult<C>>> {
  const body = { opId: randomUUID(), ...payload };
  const emitter = socket.timeout(ackTimeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<CommandResult<C>>> };
  return emitter.emitWithAck(name, body);
}

/**
 * Like sendOk, but as the phone's command queue does: a refusal with a retryable code
 * (DATABASE_UNAVAILABLE, RATE_LIMITED) is sent again with the same opId after 0.5, 1, 2… s.
 */
export async function sendRetrying<C extends CommandName>(socket: TestSocket, name: C, payload: Omit<CommandInput<C>, 'opId'>, attempts = 6): Promise<CommandResult<C>> {
  const body = { opId: randomUUID(), ...payload } as Omit<CommandInput<C>, 'opId'> & { opId: string };
  for (let attempt = 1; ; attempt++) {
    const ack = await send(socket, name, body);
    if (ack.ok) return ack.data;
    if (!isRetryable(ack.error.code) || attempt >= attempts) throw new Error(`${name} refused: ${ack.error.code} ${ack.error.message}`);
    await retryPause(attempt);
  }
}

/** The pause before resending a retryable refusal, as the clients do: 0.5, 1, 2… s (one rule for the specs). */
export function retryPause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 500 * 2 ** (attempt - 1)));
}

/** Like send, but fails the test unless the command succeeded; returns its data. */
export async function sendOk<C extends CommandName>(socket: TestSocket, name: C, payload: Omit<CommandInput<C>, 'opId'> & { opId?: string }): Promise<CommandResult<C>> {
  const ack = await send(socket, name, payload);
  if (!ack.ok) throw new Error(`${name} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** Resolves with the next event of that name matching `where`. */
export function nextEvent<E extends EventName>(socket: TestSocket, name: E, where: (p: EventPayload<E>) => boolean = () => true, timeoutMs = 5000): Promise<EventPayload<E>> {
  return new Promise((resolve, reject) => {
    const s = socket as unknown as { on(e: string, h: (p: EventPayload<E>) => void): void; off(e: string, h: (p: EventPayload<E>) => void): void };
    const timer = setTimeout(() => {
      s.off(name, handler);
      reject(new Error(`no ${name} within ${timeoutMs} ms`));
    }, timeoutMs);
    // A wait the test no longer needs (it ended, or went another way) does not keep jest alive.
    timer.unref();
    const handler = (p: EventPayload<E>) => {
      if (!where(p)) return;
      clearTimeout(timer);
      s.off(name, handler);
      resolve(p);
    };
    s.on(name, handler);
  });
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
