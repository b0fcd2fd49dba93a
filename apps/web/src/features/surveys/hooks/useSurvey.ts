import type { SurveysFeature } from '@palabre/contracts';
import { featureState, useSessionSnapshot } from '../../../lib/live';

/** One survey activity: its questions, my ballots and the live results, from the snapshot cache. */
export function useSurvey(activityId: string) {
  const { data } = useSessionSnapshot();
  const feature = data ? featureState<SurveysFeature>(data, 'surveys') : undefined;
  return {
    survey: feature?.surveys[activityId],
    myBallots: feature?.myBallots ?? {},
    results: feature?.results ?? {},
    me: data?.me,
  };
}
