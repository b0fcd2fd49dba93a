import { useCallback } from 'react';
import type { SessionSnapshot } from '@palabre/contracts';
import { featureState, useSessionSnapshot } from '../../../lib/live';

/**
 * One survey activity: its questions, my ballots and the live results, from the snapshot cache.
 * Read through a selector, so a presence, board or Q&A event does not re-render a ballot or a chart.
 */
export function useSurvey(activityId: string) {
  const select = useCallback(
    (snapshot: SessionSnapshot) => {
      const feature = featureState(snapshot, 'surveys');
      return { survey: feature?.surveys[activityId], myBallots: feature?.myBallots, results: feature?.results, me: snapshot.me };
    },
    [activityId],
  );
  const { data } = useSessionSnapshot(select);
  return { survey: data?.survey, myBallots: data?.myBallots ?? {}, results: data?.results ?? {}, me: data?.me };
}
