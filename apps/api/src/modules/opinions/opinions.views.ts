import type { OpinionStatementStatus, OpinionStatementView } from '@palabre/contracts';

/** A statement row (raw SQL, snake_case). */
export interface StatementRow {
  id: string;
  session_id: string;
  activity_id: string;
  author_id: string;
  origin: 'facilitator' | 'member' | 'idea';
  text: string;
  status: OpinionStatementStatus;
  created_at: Date | string;
}

/** The author is never shown: a statement stands for itself. */
export function toStatementView(r: StatementRow): OpinionStatementView {
  return { id: r.id, activityId: r.activity_id, text: r.text, status: r.status, origin: r.origin, createdAt: new Date(r.created_at).toISOString() };
}
