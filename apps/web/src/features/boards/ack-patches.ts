import type { BoardSnapshot, IdeaView, SessionSnapshot, SupportResult } from '@palabre/contracts';
import { hashKey, type QueryClient } from '@tanstack/react-query';
import { snapshotKey } from '../../lib/snapshot-sync';

/**
 * What a command's answer changes in my cached board (pure, so that the fault tests run the same
 * code as the app): my supports and dots, which only the ack carries, and my new ideas, so that I
 * can edit or withdraw them, anonymous ones included.
 */
export const ackPatches = {
  supported: (board: BoardSnapshot, result: SupportResult): BoardSnapshot => ({
    ...board,
    mine: { ...board.mine, ...result.mine },
    counts: result.count && board.counts ? [...board.counts.filter((c) => c.ideaId !== result.ideaId), result.count] : board.counts,
  }),
  /** After a refetch only my supports are restored: the fetched counts may be newer than the answer's. */
  supportedMine: (board: BoardSnapshot, result: SupportResult): BoardSnapshot => ({ ...board, mine: { ...board.mine, ...result.mine } }),
  posted: (board: BoardSnapshot, idea: IdeaView): BoardSnapshot => ({
    ...board,
    mine: { ...board.mine, ideaIds: board.mine.ideaIds.includes(idea.id) ? board.mine.ideaIds : [...board.mine.ideaIds, idea.id] },
    ideas: board.ideas.some((i) => i.id === idea.id) ? board.ideas.map((i) => (i.id === idea.id && i.rev <= idea.rev ? idea : i)) : [...board.ideas, idea],
  }),
};

/**
 * Applies an answer's patch to the cached snapshot, and again when a snapshot fetch that was in
 * flight lands: that snapshot may have been read before the command committed, and would
 * otherwise drop my new idea from `mine` until the next refetch (seen in the connection-cut
 * fault test). `again` is what to re-apply then (by default the same, idempotent patch).
 */
export function applyAckPatch(
  client: QueryClient,
  sessionId: string,
  update: (snapshot: SessionSnapshot) => SessionSnapshot,
  again: (snapshot: SessionSnapshot) => SessionSnapshot = update,
): void {
  const key = snapshotKey(sessionId);
  const set = (patch: typeof update) => client.setQueryData<SessionSnapshot>(key, (snapshot) => (snapshot ? patch(snapshot) : snapshot));
  const apply = () => set(again);
  set(update);
  if (client.isFetching({ queryKey: key, exact: true }) === 0) return;
  const hash = hashKey(key);
  const stop = client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.query.queryHash !== hash) return;
    // Patches made meanwhile (the sync replaying buffered events) are manual successes: wait for the fetch's own.
    if (event.action.type === 'success' && !event.action.manual) {
      apply();
      stop();
    } else if (event.action.type === 'error') stop();
  });
}
