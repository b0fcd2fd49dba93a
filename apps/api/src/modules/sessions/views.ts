import type { ActivitySummary, ParticipantView, SessionSummary } from '@palabre/contracts';
import type { Activity } from './activity.entity';
import type { Participant } from './participant.entity';
import type { Session } from './session.entity';

export function toSessionSummary(s: Session, assemblyName: string | null, hasRoster: boolean): SessionSummary {
  return { id: s.id, title: s.title, date: s.date, joinCode: s.joinCode, accessMode: s.accessMode, state: s.state, assemblyName, version: s.version, hasRoster };
}

export function toParticipantView(p: Participant): ParticipantView {
  return { id: p.id, displayName: p.displayName, role: p.role, memberId: p.memberId, groupId: p.groupId, verified: p.memberId !== null, claimedMemberId: p.claimedMemberId };
}

export function toActivitySummary(a: Activity): ActivitySummary {
  return { id: a.id, kind: a.kind, title: a.title, position: a.position, state: a.state, groupId: a.groupId };
}
