import { join } from 'node:path';
import { QueryClient } from '@tanstack/query-core';
import type { BoardSnapshot, BoardsFeature, CommandName, CommandResult, IdeaView, SessionSnapshot, SupportResult } from '@palabre/contracts';
import { io, type Socket } from 'socket.io-client';

/**
 * The web app's own client logic, run in Node by the fault tests so they exercise the code the
 * browser runs: the command queue (opId kept across reconnects, retryable refusals sent again)
 * and the snapshot sync (versions, gaps, buffering while a snapshot loads) with every feature's
 * patchers. Loaded at run time rather than imported: the API's type-check covers apps/api only
 * (its rootDir), while apps/web type-checks these files; the few members used are typed here.
 */
const WEB = join(__dirname, '../../../../web/src');

type Patchers = Record<string, unknown>;
interface WebCommandQueue {
  send(name: string, payload: Record<string, unknown>): Promise<unknown>;
  flush(): void;
  close(): void;
  readonly pending: number;
}
interface WebSnapshotSync {
  receive(name: string, payload: unknown): 'applied' | 'stale' | 'gap' | 'unhandled' | 'buffered';
  dispose(): void;
}

/* eslint-disable @typescript-eslint/no-require-imports */
const { CommandQueue } = require(join(WEB, 'lib/command-queue')) as {
  CommandQueue: new (transport: { readonly connected: boolean; send(name: string, payload: Record<string, unknown>): Promise<unknown> }, options?: { maxAttempts?: number; retryDelayMs?: number }) => WebCommandQueue;
};
const { SnapshotSync, snapshotKey } = require(join(WEB, 'lib/snapshot-sync')) as {
  SnapshotSync: new (client: QueryClient, sessionId: string, patchers: Patchers, refetch: () => void) => WebSnapshotSync;
  snapshotKey: (sessionId: string) => readonly unknown[];
};
const { combinePatchers, corePatchers, patchFeature } = require(join(WEB, 'lib/patchers')) as {
  combinePatchers: (...sets: Patchers[]) => Patchers;
  corePatchers: Patchers;
  patchFeature: <T>(snapshot: SessionSnapshot, feature: string, update: (current: T | undefined) => T) => SessionSnapshot;
};
const { ackPatches, applyAckPatch } = require(join(WEB, 'features/boards/ack-patches')) as {
  ackPatches: {
    supported(board: BoardSnapshot, result: SupportResult): BoardSnapshot;
    supportedMine(board: BoardSnapshot, result: SupportResult): BoardSnapshot;
    posted(board: BoardSnapshot, idea: IdeaView): BoardSnapshot;
  };
  applyAckPatch(client: QueryClient, sessionId: string, update: (snapshot: SessionSnapshot) => SessionSnapshot, again?: (snapshot: SessionSnapshot) => SessionSnapshot): void;
};
const FEATURE_PATCHERS = [
  ['surveys', 'surveyPatchers'],
  ['boards', 'boardPatchers'],
  ['qna', 'qnaPatchers'],
  ['room', 'roomPatchers'],
  ['groups', 'groupsPatchers'],
].map(([feature, name]) => (require(join(WEB, 'features', feature, 'patchers')) as Record<string, Patchers>)[name]);
/* eslint-enable @typescript-eslint/no-require-imports */

/** What features/registry.tsx combines for the app (loaded without its React views). */
export const WEB_PATCHERS: Patchers = combinePatchers(corePatchers, ...FEATURE_PATCHERS);

/** Same timings as apps/web/src/lib/socket.ts. */
const ACK_TIMEOUT_MS = 8000;
const RETRY_AFTER_REFUSAL_MS = 3000;

/**
 * One participant as the web app runs it (LiveConnection + LiveSessionProvider without React):
 * a socket.io connection that reconnects by itself, commands through the real queue, the
 * snapshot kept by the real sync, refetched on every (re)connect.
 */
export class WebClient {
  readonly socket: Socket;
  readonly queue: WebCommandQueue;
  // As the app's snapshot query: 3 retries at react-query's default backoff, then SnapshotSync's own refetches.
  readonly client = new QueryClient({ defaultOptions: { queries: { retry: 3, staleTime: Infinity } } });
  private readonly sync: WebSnapshotSync;
  readonly stats = { connects: 0, refetches: 0, gaps: 0, refusedHandshakes: new Map<string, number>() };
  private retryTimer?: NodeJS.Timeout;

  constructor(
    readonly baseUrl: string,
    readonly sessionId: string,
    readonly token: string,
  ) {
    this.socket = io(`${baseUrl}/live`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnectionDelay: 200, reconnectionDelayMax: 1000 });
    const socket = this.socket;
    this.queue = new CommandQueue({
      get connected() {
        return socket.connected;
      },
      send: (name, payload) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck(name, payload),
    });
    this.sync = new SnapshotSync(this.client, sessionId, WEB_PATCHERS, () => this.refetch());
    socket.onAny((name: string, payload: unknown) => {
      if (this.sync.receive(name, payload) === 'gap') this.stats.gaps++;
    });
    socket.on('connect', () => {
      this.stats.connects++;
      this.queue.flush();
      this.refetch();
    });
    // As LiveConnection does: a refusal by the server's middleware (e.g. the database busy) is not
    // retried by socket.io itself, so try again a little later.
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      const code = error.data?.code ?? error.message;
      this.stats.refusedHandshakes.set(code, (this.stats.refusedHandshakes.get(code) ?? 0) + 1);
      if (!socket.active) this.retryTimer = setTimeout(() => socket.connected || socket.connect(), RETRY_AFTER_REFUSAL_MS);
    });
  }

  private readonly fetchSnapshot = async (): Promise<SessionSnapshot> => {
    const res = await fetch(`${this.baseUrl}/api/sessions/${this.sessionId}/snapshot`, { headers: { authorization: `Bearer ${this.token}` } });
    if (!res.ok) throw new Error(`snapshot: HTTP ${res.status}`);
    return (await res.json()) as SessionSnapshot;
  };

  private refetch(): void {
    this.stats.refetches++;
    const key = snapshotKey(this.sessionId);
    if (this.client.getQueryCache().find({ queryKey: key })) void this.client.refetchQueries({ queryKey: key, exact: true });
    else void this.client.fetchQuery({ queryKey: key, queryFn: this.fetchSnapshot }).catch(() => undefined);
  }

  /**
   * Resolves with the ack's data; rejects with the web app's ApiError. Board answers are applied
   * to the cache as the app's IdeaForm and SupportButton do (usePatchBoard).
   */
  async command<C extends CommandName>(name: C, payload: Record<string, unknown>): Promise<CommandResult<C>> {
    const data = (await this.queue.send(name, payload)) as CommandResult<C>;
    if (name === 'idea.post') {
      const idea = data as IdeaView;
      this.patchBoard(idea.activityId, (board) => ackPatches.posted(board, idea));
    } else if (name === 'idea.support') {
      const result = data as SupportResult;
      this.patchBoard(
        String(payload.activityId),
        (board) => ackPatches.supported(board, result),
        (board) => ackPatches.supportedMine(board, result),
      );
    }
    return data;
  }

  /** As usePatchBoard does. */
  private patchBoard(activityId: string, update: (board: BoardSnapshot) => BoardSnapshot, again = update): void {
    const onBoard = (change: typeof update) => (snapshot: SessionSnapshot) =>
      patchFeature<BoardsFeature>(snapshot, 'boards', (feature) => {
        const board = feature?.boards[activityId];
        if (!feature || !board) return feature ?? { blocked: false, boards: {} };
        return { ...feature, boards: { ...feature.boards, [activityId]: change(board) } };
      });
    applyAckPatch(this.client, this.sessionId, onBoard(update), onBoard(again));
  }

  /** The local TCP port of the current websocket (to tell which node a proxy sent it to). */
  get localPort(): number | undefined {
    const engine = (this.socket.io as unknown as { engine?: { transport?: { ws?: { _socket?: { localPort?: number } } } } }).engine;
    return engine?.transport?.ws?._socket?.localPort;
  }

  /** The snapshot as this client sees it now. */
  view(): SessionSnapshot | undefined {
    return this.client.getQueryData<SessionSnapshot>(snapshotKey(this.sessionId));
  }

  /** Connected, nothing waiting to be acknowledged, no snapshot in flight. */
  get idle(): boolean {
    return this.socket.connected && this.queue.pending === 0 && this.client.isFetching() === 0 && this.view() !== undefined;
  }

  close(): void {
    clearTimeout(this.retryTimer);
    this.queue.close();
    this.sync.dispose();
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.client.clear();
  }
}
