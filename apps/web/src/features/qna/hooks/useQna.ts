import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { QnaQuestionView, QnaSnapshot, QnaVoteResult, SessionSnapshot } from '@palabre/contracts';
import { isPublicQuestion } from '@palabre/domain';
import { patchFeature, snapshotKey, useLiveSession, useSessionSnapshot } from '../../../lib/live';
import { EMPTY_QNA } from '../patchers';

const EMPTY = EMPTY_QNA;

/** The Q&A part of the snapshot. */
export function useQna(): QnaSnapshot {
  return useSessionSnapshot((s) => s.features.qna ?? EMPTY).data ?? EMPTY;
}

/** A question the room sees (members and the projector), by libs/domain's one rule. */
export const isSeenByTheRoom = (question: QnaQuestionView): boolean => isPublicQuestion(question.status);

/** Records the caller's own upvote from the ack (events carry counts, not who voted). */
export function useRecordVote(): (result: QnaVoteResult) => void {
  const client = useQueryClient();
  const { sessionId } = useLiveSession();
  return useCallback(
    (result) => {
      client.setQueryData<SessionSnapshot>(snapshotKey(sessionId), (snapshot) =>
        snapshot
          ? patchFeature(snapshot, 'qna', (current = EMPTY) => ({
              ...current,
              myVotes: result.voted ? [...new Set([...current.myVotes, result.questionId])] : current.myVotes.filter((id) => id !== result.questionId),
              questions: current.questions.map((q) => (q.id === result.questionId ? { ...q, votes: result.votes } : q)),
            }))
          : snapshot,
      );
    },
    [client, sessionId],
  );
}
