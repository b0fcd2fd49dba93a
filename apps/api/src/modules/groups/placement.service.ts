import { Injectable } from '@nestjs/common';
import type { CommandPayload, GroupImportReport, GroupMove, WorkingGroupView } from '@palabre/contracts';
import { assignBalanced } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { TransactionRunner, type Tx } from '../../common/db/transaction';
import { GroupAccess } from './group-access';
import { parseGroupCsv } from './group-csv';
import { groupsRepository } from './groups.repository';
import type { WorkingGroup } from './working-group.entities';

export interface MovesResult {
  moves: GroupMove[];
  groups: WorkingGroupView[];
}

/** Placing members in groups: by their own choice, by the facilitator (one by one or CSV), or by a balanced draw. */
@Injectable()
export class PlacementService {
  constructor(
    private readonly access: GroupAccess,
    private readonly transactions: TransactionRunner,
  ) {}

  async choose(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'group.choose'>): Promise<MovesResult> {
    const group = await this.access.lockGroup(tx, actor.sessionId, payload.groupId);
    const { activity, config } = await this.access.groupsActivity(tx.manager, actor.sessionId, group.activityId);
    // Members choose while the working time runs (not in the staff's draft, not once it is closed).
    if (config.placement !== 'choose' || activity.state !== 'live') throw new AppError('GROUP_CHOICE_CLOSED');
    if (config.choiceClosesAt && Date.parse(config.choiceClosesAt) <= Date.now()) throw new AppError('GROUP_CHOICE_CLOSED');
    if (actor.groupId === group.id) return { moves: [], groups: await this.access.views(tx.manager, group.activityId) };
    return this.move(tx, actor, group, actor.participantId, actor.groupId, 'choose');
  }

  async assign(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'group.assign'>): Promise<MovesResult> {
    const group = payload.groupId ? await this.access.lockGroup(tx, actor.sessionId, payload.groupId) : null;
    const participant = await groupsRepository.findSessionParticipant(tx.manager, payload.participantId, actor.sessionId);
    if (!participant || participant.revokedAt || participant.role !== 'member') throw new AppError('NOT_FOUND');
    if (participant.groupId === (group?.id ?? null)) return { moves: [], groups: group ? await this.access.views(tx.manager, group.activityId) : [] };
    return this.move(tx, actor, group, participant.id, participant.groupId, 'assign');
  }

  /** Rename or resize; a smaller capacity moves no one out, it only closes the seats above it. */
  async updateGroup(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'group.update'>): Promise<WorkingGroupView> {
    const group = await this.access.lockGroup(tx, actor.sessionId, payload.groupId);
    const changes = { name: payload.name ?? group.name, capacity: payload.capacity ?? group.capacity };
    await groupsRepository.updateGroup(tx.manager, group.id, changes);
    await this.access.publishGroups(tx, actor.sessionId, group.activityId);
    return this.access.view(tx.manager, { ...group, ...changes });
  }

  /** One member changes group; what they posted stays where they posted it. */
  private async move(tx: Tx, actor: ParticipantActor, group: WorkingGroup | null, participantId: string, fromGroupId: string | null, via: string): Promise<MovesResult> {
    if (group) {
      // The group row is locked: concurrent choices of the last seat serialise here.
      const counts = await groupsRepository.memberCounts(tx.manager, [group.id]);
      if ((counts.get(group.id) ?? 0) >= group.capacity) throw new AppError('GROUP_FULL');
    }
    await groupsRepository.setParticipantGroup(tx.manager, participantId, group?.id ?? null);
    if (fromGroupId) await this.dropRapporteurs(tx, [participantId]);
    const moves = [{ participantId, groupId: group?.id ?? null, fromGroupId }];
    await tx.audit(actor.sessionId, 'group.member_moved', actor.participantId, { groupId: group?.id ?? null, fromGroupId, via });
    const activityId = group?.activityId ?? (await this.activityOf(tx, fromGroupId));
    const groups = activityId ? await this.access.publishGroups(tx, actor.sessionId, activityId) : [];
    await this.access.publishMoves(tx, actor.sessionId, moves);
    return { moves, groups };
  }

  async autoAssign(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'group.autoAssign'>): Promise<MovesResult> {
    await this.access.groupsActivity(tx.manager, actor.sessionId, payload.activityId);
    const groups = await groupsRepository.lockGroupsOf(tx.manager, payload.activityId);
    const groupIds = new Set(groups.map((group) => group.id));
    const members = await groupsRepository.placeable(tx.manager, actor.sessionId);
    const kept = payload.onlyUnplaced ? members.filter((member) => member.group_id !== null && groupIds.has(member.group_id)) : [];
    const toPlace = members.filter((member) => !kept.includes(member));
    const keptCount = (id: string) => kept.filter((member) => member.group_id === id).length;
    const result = assignBalanced(
      toPlace.map((member) => ({ id: member.id, territoryType: member.territory_type, category: member.category, gender: member.gender })),
      groups.map((group) => ({ id: group.id, capacity: Math.max(0, group.capacity - keptCount(group.id)) })),
      payload.seed,
    );
    const moves: GroupMove[] = toPlace
      .map((member) => ({ participantId: member.id, groupId: result.assignment.get(member.id) ?? null, fromGroupId: member.group_id }))
      .filter((move) => move.groupId !== move.fromGroupId);
    await this.applyMoves(tx, moves);
    await tx.audit(actor.sessionId, 'group.auto_assigned', actor.participantId, { activityId: payload.activityId, seed: payload.seed, placed: result.assignment.size, unplaced: result.unplaced.length });
    const views = await this.access.publishGroups(tx, actor.sessionId, payload.activityId);
    await this.access.publishMoves(tx, actor.sessionId, moves);
    return { moves, groups: views };
  }

  /** CSV lines `participant;group`: the participant by email or name, the group by name or number (1 = first). */
  async importCsv(sessionId: string, activityId: string, csv: string): Promise<GroupImportReport & { moves: GroupMove[] }> {
    if (typeof csv !== 'string' || csv.trim().length === 0) throw new AppError('VALIDATION_FAILED');
    if (Buffer.byteLength(csv) > 512 * 1024) throw new AppError('PAYLOAD_TOO_LARGE');
    const lines = parseGroupCsv(csv);
    return this.transactions.run(async (tx) => {
      await this.access.groupsActivity(tx.manager, sessionId, activityId);
      const groups = await groupsRepository.lockGroupsOf(tx.manager, activityId);
      const members = await groupsRepository.placeable(tx.manager, sessionId);
      const norm = (text: string) => text.trim().toLocaleLowerCase('fr');
      const errors: GroupImportReport['errors'] = [];
      const target = new Map<string, string>();
      for (const line of lines) {
        const group = /^\d+$/.test(line.group) ? groups[Number(line.group) - 1] : groups.find((candidate) => norm(candidate.name) === norm(line.group));
        const matches = members.filter((member) => (member.email && norm(member.email) === norm(line.participant)) || norm(member.display_name) === norm(line.participant));
        if (!group) errors.push({ line: line.line, code: 'UNKNOWN_GROUP', message: `Groupe inconnu : ${line.group}` });
        else if (matches.length !== 1) errors.push({ line: line.line, code: matches.length ? 'AMBIGUOUS_PARTICIPANT' : 'UNKNOWN_PARTICIPANT', message: `Participant introuvable ou ambigu : ${line.participant}` });
        else target.set(matches[0].id, group.id);
      }
      const counts = await groupsRepository.memberCounts(tx.manager, groups.map((group) => group.id));
      const moves: GroupMove[] = [];
      for (const member of members) {
        const groupId = target.get(member.id);
        if (!groupId || groupId === member.group_id) continue;
        moves.push({ participantId: member.id, groupId, fromGroupId: member.group_id });
        counts.set(groupId, (counts.get(groupId) ?? 0) + 1);
        if (member.group_id) counts.set(member.group_id, (counts.get(member.group_id) ?? 0) - 1);
      }
      const full = groups.find((group) => (counts.get(group.id) ?? 0) > group.capacity);
      if (full) throw new AppError('GROUP_FULL');
      await this.applyMoves(tx, moves);
      await tx.audit(sessionId, 'group.imported', null, { activityId, assigned: moves.length, rejected: errors.length });
      await this.access.publishGroups(tx, sessionId, activityId);
      await this.access.publishMoves(tx, sessionId, moves);
      return { assigned: target.size, errors, moves };
    });
  }

  private async applyMoves(tx: Tx, moves: GroupMove[]): Promise<void> {
    if (moves.length === 0) return;
    // One statement for the whole draw (300 members).
    await groupsRepository.moveParticipants(tx.manager, moves.map((move) => move.participantId), moves.map((move) => move.groupId));
    await this.dropRapporteurs(tx, moves.filter((move) => move.fromGroupId).map((move) => move.participantId));
  }

  /** A rapporteur who leaves their group stops being its rapporteur. */
  private async dropRapporteurs(tx: Tx, participantIds: string[]): Promise<void> {
    if (participantIds.length === 0) return;
    await groupsRepository.dropRapporteurs(tx.manager, participantIds);
  }

  private async activityOf(tx: Tx, groupId: string | null): Promise<string | null> {
    if (!groupId) return null;
    return (await groupsRepository.findGroup(tx.manager, groupId))?.activityId ?? null;
  }

}
