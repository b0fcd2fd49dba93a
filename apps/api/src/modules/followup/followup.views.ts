import type { Recommendation as RecommendationView } from '@palabre/contracts';
import { isOverdue } from '@palabre/domain';
import type { StaffAccount } from '../auth/staff-account.entity';
import type { Session } from '../sessions/session.entity';
import type { Recommendation, RecommendationProgress } from './recommendation.entities';

/** A recommendation as staff read it: its sealed session, its assignee, its answer and progress; overdue as of `today`. */
export function toRecommendationView(
  rec: Recommendation,
  session: Session,
  assignee: StaffAccount | undefined,
  progress: RecommendationProgress[],
  today: string,
): RecommendationView {
  return {
    id: rec.id,
    assemblyId: rec.assemblyId,
    session: { id: session.id, title: session.title, date: session.date, joinCode: session.joinCode },
    archiveDigest: rec.archiveDigest,
    source: { kind: rec.itemKind, activityId: rec.activityId, itemId: rec.itemId },
    evidence: rec.evidence,
    title: rec.title,
    body: rec.body,
    theme: rec.theme,
    territories: rec.territories,
    contractRef: rec.contractRef,
    deadline: rec.deadline,
    overdue: isOverdue(rec, today),
    assignee: assignee ? { id: assignee.id, displayName: assignee.displayName } : null,
    published: rec.published,
    response: rec.decision && rec.reasons && rec.answeredAt ? { decision: rec.decision, reasons: rec.reasons, at: new Date(rec.answeredAt).toISOString() } : null,
    status: rec.status,
    percent: rec.percent,
    progress: progress.filter((entry) => entry.recommendationId === rec.id).map((entry) => ({ date: entry.date, status: entry.status, percent: entry.percent, note: entry.note })),
    createdAt: new Date(rec.createdAt).toISOString(),
    updatedAt: new Date(rec.updatedAt).toISOString(),
  };
}
