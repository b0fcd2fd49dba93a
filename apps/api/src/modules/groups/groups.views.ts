import type { SeedCardView, SynthesisCommentView, SynthesisView, WorkingGroupView } from '@palabre/contracts';
import type { GroupSeedCard, SynthesisComment, WorkingGroup } from './working-group.entity';

export function toGroupView(g: WorkingGroup, memberCount: number): WorkingGroupView {
  return {
    id: g.id,
    activityId: g.activityId,
    name: g.name,
    position: g.position,
    capacity: g.capacity,
    memberCount,
    rapporteurParticipantId: g.rapporteurParticipantId,
    facilitatorParticipantIds: g.facilitatorParticipantIds,
    synthesisState: g.synthesisState,
  };
}

export function toSynthesisView(g: WorkingGroup): SynthesisView {
  return { ...g.synthesis, state: g.synthesisState, updatedAt: g.synthesisUpdatedAt?.toISOString() ?? null };
}

export function toCommentView(c: SynthesisComment, authorName: string): SynthesisCommentView {
  return { id: c.id, groupId: c.groupId, participantId: c.participantId, authorName, body: c.body, createdAt: c.createdAt.toISOString() };
}

export function toSeedCardView(c: GroupSeedCard): SeedCardView {
  return { id: c.id, groupId: c.groupId, title: c.title, body: c.body, origin: c.origin, createdAt: c.createdAt.toISOString() };
}
