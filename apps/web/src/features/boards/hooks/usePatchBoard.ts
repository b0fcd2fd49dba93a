import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { BoardSnapshot, BoardsFeature, IdeaView, SessionSnapshot, SupportResult } from '@palabre/contracts';
import { patchFeature, snapshotKey, useLiveSession } from '../../../lib/live';

/**
 * Applies a command's answer to the cached board: my supports and dots (only the ack carries
 * them) and my new ideas (so that I can edit or withdraw them, anonymous ones included).
 */
export function usePatchBoard() {
  const client = useQueryClient();
  const { sessionId } = useLiveSession();
  const patch = useCallback(
    (activityId: string, update: (board: BoardSnapshot) => BoardSnapshot) => {
      client.setQueryData<SessionSnapshot>(snapshotKey(sessionId), (snapshot) =>
        snapshot
          ? patchFeature<BoardsFeature>(snapshot, 'boards', (feature) => {
              const board = feature?.boards[activityId];
              if (!feature || !board) return feature ?? { blocked: false, boards: {} };
              return { ...feature, boards: { ...feature.boards, [activityId]: update(board) } };
            })
          : snapshot,
      );
    },
    [client, sessionId],
  );
  return {
    supported: (activityId: string, result: SupportResult) =>
      patch(activityId, (board) => ({
        ...board,
        mine: { ...board.mine, ...result.mine },
        counts: result.count && board.counts ? [...board.counts.filter((c) => c.ideaId !== result.ideaId), result.count] : board.counts,
      })),
    posted: (idea: IdeaView) =>
      patch(idea.activityId, (board) => ({
        ...board,
        mine: { ...board.mine, ideaIds: board.mine.ideaIds.includes(idea.id) ? board.mine.ideaIds : [...board.mine.ideaIds, idea.id] },
        ideas: board.ideas.some((i) => i.id === idea.id) ? board.ideas.map((i) => (i.id === idea.id && i.rev <= idea.rev ? idea : i)) : [...board.ideas, idea],
      })),
  };
}
