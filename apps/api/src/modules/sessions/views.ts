import type { ActivitySummary, ParticipantView, SessionSummary } from '@palabre/contracts';
import type { Assembly } from './assembly.entity';
import type { Activity } from './activity.entity';
import type { Participant } from './participant.entity';
import type { Session } from './session.entity';

export function toSessionSummary(s: Session, assembly: Pick<Assembly, 'name' | 'theme'> | undefined, hasRoster: boolean): SessionSummary {
  return {
    id: s.id,
    title: s.title,
    date: s.date,
    joinCode: s.joinCode,
    accessMode: s.accessMode,
    state: s.state,
    assemblyName: assembly?.name ?? null,
    ...(assembly?.theme ? { theme: assembly.theme } : {}),
    version: s.version,
    hasRoster,
  };
}

export function toParticipantView(p: Participant): ParticipantView {
  return { id: p.id, displayName: p.displayName, role: p.role, memberId: p.memberId, groupId: p.groupId, verified: p.memberId !== null, claimedMemberId: p.claimedMemberId };
}

export function toActivitySummary(a: Activity): ActivitySummary {
  return { id: a.id, kind: a.kind, title: a.title, position: a.position, state: a.state, groupId: a.groupId };
}
