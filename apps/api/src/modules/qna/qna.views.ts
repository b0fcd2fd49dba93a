import type { QnaQuestionStatus, QnaQuestionView } from '@palabre/contracts';

/** A question row joined with its author's display name (raw SQL, snake_case). */
export interface QuestionRow {
  id: string;
  session_id: string;
  activity_id: string;
  author_id: string;
  anonymous: boolean;
  text: string;
  status: QnaQuestionStatus;
  merged_into: string | null;
  votes: number;
  created_at: Date | string;
  author_name: string;
}

export const QUESTION_SELECT = `SELECT q.id, q.session_id, q.activity_id, q.author_id, q.anonymous, q.text, q.status, q.merged_into, q.votes, q.created_at,
  p.display_name AS author_name FROM qna_question q JOIN participant p ON p.id = q.author_id`;

export function toQuestionView(r: QuestionRow): QnaQuestionView {
  return {
    id: r.id,
    activityId: r.activity_id,
    text: r.text,
    anonymous: r.anonymous,
    // Anonymous means anonymous to everyone, staff included: the name never leaves the server.
    authorName: r.anonymous ? null : r.author_name,
    status: r.status,
    mergedInto: r.merged_into,
    votes: Number(r.votes),
    createdAt: new Date(r.created_at).toISOString(),
  };
}
