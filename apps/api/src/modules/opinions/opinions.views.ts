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

export const STATEMENT_SELECT = 'SELECT s.id, s.session_id, s.activity_id, s.author_id, s.origin, s.text, s.status, s.created_at FROM opinion_statement s';

/** The author is never shown: a statement stands for itself. */
export function toStatementView(r: StatementRow): OpinionStatementView {
  return { id: r.id, activityId: r.activity_id, text: r.text, status: r.status, origin: r.origin, createdAt: new Date(r.created_at).toISOString() };
}
