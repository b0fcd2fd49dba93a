import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { BoardSnapshot, IdeaView, SessionSnapshot, SupportResult } from '@palabre/contracts';
import { patchFeature, useLiveSession } from '../../../lib/live';
import { ackPatches, applyAckPatch } from '../ack-patches';

/** Applies a command's answer to the cached board (see ack-patches.ts). */
export function usePatchBoard() {
  const client = useQueryClient();
  const { sessionId } = useLiveSession();
  const patch = useCallback(
    (activityId: string, update: (board: BoardSnapshot) => BoardSnapshot, again = update) => {
      const onBoard = (change: typeof update) => (snapshot: SessionSnapshot) =>
        patchFeature(snapshot, 'boards', (feature) => {
          const board = feature?.boards[activityId];
          if (!feature || !board) return feature ?? { blocked: false, boards: {} };
          return { ...feature, boards: { ...feature.boards, [activityId]: change(board) } };
        });
      applyAckPatch(client, sessionId, onBoard(update), onBoard(again));
    },
    [client, sessionId],
  );
  return {
    supported: (activityId: string, result: SupportResult) =>
      patch(
        activityId,
        (board) => ackPatches.supported(board, result),
        (board) => ackPatches.supportedMine(board, result),
      ),
    posted: (idea: IdeaView) => patch(idea.activityId, (board) => ackPatches.posted(board, idea)),
  };
}
