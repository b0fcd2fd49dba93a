import type { QnaQuestionStatus, QnaQuestionView } from '@palabre/contracts';

/** A question row joined with its author's display name (raw SQL, snake_case: `qnaRepository.question`). */
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

export function toQuestionView(row: QuestionRow): QnaQuestionView {
  return {
    id: row.id,
    activityId: row.activity_id,
    text: row.text,
    anonymous: row.anonymous,
    // Anonymous means anonymous to everyone, staff included: the name never leaves the server.
    authorName: row.anonymous ? null : row.author_name,
    status: row.status,
    mergedInto: row.merged_into,
    votes: Number(row.votes),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
