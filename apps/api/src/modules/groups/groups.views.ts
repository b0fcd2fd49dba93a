import type { SeedCardView, SynthesisCommentView, SynthesisView, WorkingGroupView } from '@palabre/contracts';
import type { GroupSeedCard, SynthesisComment, WorkingGroup } from './working-group.entities';

export function toGroupView(group: WorkingGroup, memberCount: number): WorkingGroupView {
  return {
    id: group.id,
    activityId: group.activityId,
    name: group.name,
    position: group.position,
    capacity: group.capacity,
    memberCount,
    rapporteurParticipantId: group.rapporteurParticipantId,
    facilitatorParticipantIds: group.facilitatorParticipantIds,
    synthesisState: group.synthesisState,
  };
}

export function toSynthesisView(group: WorkingGroup): SynthesisView {
  return { ...group.synthesis, state: group.synthesisState, updatedAt: group.synthesisUpdatedAt?.toISOString() ?? null };
}

export function toCommentView(comment: SynthesisComment, authorName: string): SynthesisCommentView {
  return { id: comment.id, groupId: comment.groupId, participantId: comment.participantId, authorName, body: comment.body, createdAt: comment.createdAt.toISOString() };
}

export function toSeedCardView(card: GroupSeedCard): SeedCardView {
  return { id: card.id, groupId: card.groupId, title: card.title, body: card.body, origin: card.origin, createdAt: card.createdAt.toISOString() };
}
