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
 * fault test). The patches are idempotent.
 */
export function applyAckPatch(client: QueryClient, sessionId: string, update: (snapshot: SessionSnapshot) => SessionSnapshot): void {
  const key = snapshotKey(sessionId);
  const apply = () => client.setQueryData<SessionSnapshot>(key, (snapshot) => (snapshot ? update(snapshot) : snapshot));
  apply();
  if (client.isFetching({ queryKey: key, exact: true }) === 0) return;
  const hash = hashKey(key);
  const stop = client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.query.queryHash !== hash) return;
    if (event.action.type === 'success' && !event.action.manual) apply();
    if (event.action.type === 'success' || event.action.type === 'error') stop();
  });
}
