import { useEffect, useRef } from 'react';
import type { BoardSnapshot } from '@palabre/contracts';
import { featureState, useSessionSnapshot } from '../../../lib/live';

export interface BoardData {
  board: BoardSnapshot | undefined;
  blocked: boolean;
  meId: string | undefined;
}

/** One board from the live snapshot; a board created or opened since the snapshot triggers one resync. */
export function useBoard(activityId: string): BoardData {
  const { data, refetch, isFetching } = useSessionSnapshot((snapshot) => ({
    feature: featureState(snapshot, 'boards'),
    meId: snapshot.me.id,
  }));
  const board = data?.feature?.boards[activityId];
  const asked = useRef(false);
  useEffect(() => {
    if (data && !board && !isFetching && !asked.current) {
      asked.current = true;
      void refetch();
    }
  }, [data, board, isFetching, refetch]);
  return { board, blocked: data?.feature?.blocked ?? false, meId: data?.meId };
}
