import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { LiveSessionContext, type LiveSessionValue } from './live';
import type { SnapshotPatchers } from './patchers';
import { SnapshotSync, snapshotKey } from './snapshot-sync';
import { acquireConnection, releaseConnection, type LiveConnection } from './socket';

interface LiveSessionProviderProps {
  sessionId: string;
  token: string;
  /** Usually `snapshotPatchers` from features/registry.tsx. */
  patchers: SnapshotPatchers;
  children: ReactNode;
}

/**
 * Opens (or reuses) the socket for `token`, keeps the snapshot query in step with its events
 * and resyncs it on every (re)connect. Renders children once the connection object exists.
 */
export function LiveSessionProvider({ sessionId, token, patchers, children }: LiveSessionProviderProps) {
  const client = useQueryClient();
  const [connection, setConnection] = useState<LiveConnection | null>(null);

  useEffect(() => {
    const acquired = acquireConnection(token);
    setConnection(acquired);
    return () => releaseConnection(acquired);
  }, [token]);

  useEffect(() => {
    if (!connection) return;
    const refetch = () => void client.refetchQueries({ queryKey: snapshotKey(sessionId), exact: true });
    const sync = new SnapshotSync(client, sessionId, patchers, refetch);
    const onAny = (name: string, payload: unknown) => void sync.receive(name, payload);
    connection.socket.onAny(onAny);
    // Whatever happened while we were away, the snapshot after (re)connecting is the truth.
    const offConnect = connection.onConnect(refetch);
    // A snapshot cached by an earlier visit missed the events sent meanwhile.
    const state = client.getQueryState(snapshotKey(sessionId));
    if (state?.data !== undefined && state.fetchStatus === 'idle') refetch();
    return () => {
      connection.socket.offAny(onAny);
      offConnect();
      sync.dispose();
    };
  }, [client, connection, sessionId, patchers]);

  const value = useMemo<LiveSessionValue | null>(
    () => (connection ? { sessionId, token, connection } : null),
    [connection, sessionId, token],
  );
  if (!value) return null;
  return <LiveSessionContext.Provider value={value}>{children}</LiveSessionContext.Provider>;
}
