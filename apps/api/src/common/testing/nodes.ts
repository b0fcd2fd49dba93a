import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import argon2 from 'argon2';
import type { JoinResponse, LoginResponse } from '@palabre/contracts';
import { Client } from 'pg';
import type { AppConfig } from '../../config/config';
import { retryPause, TestApp } from './harness';
import type { WebClient } from './web-client';

/**
 * Several API nodes need one database server they all reach: DATABASE_URL's server when set,
 * else the local PostgreSQL the dev and CI machines run (127.0.0.1:5432). The embedded
 * database cannot be shared between nodes, so these tests need a server and say so.
 */
export const SHARED_PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The shared Redis of the dev and CI machines (never stopped by tests). */
export const SHARED_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: SHARED_PG_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`multi-node tests need PostgreSQL at ${SHARED_PG_URL} (set DATABASE_URL): ${(error as Error).message}`, { cause: error });
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A throwaway database on the shared server, for the nodes of one test file. */
export async function throwawayDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `palabre_n_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(SHARED_PG_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Starts `count` nodes on one database; the first one runs the migrations. */
export async function startNodes(count: number, databaseUrl: string, overrides: Partial<AppConfig> = {}): Promise<TestApp[]> {
  const secret = randomBytes(32).toString('hex'); // one secret: a token from node A opens node B
  const nodes: TestApp[] = [];
  for (let i = 0; i < count; i++) nodes.push(await TestApp.start({ databaseUrl, tokenSecret: secret, ...overrides }));
  return nodes;
}

/** Two nodes on a throwaway database sharing `redisUrl`, with a live session opened on the first. */
export async function twoNodeSession(redisUrl: string) {
  const db = await throwawayDatabase();
  const [a, b] = await startNodes(2, db.url, { redisUrl });
  const live = await a.liveSession();
  return { db, a, b, code: live.session.joinCode, sessionId: live.session.id, staffToken: live.facilitator.token };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A private redis-server on its own port that a test may stop and restart (never the shared one). */
export class ScratchRedis {
  private child?: ChildProcess;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }
}

/** Polls `check` until it returns true (bounded). */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} not reached within ${timeoutMs} ms`);
}

/** PostgreSQL's server binaries (initdb, pg_ctl): Debian's newest major, else `pg_config --bindir`. */
function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((d) => existsSync(join(root, d, 'bin', 'initdb'))).sort((x, y) => Number(y) - Number(x)) : [];
  if (majors[0]) return join(root, majors[0], 'bin');
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(join(dir, 'initdb'))) return dir;
  } catch {
    // no pg_config either
  }
  throw new Error('the PostgreSQL restart test needs initdb and pg_ctl (Debian: apt-get install postgresql)');
}

/**
 * A private PostgreSQL cluster (own data directory under the temp dir, own port, loopback only)
 * that a test may stop and start for real — never the machine's shared server. initdb refuses
 * to run as root, so as root the cluster belongs to the `postgres` system user.
 */
const SCRATCH_PREFIX = 'palabre-pg-';
const OWNER_FILE = 'owner.pid';
/** A cluster without an owner file (being created, or made by an older harness) is left alone this long. */
const UNOWNED_GRACE_MS = 60 * 60_000;

function readFileSyncOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class ScratchPostgres {
  private readonly bin = postgresBinDir();
  private readonly dir: string;
  private readonly asRoot = process.getuid?.() === 0;

  constructor(readonly port: number) {
    ScratchPostgres.sweep();
    this.dir = mkdtempSync(join(tmpdir(), SCRATCH_PREFIX));
    writeFileSync(join(this.dir, OWNER_FILE), String(process.pid));
  }

  /**
   * A test process killed before `destroy` (CI timeout, Ctrl-C) leaves its cluster running under
   * the temp dir, since pg_ctl detaches the server. The next one stops and removes every cluster
   * whose owning process is gone.
   */
  static sweep(): void {
    for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(SCRATCH_PREFIX))) {
      const dir = join(tmpdir(), name);
      const owner = Number(readFileSyncOr(join(dir, OWNER_FILE)));
      if (owner > 0 ? isAlive(owner) : Date.now() - statSync(dir).mtimeMs < UNOWNED_GRACE_MS) continue;
      const pid = Number(readFileSyncOr(join(dir, 'data', 'postmaster.pid')).split('\n')[0]);
      if (pid > 0 && isAlive(pid)) {
        try {
          process.kill(pid, 'SIGQUIT'); // PostgreSQL's immediate shutdown
        } catch {
          // gone meanwhile
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private run(tool: string, args: string[]): Promise<void> {
    const [cmd, argv] = this.asRoot ? ['runuser', ['-u', 'postgres', '--', join(this.bin, tool), ...args]] : [join(this.bin, tool), args];
    return new Promise((resolve, reject) => {
      execFile(cmd, argv, { timeout: 60_000 }, (error, _stdout, stderr) => (error ? reject(new Error(`${tool} failed: ${stderr || error.message}`)) : resolve()));
    });
  }

  /** initdb (once) then start; resolves when the server accepts connections. */
  async start(): Promise<void> {
    const data = join(this.dir, 'data');
    if (!existsSync(data)) {
      if (this.asRoot) chownSync(this.dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
      await this.run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    }
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
    await this.run('pg_ctl', ['-D', data, '-o', options, '-l', join(this.dir, 'server.log'), '-w', '-t', '60', 'start']);
  }

  /** `immediate` is a crash as far as clients are concerned: connections cut, recovery from WAL at the next start. */
  async stop(mode: 'fast' | 'immediate' = 'immediate'): Promise<void> {
    await this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
  }

  /** Where its files live (for tests of the harness itself). */
  get directory(): string {
    return this.dir;
  }

  /** Stops the server if running and removes its files. */
  async destroy(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const RUN_TS = join(__dirname, 'run-ts.cjs');
const API_MAIN = join(__dirname, '../../main.ts');

/**
 * An API node in its own OS process (run from the TypeScript sources), so a test can SIGKILL it.
 * Same configuration as TestApp's nodes, through the environment the real server reads.
 */
export class ProcessNode {
  private readonly output: string[] = [];
  private exitCode: number | null | undefined;

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString().split('\n').filter(Boolean));
      this.output.splice(0, Math.max(0, this.output.length - 60));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', (code, signal) => (this.exitCode = code ?? (signal ? -1 : null)));
  }

  static async start(opts: { databaseUrl: string; redisUrl?: string; tokenSecret: string; env?: Record<string, string> }): Promise<ProcessNode> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ['-r', RUN_TS, API_MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: 'http://palabre.test',
        ALLOWED_ORIGINS: 'http://palabre.test',
        DATABASE_URL: opts.databaseUrl,
        REDIS_URL: opts.redisUrl ?? '',
        TOKEN_SECRET: opts.tokenSecret,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'palabre-node-')),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        MAX_CONNECTIONS_PER_IP: '10000',
        // Specs join their members from 127.0.0.1 in bursts, as TestApp's nodes allow.
        JOIN_BURST_PER_ADDRESS: '100000',
        JOIN_RATE_PER_ADDRESS: '100000',
        JOIN_BURST_PER_SESSION: '100000',
        JOIN_RATE_PER_SESSION: '100000',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const node = new ProcessNode(child, url);
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (node.exitCode !== undefined) throw new Error(`API node exited during start:\n${node.tail()}`);
      const ok = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return node;
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`API node did not answer within 120 s:\n${node.tail()}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  tail(): string {
    return this.output.join('\n');
  }

  /** Sends `signal` and waits for the process to be gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill(signal);
    await exited;
  }

  /** A clean stop (SIGTERM), forced after 10 s. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.kill('SIGTERM');
    clearTimeout(timer);
  }
}

/**
 * A TCP front on 127.0.0.1, like the reverse proxy in front of the nodes in production: each new
 * connection goes to the next backend that accepts it (round robin), so a client whose node died
 * reconnects through the same address to a survivor. `cutAll` drops every open connection at
 * once (a Wi-Fi cut as the client and the server see it).
 */
export class TcpFront {
  private readonly server = createServer((client) => this.accept(client));
  private readonly open = new Set<Socket>();
  /** When set, each new connection is cut after this many milliseconds (a flaky network). */
  lifetime?: () => number;
  /** Client-side port of each connection → the backend port it was sent to. */
  private readonly routes = new Map<number, number>();
  private next = 0;
  port = 0;

  constructor(private readonly backends: () => number[]) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  private accept(client: Socket, tried = 0): void {
    const ports = this.backends();
    if (ports.length === 0 || tried >= ports.length) return void client.destroy();
    const port = ports[this.next++ % ports.length];
    client.pause();
    client.on('error', () => undefined);
    const upstream = connect(port, '127.0.0.1');
    let connected = false;
    upstream.on('error', () => {
      if (!connected) this.accept(client, tried + 1); // refused (a dead node): try the next one
    });
    upstream.once('connect', () => {
      connected = true;
      this.open.add(client);
      if (client.remotePort) this.routes.set(client.remotePort, port);
      upstream.on('close', () => client.destroy());
      client.on('close', () => {
        this.open.delete(client);
        upstream.destroy();
      });
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
      const lifetime = this.lifetime?.();
      if (lifetime !== undefined) {
        const timer = setTimeout(() => client.destroy(), lifetime);
        client.once('close', () => clearTimeout(timer));
      }
    });
  }

  /** The backend port serving the client connection that uses this local port. */
  backendOf(clientPort: number | undefined): number | undefined {
    return clientPort === undefined ? undefined : this.routes.get(clientPort);
  }

  cutAll(): number {
    const all = [...this.open];
    for (const c of all) c.destroy();
    return all.length;
  }

  async close(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A POST as the web client sends it to `baseUrl()`: a 503 (retryable: a busy or restarting database) is sent again after 0.5, 1, 2 s. */
export function httpPoster(baseUrl: () => string) {
  return async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(`${baseUrl()}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      if (res.ok) return (await res.json()) as T;
      if (res.status !== 503 || attempt >= 4) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
      await retryPause(attempt);
    }
  };
}

/**
 * What the process-node specs start from, through REST as the console does: a facilitator account
 * written in the database, its sign-in, a live open session, and the facilitator's token in it.
 */
export async function liveSessionOverHttp(databaseUrl: string, post: ReturnType<typeof httpPoster>, email: string): Promise<{ session: { id: string; joinCode: string }; staffToken: string }> {
  const password = 'motdepasse-solide-42';
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    const hash = await argon2.hash(password, { type: argon2.argon2id, timeCost: 2, memoryCost: 4096 });
    await pg.query(`INSERT INTO staff_account (email, display_name, role, password_hash) VALUES ($1, 'Animation', 'facilitator', $2)`, [email, hash]);
  } finally {
    await pg.end();
  }
  const login = await post<LoginResponse>('/api/auth/login', { email, password });
  const session = await post<{ id: string; joinCode: string }>('/api/sessions', { title: 'Plénière', date: '2026-12-03', accessMode: 'open' }, login.token);
  await post(`/api/sessions/${session.id}/transition`, { to: 'live' }, login.token);
  const staffToken = (await post<JoinResponse>(`/api/sessions/${session.id}/enter`, {}, login.token)).token;
  return { session, staffToken };
}

/**
 * Two API processes sharing a throwaway database and a private Redis (their token secret shared),
 * reached through one address like behind the production reverse proxy: what the node-kill specs
 * run on. `close()` closes the clients it was given, then undoes the rest.
 */
export class TwoProcessNodes {
  /** The web clients a spec opened: `close()` closes them first. */
  readonly clients: WebClient[] = [];
  private constructor(
    readonly db: { url: string; drop(): Promise<void> },
    readonly redis: ScratchRedis,
    readonly nodes: ProcessNode[],
    readonly front: TcpFront,
  ) {}

  static async start(env?: Record<string, string>): Promise<TwoProcessNodes> {
    const db = await throwawayDatabase();
    const redis = new ScratchRedis(await freePort());
    await redis.start();
    const tokenSecret = randomBytes(32).toString('hex');
    const nodes = await Promise.all([0, 1].map(() => ProcessNode.start({ databaseUrl: db.url, redisUrl: redis.url, tokenSecret, env })));
    const front = new TcpFront(() => nodes.filter((n) => n.alive).map((n) => n.port));
    await front.listen();
    return new TwoProcessNodes(db, redis, nodes, front);
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.close();
    await this.front.close();
    await Promise.all(this.nodes.map((n) => n.stop()));
    await this.redis.stop();
    await this.db.drop();
  }
}
