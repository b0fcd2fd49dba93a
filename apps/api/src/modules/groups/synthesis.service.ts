import { Injectable } from '@nestjs/common';
import type { CommandPayload, SynthesisCommentView, SynthesisView, WorkingGroupView } from '@palabre/contracts';
import { isStaffRole } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/realtime/transaction';
import { Participant } from '../sessions/participant.entity';
import { activityRooms } from '../sessions/audience';
import { GroupsStore } from './groups.store';
import { toCommentView, toSynthesisView } from './groups.views';
import { isRapporteur } from './rapporteur';
import { SynthesisComment, WorkingGroup } from './working-group.entity';

/** The group's roles and its synthesis: rapporteur writes, members comment, facilitator validates. */
@Injectable()
export class SynthesisService {
  constructor(private readonly store: GroupsStore) {}

  async setRapporteur(tx: Tx, actor: ParticipantActor, p: CommandPayload<'group.setRapporteur'>): Promise<WorkingGroupView> {
    const group = await this.store.lockGroup(tx, actor.sessionId, p.groupId);
    if (p.participantId) {
      const member = await tx.manager.getRepository(Participant).findOneBy({ id: p.participantId, sessionId: actor.sessionId, groupId: group.id });
      // The rapporteur is chosen among the group's members.
      if (!member || member.revokedAt) throw new AppError('NOT_FOUND');
    }
    await tx.manager.getRepository(WorkingGroup).update(group.id, { rapporteurParticipantId: p.participantId });
    await tx.audit(actor.sessionId, 'group.rapporteur_set', actor.participantId, { groupId: group.id, participantId: p.participantId });
    await this.store.publishGroups(tx, actor.sessionId, group.activityId);
    return this.store.view(tx.manager, { ...group, rapporteurParticipantId: p.participantId });
  }

  async setFacilitators(tx: Tx, actor: ParticipantActor, p: CommandPayload<'group.setFacilitators'>): Promise<WorkingGroupView> {
    const group = await this.store.lockGroup(tx, actor.sessionId, p.groupId);
    const ids = [...new Set(p.participantIds)];
    for (const id of ids) {
      const staff = await tx.manager.getRepository(Participant).findOneBy({ id, sessionId: actor.sessionId });
      if (!staff || !isStaffRole(staff.role)) throw new AppError('NOT_FOUND');
    }
    await tx.manager.getRepository(WorkingGroup).update(group.id, { facilitatorParticipantIds: ids });
    await this.store.publishGroups(tx, actor.sessionId, group.activityId);
    return this.store.view(tx.manager, { ...group, facilitatorParticipantIds: ids });
  }

  async save(tx: Tx, actor: ParticipantActor, p: CommandPayload<'synthesis.save'>): Promise<SynthesisView> {
    const group = await this.store.lockGroup(tx, actor.sessionId, p.groupId);
    await this.store.assertReadable(tx, actor, group);
    // Only the rapporteur, while still a member of the group, writes the synthesis.
    if (!isRapporteur(actor, group)) throw new AppError('FORBIDDEN');
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
    if (group.synthesisState === 'validated') throw new AppError('SYNTHESIS_VALIDATED');
    const synthesis = { findings: p.findings, proposals: p.proposals, disagreements: p.disagreements };
    const state = p.submit ? 'submitted' : 'draft';
    if (p.submit && isEmpty(synthesis)) throw new AppError('SYNTHESIS_EMPTY');
    const updated: WorkingGroup = { ...group, synthesis, synthesisState: state, synthesisUpdatedAt: new Date() };
    await tx.manager.getRepository(WorkingGroup).update(group.id, { synthesis, synthesisState: state, synthesisUpdatedAt: updated.synthesisUpdatedAt });
    if (state !== group.synthesisState) {
      await tx.audit(actor.sessionId, `synthesis.${state}`, actor.participantId, { groupId: group.id });
      await this.store.publishGroups(tx, actor.sessionId, group.activityId);
    }
    return this.publishSynthesis(tx, actor.sessionId, updated);
  }

  async comment(tx: Tx, actor: ParticipantActor, p: CommandPayload<'synthesis.comment'>): Promise<SynthesisCommentView> {
    const group = await this.store.lockGroup(tx, actor.sessionId, p.groupId);
    await this.store.assertWritable(tx, actor, group);
    if (group.synthesisState === 'validated') throw new AppError('SYNTHESIS_VALIDATED');
    const repo = tx.manager.getRepository(SynthesisComment);
    const saved = await repo.save(repo.create({ groupId: group.id, participantId: actor.participantId, body: p.body }));
    const comment = toCommentView(saved, actor.displayName);
    await tx.publish('synthesis.commented', actor.sessionId, { groupId: group.id, comment }, { room: await this.groupRooms(tx, actor.sessionId, group.id) });
    return comment;
  }

  async validate(tx: Tx, actor: ParticipantActor, p: CommandPayload<'synthesis.validate'>): Promise<SynthesisView> {
    const group = await this.store.lockGroup(tx, actor.sessionId, p.groupId);
    if (group.synthesisState === 'validated') return toSynthesisView(group); // a double click is not an error
    if (isEmpty(group.synthesis)) throw new AppError('SYNTHESIS_EMPTY');
    await tx.manager.getRepository(WorkingGroup).update(group.id, { synthesisState: 'validated' });
    await tx.audit(actor.sessionId, 'synthesis.validated', actor.participantId, { groupId: group.id, proposals: group.synthesis.proposals.length });
    await this.store.publishGroups(tx, actor.sessionId, group.activityId);
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
    return activityRooms({ sessionId, groupId, state: 'open' }, await this.store.reportBackOpen(tx.manager, sessionId));
  }
}

function isEmpty(s: { findings: string; proposals: string[]; disagreements: string }): boolean {
  return s.findings.trim() === '' && s.proposals.length === 0 && s.disagreements.trim() === '';
}
