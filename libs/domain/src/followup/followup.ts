import type { FollowUpStatus, ResponseDecision, StaffRole } from '@palabre/contracts';

/** Statuses that end a recommendation's follow-up: a finished or closed one is never overdue. */
const FINISHED: readonly FollowUpStatus[] = ['done', 'closed'];

/** Overdue: its deadline (YYYY-MM-DD, inclusive) has passed and it is neither done nor closed. */
export function isOverdue(rec: { deadline: string | null; status: FollowUpStatus }, today: string): boolean {
  return rec.deadline !== null && rec.deadline < today && !FINISHED.includes(rec.status);
}

/** An instructing service answers and reports only on what is assigned to it. */
export function canAnswerRecommendation(actor: { role: StaffRole; accountId: string }, assigneeId: string | null): boolean {
  return actor.role === 'instructor' && assigneeId !== null && assigneeId === actor.accountId;
}

/** Staff who see a recommendation: organisers and admins all, an instructing service its own. */
export function canReadRecommendation(actor: { role: StaffRole; accountId: string }, assigneeId: string | null): boolean {
  if (actor.role === 'organiser' || actor.role === 'admin') return true;
  return canAnswerRecommendation(actor, assigneeId);
}

/** The status a response leads to: « non retenue » closes it; otherwise an unanswered one becomes planned. */
export function statusAfterResponse(current: FollowUpStatus, decision: ResponseDecision): FollowUpStatus {
  if (decision === 'not_retained') return 'closed';
  return current === 'pending' || current === 'closed' ? 'planned' : current;
}

/** The calendar quarter of a date (YYYY-MM-DD): its first and last days. */
export function quarterOf(date: string): { from: string; to: string; label: string } {
  const [y, m] = date.split('-').map(Number);
  const q = Math.floor((m - 1) / 3);
  const from = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(y, q * 3 + 3, 0)).getUTCDate();
  const to = `${y}-${String(q * 3 + 3).padStart(2, '0')}-${last}`;
  return { from, to, label: `T${q + 1} ${y}` };
}
