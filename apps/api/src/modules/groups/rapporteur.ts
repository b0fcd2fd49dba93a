import type { EntityManager } from 'typeorm';
import type { ParticipantActor } from '../../common/auth/actor';
import { groupsRepository } from './groups.repository';
import type { WorkingGroup } from './working-group.entities';

/** The one rule of who speaks for a working group: its rapporteur, while still one of its members. */
export function isRapporteur(actor: Pick<ParticipantActor, 'participantId' | 'groupId'>, group: Pick<WorkingGroup, 'id' | 'rapporteurParticipantId'>): boolean {
  return group.rapporteurParticipantId === actor.participantId && actor.groupId === group.id;
}

/** The group this actor speaks for (see `isRapporteur`), or null. */
export async function groupSpokenFor(manager: EntityManager, actor: Pick<ParticipantActor, 'participantId' | 'groupId'>): Promise<WorkingGroup | null> {
  if (!actor.groupId) return null;
  const group = await groupsRepository.findGroup(manager, actor.groupId);
  return group && isRapporteur(actor, group) ? group : null;
}
