import type { ActivitySummary, ParticipantView, SessionSummary } from '@palabre/contracts';
import type { Assembly } from './assembly.entities';
import type { Activity } from './activity.entity';
import type { Participant } from './participant.entities';
import type { Session } from './session.entity';

export function toSessionSummary(session: Session, assembly: Pick<Assembly, 'name' | 'theme'> | undefined, hasRoster: boolean): SessionSummary {
  return {
    id: session.id,
    title: session.title,
    date: session.date,
    joinCode: session.joinCode,
    accessMode: session.accessMode,
    state: session.state,
    assemblyName: assembly?.name ?? null,
    ...(assembly?.theme ? { theme: assembly.theme } : {}),
    version: session.version,
    hasRoster,
  };
}

export function toParticipantView(participant: Participant): ParticipantView {
  return { id: participant.id, displayName: participant.displayName, role: participant.role, memberId: participant.memberId, groupId: participant.groupId, verified: participant.memberId !== null, claimedMemberId: participant.claimedMemberId };
}

export function toActivitySummary(activity: Activity): ActivitySummary {
  return { id: activity.id, kind: activity.kind, title: activity.title, position: activity.position, state: activity.state, groupId: activity.groupId };
}
