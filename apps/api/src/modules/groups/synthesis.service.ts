import { Injectable } from '@nestjs/common';
import type { CommandPayload, SynthesisCommentView, SynthesisView, WorkingGroupView } from '@palabre/contracts';
import { isStaffRole } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/db/transaction';
import { activityRooms } from '../sessions/audience';
import { GroupAccess } from './group-access';
import { groupsRepository } from './groups.repository';
import { toCommentView, toSynthesisView } from './groups.views';
import { isRapporteur } from './rapporteur';
import type { WorkingGroup } from './working-group.entities';

/** The group's roles and its synthesis: rapporteur writes, members comment, facilitator validates. */
@Injectable()
export class SynthesisService {
  constructor(private readonly access: GroupAccess) {}

  async setRapporteur(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'group.setRapporteur'>): Promise<WorkingGroupView> {
    const group = await this.access.lockGroup(tx, actor.sessionId, payload.groupId);
    if (payload.participantId) {
      const member = await groupsRepository.findGroupMember(tx.manager, payload.participantId, actor.sessionId, group.id);
      // The rapporteur is chosen among the group's members.
      if (!member || member.revokedAt) throw new AppError('NOT_FOUND');
    }
    await groupsRepository.updateGroup(tx.manager, group.id, { rapporteurParticipantId: payload.participantId });
    await tx.audit(actor.sessionId, 'group.rapporteur_set', actor.participantId, { groupId: group.id, participantId: payload.participantId });
    await this.access.publishGroups(tx, actor.sessionId, group.activityId);
    return this.access.view(tx.manager, { ...group, rapporteurParticipantId: payload.participantId });
  }

  async setFacilitators(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'group.setFacilitators'>): Promise<WorkingGroupView> {
    const group = await this.access.lockGroup(tx, actor.sessionId, payload.groupId);
    const ids = [...new Set(payload.participantIds)];
    for (const id of ids) {
      const staff = await groupsRepository.findSessionParticipant(tx.manager, id, actor.sessionId);
      if (!staff || !isStaffRole(staff.role)) throw new AppError('NOT_FOUND');
    }
    await groupsRepository.updateGroup(tx.manager, group.id, { facilitatorParticipantIds: ids });
    await this.access.publishGroups(tx, actor.sessionId, group.activityId);
    return this.access.view(tx.manager, { ...group, facilitatorParticipantIds: ids });
  }

  async save(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'synthesis.save'>): Promise<SynthesisView> {
    const group = await this.access.lockGroup(tx, actor.sessionId, payload.groupId);
    await this.access.assertReadable(tx, actor, group);
    // Only the rapporteur, while still a member of the group, writes the synthesis.
    if (!isRapporteur(actor, group)) throw new AppError('FORBIDDEN');
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
    if (group.synthesisState === 'validated') throw new AppError('SYNTHESIS_VALIDATED');
    const synthesis = { findings: payload.findings, proposals: payload.proposals, disagreements: payload.disagreements };
    const state = payload.submit ? 'submitted' : 'draft';
    if (payload.submit && isEmpty(synthesis)) throw new AppError('SYNTHESIS_EMPTY');
    const updated: WorkingGroup = { ...group, synthesis, synthesisState: state, synthesisUpdatedAt: new Date() };
    await groupsRepository.updateGroup(tx.manager, group.id, { synthesis, synthesisState: state, synthesisUpdatedAt: updated.synthesisUpdatedAt });
    if (state !== group.synthesisState) {
      await tx.audit(actor.sessionId, `synthesis.${state}`, actor.participantId, { groupId: group.id });
      await this.access.publishGroups(tx, actor.sessionId, group.activityId);
    }
    return this.publishSynthesis(tx, actor.sessionId, updated);
  }

  async comment(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'synthesis.comment'>): Promise<SynthesisCommentView> {
    const group = await this.access.lockGroup(tx, actor.sessionId, payload.groupId);
    await this.access.assertWritable(tx, actor, group);
    if (group.synthesisState === 'validated') throw new AppError('SYNTHESIS_VALIDATED');
    const saved = await groupsRepository.createComment(tx.manager, { groupId: group.id, participantId: actor.participantId, body: payload.body });
    const comment = toCommentView(saved, actor.displayName);
    await tx.publish('synthesis.commented', actor.sessionId, { groupId: group.id, comment }, { room: await this.groupRooms(tx, actor.sessionId, group.id) });
    return comment;
  }

  async validate(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'synthesis.validate'>): Promise<SynthesisView> {
    const group = await this.access.lockGroup(tx, actor.sessionId, payload.groupId);
    if (group.synthesisState === 'validated') return toSynthesisView(group); // a double click is not an error
    if (isEmpty(group.synthesis)) throw new AppError('SYNTHESIS_EMPTY');
    await groupsRepository.updateGroup(tx.manager, group.id, { synthesisState: 'validated' });
    await tx.audit(actor.sessionId, 'synthesis.validated', actor.participantId, { groupId: group.id, proposals: group.synthesis.proposals.length });
    await this.access.publishGroups(tx, actor.sessionId, group.activityId);
    return this.publishSynthesis(tx, actor.sessionId, { ...group, synthesisState: 'validated' });
  }

  private async publishSynthesis(tx: Tx, sessionId: string, group: WorkingGroup): Promise<SynthesisView> {
    const synthesis = toSynthesisView(group);
    await tx.publish('synthesis.updated', sessionId, { groupId: group.id, synthesis }, { room: await this.groupRooms(tx, sessionId, group.id) });
    return synthesis;
  }

  /** The group and staff; after the report-back, the whole session (and its screens) reads it too. */
  private async groupRooms(tx: Tx, sessionId: string, groupId: string): Promise<string[]> {
    // A group's own work has the audience of a running group activity.
    return activityRooms({ sessionId, groupId, state: 'open' }, await this.access.reportBackOpen(tx.manager, sessionId));
  }
}

function isEmpty(synthesis: { findings: string; proposals: string[]; disagreements: string }): boolean {
  return synthesis.findings.trim() === '' && synthesis.proposals.length === 0 && synthesis.disagreements.trim() === '';
}
