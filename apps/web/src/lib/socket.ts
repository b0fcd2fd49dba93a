import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  CommandInput,
  CommandName,
  CommandResult,
  EventName,
  EventPayload,
  ServerToClientEvents,
} from '@palabre/contracts';
import { currentLocale } from '../i18n';
import { CommandQueue } from './command-queue';
import type { CommandStore } from './command-store';
import { ApiError, isAccessLost, parseErrorBody } from './errors';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline';

/** A command's payload as the caller writes it: the opId is added for you. */
export type CommandArgs<C extends CommandName> = Omit<CommandInput<C>, 'opId'>;

const ACK_TIMEOUT_MS = 8000;

/**
 * Commands kept across a reload, a closed tab or a phone restart until the server acknowledges
 * them: a member's vote. The others (a facilitator's console actions…) are not replayed later.
 */
export const DURABLE_COMMANDS: ReadonlySet<string> = new Set(['ballot.cast']);

/**
 * The IndexedDB store, fetched as a chunk of its own (off the first download's budget); calls
 * made before it arrives wait for it, in order.
 */
function deferredCommandStore(): CommandStore | null {
  if (typeof indexedDB === 'undefined') return null;
  const store = import('./command-store').then((m) => m.indexedDbCommandStore());
  return {
    load: async (owner) => (await store)?.load(owner) ?? [],
    put: async (command) => (await store)?.put(command),
    remove: async (opId) => (await store)?.remove(opId),
  };
}
const RETRY_AFTER_REFUSAL_MS = 3000;

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
/** socket.io's typed maps cannot follow a generic event name; this view is used behind typed methods. */
interface UntypedSocket {
  on(event: string, listener: (payload: unknown) => void): void;
  off(event: string, listener: (payload: unknown) => void): void;
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
}

/**
 * One socket.io connection to `/live` for one session token, shared by every component.
 * Exposes its state, typed commands (queued while offline) and typed events.
 */
export class LiveConnection {
  readonly socket: LiveSocket;
  readonly queue: CommandQueue;
  private state: ConnectionState = 'connecting';
  private everConnected = false;
  private lostAccess: ApiError | null = null;
  private readonly stateListeners = new Set<() => void>();
  private readonly connectListeners = new Set<() => void>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly token: string) {
    this.socket = io(`${window.location.origin}/live`, {
      // A function so that each reconnect sends the current language.
      auth: (cb) => cb({ token, locale: currentLocale() }),
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    const socket = this.socket;
    const untyped = socket as unknown as UntypedSocket;
    this.queue = new CommandQueue({
      get connected() {
        return socket.connected;
      },
      send: (name, payload) => untyped.timeout(ACK_TIMEOUT_MS).emitWithAck(name, payload),
    }, { store: deferredCommandStore(), owner: token, durable: (name) => DURABLE_COMMANDS.has(name) });
    this.listen();
  }

  getState = (): ConnectionState => this.state;

  /** The access error that stopped the connection (token expired or revoked), if any. */
  getAccessError = (): ApiError | null => this.lostAccess;

  subscribe = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  /** Runs on every (re)connect, after queued commands were flushed. Used to resync the snapshot. */
  onConnect(listener: () => void): () => void {
    this.connectListeners.add(listener);
    return () => this.connectListeners.delete(listener);
  }

  /** Sends a command with a fresh opId; queued while offline. Rejects with an ApiError. */
  command<C extends CommandName>(name: C, payload: CommandArgs<C>): Promise<CommandResult<C>> {
    return this.queue.send(name, payload as Record<string, unknown>) as Promise<CommandResult<C>>;
  }

  /** Typed event subscription; returns the unsubscribe function. */
  on<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void {
    const listener = handler as (payload: unknown) => void;
    const untyped = this.socket as unknown as UntypedSocket;
    untyped.on(name, listener);
    return () => untyped.off(name, listener);
  }

  close(): void {
    clearTimeout(this.retryTimer);
    this.queue.close();
    window.removeEventListener('online', this.wake);
    window.removeEventListener('offline', this.wentOffline);
    document.removeEventListener('visibilitychange', this.wake);
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private listen(): void {
    const s = this.socket;
    s.on('connect', () => {
      this.everConnected = true;
      this.setState('online');
      this.queue.flush();
      for (const listener of this.connectListeners) listener();
    });
    s.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return this.setState('offline');
      // The server closed us (e.g. access revoked): one retry tells us why through connect_error.
      if (reason === 'io server disconnect') this.retryLater(1000);
      this.setState(navigator.onLine ? 'reconnecting' : 'offline');
    });
    s.on('connect_error', (error: Error & { data?: unknown }) => {
      const body = parseErrorBody(error.data);
      const apiError = body ? ApiError.fromBody(body, 401) : null;
      if (apiError && isAccessLost(apiError)) {
        this.lostAccess = apiError;
        this.queue.rejectAll(apiError);
        return this.setState('offline');
      }
      // A refusal by the server middleware is not retried by socket.io itself.
      if (!s.active) this.retryLater(RETRY_AFTER_REFUSAL_MS);
      if (!navigator.onLine) this.setState('offline');
      else this.setState(this.everConnected ? 'reconnecting' : 'connecting');
    });
    window.addEventListener('online', this.wake);
    window.addEventListener('offline', this.wentOffline);
    document.addEventListener('visibilitychange', this.wake);
  }

  /** Back on the network or back from sleep: do not wait for the next backoff step. */
  private wake = (): void => {
    if (document.visibilityState === 'hidden' || this.lostAccess) return;
    if (!this.socket.connected) this.socket.connect();
  };

  /**
   * The device lost its network: an open websocket may take a ping timeout (~45 s) to notice.
   * Close the transport now so commands queue at once; socket.io keeps trying to reconnect.
   */
  private wentOffline = (): void => {
    this.setState('offline');
    if (this.socket.connected) this.socket.io.engine?.close();
  };

  private retryLater(ms: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.socket.connected && !this.lostAccess) this.socket.connect();
    }, ms);
  }

  private setState(next: ConnectionState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.stateListeners) listener();
  }
}

const connections = new Map<string, { connection: LiveConnection; users: number; closeTimer?: ReturnType<typeof setTimeout> }>();

/** The shared connection for a token (created on first use). Pair with `releaseConnection`. */
export function acquireConnection(token: string): LiveConnection {
  let entry = connections.get(token);
  if (!entry) {
    entry = { connection: new LiveConnection(token), users: 0 };
    connections.set(token, entry);
  }
  clearTimeout(entry.closeTimer);
  entry.users += 1;
  return entry.connection;
}

/** Closes the socket once nobody used it for a moment (survives StrictMode and route changes). */
export function releaseConnection(connection: LiveConnection): void {
  const entry = connections.get(connection.token);
  if (!entry || entry.connection !== connection) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  entry.closeTimer = setTimeout(() => {
    if (entry.users > 0) return;
    connections.delete(connection.token);
    connection.close();
  }, 2000);
}
