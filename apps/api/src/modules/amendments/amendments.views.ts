import type { AmendmentTextView, AmendmentView } from '@palabre/contracts';
import { votingBlocks, type AmendmentItem } from '@palabre/domain';
import type { Amendment } from './amendments.entities';
import type { TextState } from './amendments.repository';

/** The domain's view of a stored amendment. */
export function toItem(amendment: Amendment): AmendmentItem {
  const { id, number, parentId, kind, lineFrom: from, lineTo: to, wording, status, fate, pinned } = amendment;
  return { id, number, parentId, kind, from, to, wording, status, fate, pinned };
}

const isOpenQuestion = (state: TextState, questionId: string | null) => questionId !== null && state.questions.get(questionId) === 'open';

export function toAmendmentView(state: TextState, amendment: Amendment): AmendmentView {
  return {
    id: amendment.id,
    activityId: amendment.activityId,
    number: amendment.number,
    parentId: amendment.parentId,
    kind: amendment.kind,
    from: amendment.lineFrom,
    to: amendment.lineTo,
    wording: amendment.wording,
    reason: amendment.reason,
    authorId: amendment.authorId,
    authorName: amendment.authorName,
    groupName: amendment.groupName,
    cosigners: state.cosigns.filter((c) => c.amendmentId === amendment.id).map((c) => ({ id: c.participantId, name: c.name })),
    status: amendment.status,
    moderationReason: amendment.moderationReason,
    fate: amendment.fate,
    pinned: amendment.pinned,
    questionId: amendment.questionId,
    voting: isOpenQuestion(state, amendment.questionId),
    votes: amendment.votes,
  };
}

/** Whether amendments are accepted now: the activity runs and the deadline has not passed. */
export function isFilingOpen(state: TextState, now: Date): boolean {
  return state.activity.state === 'open' && (state.text.deadline === null || state.text.deadline.getTime() > now.getTime());
}

/** The whole text as staff see it. */
export function toTextView(state: TextState, now = new Date()): AmendmentTextView {
  const finalState = state.text.finalQuestionId === null ? 'none' : isOpenQuestion(state, state.text.finalQuestionId) ? 'open' : 'closed';
  const finalVotes = state.text.finalVotes;
  return {
    activityId: state.activity.id,
    surveyActivityId: state.text.surveyActivityId,
    anonymity: state.anonymity,
    lines: state.text.lines,
    deadline: state.text.deadline?.toISOString() ?? null,
    open: isFilingOpen(state, now),
    amendments: state.amendments.map((amendment) => toAmendmentView(state, amendment)),
    blocks: votingBlocks(state.amendments.map(toItem)),
    final: { questionId: state.text.finalQuestionId, state: finalState, votes: finalVotes, adopted: finalVotes === null ? null : finalVotes.yes > finalVotes.no },
  };
}

/** What a member (or a screen) reads: the admissible amendments, and the member's own. */
export function publicTextView(view: AmendmentTextView, participantId: string | null): AmendmentTextView {
  return { ...view, amendments: view.amendments.filter((a) => a.status === 'admissible' || (participantId !== null && a.authorId === participantId)) };
}
