import { Logger } from '@nestjs/common';
import { RedisAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { ServerOptions } from 'socket.io';
import type { RedisState } from './redis-state';

/** How long a cross-node request (fetchSockets for presence) may wait for the other nodes. */
const REQUESTS_TIMEOUT_MS = 3000;

type FetchOpts = Parameters<RedisAdapter['fetchSockets']>[0];

/**
 * The pub/sub Redis adapter, made to degrade to a single node while Redis is away:
 * room queries (presence, snapshots) answer with this node's sockets instead of
 * failing or waiting for the request timeout, and broadcasts still reach local clients.
 */
class DegradableRedisAdapter extends RedisAdapter {
  constructor(
    nsp: unknown,
    pub: Redis,
    sub: Redis,
    private readonly state: RedisState,
  ) {
    super(nsp, pub, sub, { requestsTimeout: REQUESTS_TIMEOUT_MS });
    // ioredis re-subscribes after a reconnection, but a subscription was seen lost (fault test) when
    // Redis stayed away across several attempts: subscribe again on every `ready` (idempotent in Redis).
    const names = this as unknown as { channel: string; requestChannel: string; responseChannel: string; specificResponseChannel: string };
    sub.on('ready', () => {
      sub.psubscribe(`${names.channel}*`).catch(() => undefined);
      sub.subscribe(names.requestChannel, names.responseChannel, names.specificResponseChannel).catch(() => undefined);
    });
  }

  override async fetchSockets(opts: FetchOpts) {
    const local = { ...opts, flags: { ...opts.flags, local: true } };
    if (!this.state.up) return super.fetchSockets(local);
    try {
      return await super.fetchSockets(opts);
    } catch {
      return super.fetchSockets(local);
    }
  }
}

export interface RedisAdapterHandle {
  adapter: ServerOptions['adapter'];
  clients: Redis[];
}

/**
 * Two ioredis connections (publish, subscribe) shared by the /live namespace.
 * Every client has an error handler, and every publish is caught: a Redis outage
 * makes the node single (health `degraded`), never crashes it; ioredis reconnects
 * and resubscribes by itself when Redis returns.
 */
export function createRedisAdapter(url: string, state: RedisState): RedisAdapterHandle {
  const log = new Logger('Redis');
  // Commands sent while disconnected wait for one short reconnection, then fail (and are dropped).
  const pub = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
  const sub = pub.duplicate();
  const clients = [pub, sub];
  state.commands = pub as unknown as RedisState['commands'];
  let lastError = '';
  for (const client of clients) {
    client.on('error', (e: Error) => {
      // One line per distinct error, not one per reconnection attempt.
      if (e.message !== lastError) log.warn(`redis: ${e.message}`);
      lastError = e.message;
    });
    client.on('ready', () => {
      state.up = pub.status === 'ready' && sub.status === 'ready';
      if (state.up && lastError) log.log('redis: back, rooms shared again');
      if (state.up) lastError = '';
    });
    for (const event of ['end', 'close', 'reconnecting'] as const) client.on(event, () => (state.up = false));
  }
  // The adapter publishes, subscribes and (on close) unsubscribes without awaiting: a command
  // rejected by an outage or by the disconnect at shutdown must not become an unhandled rejection.
  for (const client of clients) swallowRejections(client, ['publish', 'subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe']);
  // socket.io calls `new adapter(nsp)`: a plain function (not an arrow) that returns the instance.
  const adapter = function degradableAdapter(nsp: unknown) {
    return new DegradableRedisAdapter(nsp, pub, sub, state);
  } as unknown as ServerOptions['adapter'];
  return { adapter, clients };
}

/** Wraps fire-and-forget client methods so their rejection is handled; callers that await still see it. */
function swallowRejections(client: Redis, methods: readonly string[]): void {
  const target = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of methods) {
    const original = target[name].bind(client);
    target[name] = (...args: unknown[]) => {
      const result = original(...args);
      result.catch(() => undefined);
      return result;
    };
  }
}
