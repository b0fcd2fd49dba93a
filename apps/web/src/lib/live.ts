/**
 * Live session primitives. A page wraps its tree in <LiveSessionProvider> (live-session.tsx);
 * components and feature hooks below use these hooks:
 *
 *   const title = useSessionSnapshot((s) => s.session.title).data;
 *   const send = useCommand();  await send('activity.create', { kind: 'survey', title });
 *   useLiveEvent('activity.updated', (e) => announce(...));
 *   const state = useConnectionState();  // 'connecting' | 'online' | 'reconnecting' | 'offline'
 *
 * A feature keeps its state in `snapshot.features[<name>]` and declares how its events patch
 * it with `SnapshotPatchers` (patchers.ts), registered in features/registry.tsx.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { CommandName, CommandResult, EventName, EventPayload, SessionSnapshot } from '@palabre/contracts';
import { endpoints } from './endpoints';
import type { QueuedCommand, RefusedCommand } from './command-queue';
import { ApiError, isAccessLost } from './errors';
import { snapshotKey } from './snapshot-sync';
import type { CommandArgs, ConnectionState, LiveConnection } from './socket';

export { snapshotKey } from './snapshot-sync';
export { featureState, patchFeature, combinePatchers, type SnapshotPatcher, type SnapshotPatchers } from './patchers';
export type { CommandArgs, ConnectionState } from './socket';

export interface LiveSessionValue {
  sessionId: string;
  token: string;
  connection: LiveConnection;
}

export const LiveSessionContext = createContext<LiveSessionValue | null>(null);

export function useLiveSession(): LiveSessionValue {
  const value = useContext(LiveSessionContext);
  if (!value) throw new Error('useLiveSession must be used inside <LiveSessionProvider>');
  return value;
}

/** The snapshot query (`['snapshot', sessionId]`): seeded by REST, patched by events, refetched on reconnect. */
export function snapshotQuery(sessionId: string, token: string) {
  return queryOptions({
    queryKey: snapshotKey(sessionId),
    queryFn: ({ signal }) => endpoints.snapshot(token, sessionId, signal),
    // Events keep it fresh; the provider resyncs on (re)connect and on mount, not each component.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 3,
  });
}

/** The session snapshot, or a slice of it (`select` is memoised by react-query). */
export function useSessionSnapshot<T = SessionSnapshot>(select?: (snapshot: SessionSnapshot) => T) {
  const { sessionId, token } = useLiveSession();
  return useQuery({ ...snapshotQuery(sessionId, token), select });
}

export function useConnectionState(): ConnectionState {
  const { connection } = useLiveSession();
  return useSyncExternalStore(connection.subscribe, connection.getState);
}

/** Commands sent and not yet acknowledged (waiting for the network included). */
export function usePendingCommands(): number {
  const { connection } = useLiveSession();
  const subscribe = useCallback((listener: () => void) => connection.queue.subscribe(listener), [connection]);
  return useSyncExternalStore(subscribe, () => connection.queue.pending);
}

/** The commands not yet acknowledged, e.g. to say "1 vote waiting to be sent" next to the ballot. */
export function useQueuedCommands(): readonly QueuedCommand[] {
  const { connection } = useLiveSession();
  const subscribe = useCallback((listener: () => void) => connection.queue.subscribe(listener), [connection]);
  return useSyncExternalStore(subscribe, () => connection.queue.commands);
}

/** Commands of an earlier visit (tapped offline, page reloaded) that the server refused once sent. */
export function useRefusedCommands(): { refused: readonly RefusedCommand[]; dismiss: () => void } {
  const { connection } = useLiveSession();
  const subscribe = useCallback((listener: () => void) => connection.queue.subscribe(listener), [connection]);
  const refused = useSyncExternalStore(subscribe, () => connection.queue.refused);
  return { refused, dismiss: useCallback(() => connection.queue.dismissRefused(), [connection]) };
}

/** Sends a typed command (opId added, queued while offline). Rejects with an ApiError. */
export function useCommand(): <C extends CommandName>(name: C, payload: CommandArgs<C>) => Promise<CommandResult<C>> {
  const { connection } = useLiveSession();
  return useCallback((name, payload) => connection.command(name, payload), [connection]);
}

/**
 * Calls `handler` for each raw event `name` (for announcements and side effects).
 * State belongs in the snapshot: read it with useSessionSnapshot, not from here.
 */
export function useLiveEvent<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): void {
  const { connection } = useLiveSession();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => connection.on(name, (payload) => latest.current(payload)), [connection, name]);
}

/** Set when the session token no longer works (expired, revoked): the page offers to join again. */
export function useAccessError(): ApiError | null {
  const { connection } = useLiveSession();
  const socketError = useSyncExternalStore(connection.subscribe, connection.getAccessError);
  const { error } = useSessionSnapshot();
  if (socketError) return socketError;
  return isAccessLost(error) ? (error as ApiError) : null;
}

/**
 * A command as a react-query mutation (isPending, error, reset…):
 *   const create = useCommandMutation('activity.create');  create.mutate({ kind, title });
 * Offline commands wait in the socket queue, so react-query's own offline pause is disabled.
 */
export function useCommandMutation<C extends CommandName>(name: C) {
  const { connection } = useLiveSession();
  return useMutation<CommandResult<C>, ApiError, CommandArgs<C>>({
    mutationFn: (payload) => connection.command(name, payload),
    networkMode: 'always',
  });
}
