import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LiveResults, QuestionResultsResponse } from '@palabre/contracts';
import { apiRequest } from '../../../lib/api';
import { useLiveSession } from '../../../lib/live';

/**
 * One question's results with the breakdown by territory type, category and gender
 * (`GET …/survey-questions/:questionId/results`). The breakdown is not in the live events,
 * so it is fetched again when the live tally says something changed (turnout, state or
 * figures: already coalesced by the server), only while `enabled` (the panel is open).
 */
export function useQuestionBreakdown(live: LiveResults, enabled: boolean) {
  const { sessionId, token } = useLiveSession();
  return useQuery<QuestionResultsResponse>({
    queryKey: ['survey-results', live.questionId, live.state, live.ballots, live.results],
    queryFn: ({ signal }) =>
      apiRequest('surveys.results', { token, signal, params: { id: sessionId, questionId: live.questionId } }),
    enabled,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}
