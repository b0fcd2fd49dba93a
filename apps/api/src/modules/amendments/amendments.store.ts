import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { AmendmentTextView, AmendmentView } from '@palabre/contracts';
import { votingBlocks, type AmendmentItem } from '@palabre/domain';
import { AppError } from '../../common/errors/app-error';
import { Amendment, AmendmentCosign, AmendmentText } from './amendments.entities';

/** Everything about one text, as stored. */
export interface TextState {
  text: AmendmentText;
  activity: { id: string; sessionId: string; groupId: string | null; state: string; title: string };
  amendments: Amendment[];
  cosigns: AmendmentCosign[];
  /** State of each vote question (amendments and final), by question id. */
  questions: Map<string, string>;
  /** The companion survey's anonymity (how the votes are cast). */
  anonymity: 'named' | 'anonymous';
}

/** The domain's view of a stored amendment. */
export function toItem(a: Amendment): AmendmentItem {
  return { id: a.id, number: a.number, parentId: a.parentId, kind: a.kind, from: a.lineFrom, to: a.lineTo, wording: a.wording, status: a.status, fate: a.fate, pinned: a.pinned };
}

/** The amendments module's reads (its one place for SQL). */
export const amendmentsStore = {
  async state(m: EntityManager, activityId: string, lock = false): Promise<TextState> {
    const rows: { id: string; session_id: string; group_id: string | null; state: string; title: string }[] = await m.query(
      `SELECT id, session_id, group_id, state, title FROM activity WHERE id = $1 AND kind = 'amendments'${lock ? ' FOR UPDATE' : ''}`,
      [activityId],
    );
    const a = rows[0];
    const text = a ? await m.getRepository(AmendmentText).findOneBy({ activityId }) : null;
    if (!a || !text) throw new AppError('NOT_FOUND');
    const amendments = await m.getRepository(Amendment).find({ where: { activityId }, order: { number: 'ASC' } });
    const cosigns = amendments.length === 0 ? [] : await m.getRepository(AmendmentCosign).find({ where: { amendmentId: In(amendments.map((x) => x.id)) }, order: { createdAt: 'ASC', participantId: 'ASC' } });
    const questionIds = [...amendments.map((x) => x.questionId), text.finalQuestionId].filter((q): q is string => q !== null);
    const qs: { id: string; state: string }[] = questionIds.length === 0 ? [] : await m.query('SELECT id, state FROM survey_question WHERE id = ANY($1::uuid[])', [questionIds]);
    const survey: { anonymity: 'named' | 'anonymous' }[] = await m.query('SELECT anonymity FROM survey WHERE activity_id = $1', [text.surveyActivityId]);
    return {
      anonymity: survey[0]?.anonymity ?? 'named',
      text,
      activity: { id: a.id, sessionId: a.session_id, groupId: a.group_id, state: a.state, title: a.title },
      amendments,
      cosigns,
      questions: new Map(qs.map((q) => [q.id, q.state])),
    };
  },

  /** Texts of a session, in agenda order. */
  async textIds(m: EntityManager, sessionId: string): Promise<{ id: string; group_id: string | null; state: string }[]> {
    return m.query(`SELECT id, group_id, state FROM activity WHERE session_id = $1 AND kind = 'amendments' ORDER BY position, id`, [sessionId]);
  },

  async amendment(m: EntityManager, sessionId: string, id: string): Promise<Amendment> {
    const found = await m.getRepository(Amendment).findOneBy({ id, sessionId });
    if (!found) throw new AppError('NOT_FOUND');
    return found;
  },
};

const isOpenQuestion = (s: TextState, questionId: string | null) => questionId !== null && s.questions.get(questionId) === 'open';

export function toAmendmentView(s: TextState, a: Amendment): AmendmentView {
  return {
    id: a.id,
    activityId: a.activityId,
    number: a.number,
    parentId: a.parentId,
    kind: a.kind,
    from: a.lineFrom,
    to: a.lineTo,
    wording: a.wording,
    reason: a.reason,
    authorId: a.authorId,
    authorName: a.authorName,
    groupName: a.groupName,
    cosigners: s.cosigns.filter((c) => c.amendmentId === a.id).map((c) => ({ id: c.participantId, name: c.name })),
    status: a.status,
    moderationReason: a.moderationReason,
    fate: a.fate,
    pinned: a.pinned,
    questionId: a.questionId,
    voting: isOpenQuestion(s, a.questionId),
    votes: a.votes,
  };
}

/** Whether amendments are accepted now: the activity runs and the deadline has not passed. */
export function isFilingOpen(s: TextState, now: Date): boolean {
  return s.activity.state === 'open' && (s.text.deadline === null || s.text.deadline.getTime() > now.getTime());
}

/** The whole text as staff see it. */
export function toTextView(s: TextState, now = new Date()): AmendmentTextView {
  const finalState = s.text.finalQuestionId === null ? 'none' : isOpenQuestion(s, s.text.finalQuestionId) ? 'open' : 'closed';
  const fv = s.text.finalVotes;
  return {
    activityId: s.activity.id,
    surveyActivityId: s.text.surveyActivityId,
    anonymity: s.anonymity,
    lines: s.text.lines,
    deadline: s.text.deadline?.toISOString() ?? null,
    open: isFilingOpen(s, now),
    amendments: s.amendments.map((a) => toAmendmentView(s, a)),
    blocks: votingBlocks(s.amendments.map(toItem)),
    final: { questionId: s.text.finalQuestionId, state: finalState, votes: fv, adopted: fv === null ? null : fv.yes > fv.no },
  };
}

/** What a member (or a screen) reads: the admissible amendments, and the member's own. */
export function publicTextView(view: AmendmentTextView, participantId: string | null): AmendmentTextView {
  return { ...view, amendments: view.amendments.filter((a) => a.status === 'admissible' || (participantId !== null && a.authorId === participantId)) };
}
