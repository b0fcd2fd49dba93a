import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { CommandPayload, GroupImportReport, GroupMove, WorkingGroupView } from '@palabre/contracts';
import { assignBalanced } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { TransactionRunner, type Tx } from '../../common/realtime/transaction';
import { Participant } from '../sessions/participant.entity';
import { parseGroupCsv } from './group-csv';
import { GroupsStore } from './groups.store';
import { WorkingGroup } from './working-group.entity';

export interface MovesResult {
  moves: GroupMove[];
  groups: WorkingGroupView[];
}

interface Placeable {
  id: string;
  display_name: string;
  email: string | null;
  group_id: string | null;
  territory_type: string | null;
  category: string | null;
  gender: string | null;
}

/** Placing members in groups: by their own choice, by the facilitator (one by one or CSV), or by a balanced draw. */
@Injectable()
export class PlacementService {
  constructor(
    private readonly store: GroupsStore,
    private readonly transactions: TransactionRunner,
  ) {}

  async choose(tx: Tx, actor: ParticipantActor, p: CommandPayload<'group.choose'>): Promise<MovesResult> {
    const group = await this.store.lockGroup(tx, actor.sessionId, p.groupId);
    const { activity, config } = await this.store.groupsActivity(tx.manager, actor.sessionId, group.activityId);
    // Members choose while the working time runs (not in the staff's draft, not once it is closed).
    if (config.placement !== 'choose' || activity.state !== 'live') throw new AppError('GROUP_CHOICE_CLOSED');
    if (config.choiceClosesAt && Date.parse(config.choiceClosesAt) <= Date.now()) throw new AppError('GROUP_CHOICE_CLOSED');
    if (actor.groupId === group.id) return { moves: [], groups: await this.store.views(tx.manager, group.activityId) };
    return this.move(tx, actor, group, actor.participantId, actor.groupId, 'choose');
  }

  async assign(tx: Tx, actor: ParticipantActor, p: CommandPayload<'group.assign'>): Promise<MovesResult> {
    const group = p.groupId ? await this.store.lockGroup(tx, actor.sessionId, p.groupId) : null;
    const participant = await tx.manager.getRepository(Participant).findOneBy({ id: p.participantId, sessionId: actor.sessionId });
    if (!participant || participant.revokedAt || participant.role !== 'member') throw new AppError('NOT_FOUND');
    if (participant.groupId === (group?.id ?? null)) return { moves: [], groups: group ? await this.store.views(tx.manager, group.activityId) : [] };
    return this.move(tx, actor, group, participant.id, participant.groupId, 'assign');
  }

  /** Rename or resize; a smaller capacity moves no one out, it only closes the seats above it. */
  async updateGroup(tx: Tx, actor: ParticipantActor, p: CommandPayload<'group.update'>): Promise<WorkingGroupView> {
    const group = await this.store.lockGroup(tx, actor.sessionId, p.groupId);
    const changes = { name: p.name ?? group.name, capacity: p.capacity ?? group.capacity };
    await tx.manager.getRepository(WorkingGroup).update(group.id, changes);
    await this.store.publishGroups(tx, actor.sessionId, group.activityId);
    return this.store.view(tx.manager, { ...group, ...changes });
  }

  /** One member changes group; what they posted stays where they posted it. */
  private async move(tx: Tx, actor: ParticipantActor, group: WorkingGroup | null, participantId: string, fromGroupId: string | null, via: string): Promise<MovesResult> {
    if (group) {
      // The group row is locked: concurrent choices of the last seat serialise here.
      const counts = await this.store.memberCounts(tx.manager, [group.id]);
      if ((counts.get(group.id) ?? 0) >= group.capacity) throw new AppError('GROUP_FULL');
    }
    await tx.manager.getRepository(Participant).update(participantId, { groupId: group?.id ?? null });
    if (fromGroupId) await this.dropRapporteurs(tx, [participantId]);
    const moves = [{ participantId, groupId: group?.id ?? null, fromGroupId }];
    await tx.audit(actor.sessionId, 'group.member_moved', actor.participantId, { groupId: group?.id ?? null, fromGroupId, via });
    const activityId = group?.activityId ?? (await this.activityOf(tx, fromGroupId));
    const groups = activityId ? await this.store.publishGroups(tx, actor.sessionId, activityId) : [];
    await this.store.publishMoves(tx, actor.sessionId, moves);
    return { moves, groups };
  }

  async autoAssign(tx: Tx, actor: ParticipantActor, p: CommandPayload<'group.autoAssign'>): Promise<MovesResult> {
    await this.store.groupsActivity(tx.manager, actor.sessionId, p.activityId);
    const groups = await tx.manager.getRepository(WorkingGroup).find({ where: { activityId: p.activityId }, order: { position: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const groupIds = new Set(groups.map((g) => g.id));
    const members = await this.placeable(tx, actor.sessionId);
    const kept = p.onlyUnplaced ? members.filter((m) => m.group_id !== null && groupIds.has(m.group_id)) : [];
    const toPlace = members.filter((m) => !kept.includes(m));
    const keptCount = (id: string) => kept.filter((m) => m.group_id === id).length;
    const result = assignBalanced(
      toPlace.map((m) => ({ id: m.id, territoryType: m.territory_type, category: m.category, gender: m.gender })),
      groups.map((g) => ({ id: g.id, capacity: Math.max(0, g.capacity - keptCount(g.id)) })),
      p.seed,
    );
    const moves: GroupMove[] = toPlace
      .map((m) => ({ participantId: m.id, groupId: result.assignment.get(m.id) ?? null, fromGroupId: m.group_id }))
      .filter((m) => m.groupId !== m.fromGroupId);
    await this.applyMoves(tx, moves);
    await tx.audit(actor.sessionId, 'group.auto_assigned', actor.participantId, { activityId: p.activityId, seed: p.seed, placed: result.assignment.size, unplaced: result.unplaced.length });
    const views = await this.store.publishGroups(tx, actor.sessionId, p.activityId);
    await this.store.publishMoves(tx, actor.sessionId, moves);
    return { moves, groups: views };
  }

  /** CSV lines `participant;group`: the participant by email or name, the group by name or number (1 = first). */
  async importCsv(sessionId: string, activityId: string, csv: string): Promise<GroupImportReport & { moves: GroupMove[] }> {
    if (typeof csv !== 'string' || csv.trim().length === 0) throw new AppError('VALIDATION_FAILED');
    if (Buffer.byteLength(csv) > 512 * 1024) throw new AppError('PAYLOAD_TOO_LARGE');
    const lines = parseGroupCsv(csv);
    return this.transactions.run(async (tx) => {
      await this.store.groupsActivity(tx.manager, sessionId, activityId);
      const groups = await tx.manager.getRepository(WorkingGroup).find({ where: { activityId }, order: { position: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const members = await this.placeable(tx, sessionId);
      const norm = (s: string) => s.trim().toLocaleLowerCase('fr');
      const errors: GroupImportReport['errors'] = [];
      const target = new Map<string, string>();
      for (const line of lines) {
        const group = /^\d+$/.test(line.group) ? groups[Number(line.group) - 1] : groups.find((g) => norm(g.name) === norm(line.group));
        const matches = members.filter((m) => (m.email && norm(m.email) === norm(line.participant)) || norm(m.display_name) === norm(line.participant));
        if (!group) errors.push({ line: line.line, code: 'UNKNOWN_GROUP', message: `Groupe inconnu : ${line.group}` });
        else if (matches.length !== 1) errors.push({ line: line.line, code: matches.length ? 'AMBIGUOUS_PARTICIPANT' : 'UNKNOWN_PARTICIPANT', message: `Participant introuvable ou ambigu : ${line.participant}` });
        else target.set(matches[0].id, group.id);
      }
      const counts = await this.store.memberCounts(tx.manager, groups.map((g) => g.id));
      const moves: GroupMove[] = [];
      for (const m of members) {
        const groupId = target.get(m.id);
        if (!groupId || groupId === m.group_id) continue;
        moves.push({ participantId: m.id, groupId, fromGroupId: m.group_id });
        counts.set(groupId, (counts.get(groupId) ?? 0) + 1);
        if (m.group_id) counts.set(m.group_id, (counts.get(m.group_id) ?? 0) - 1);
      }
      const full = groups.find((g) => (counts.get(g.id) ?? 0) > g.capacity);
      if (full) throw new AppError('GROUP_FULL');
      await this.applyMoves(tx, moves);
      await tx.audit(sessionId, 'group.imported', null, { activityId, assigned: moves.length, rejected: errors.length });
      await this.store.publishGroups(tx, sessionId, activityId);
      await this.store.publishMoves(tx, sessionId, moves);
      return { assigned: target.size, errors, moves };
    });
  }

  private async applyMoves(tx: Tx, moves: GroupMove[]): Promise<void> {
    if (moves.length === 0) return;
    // One statement for the whole draw (300 members): arrays zipped into rows.
    await tx.manager.query(
      `UPDATE participant p SET group_id = v.group_id FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::uuid[]) AS group_id) v WHERE p.id = v.id`,
      [moves.map((m) => m.participantId), moves.map((m) => m.groupId)],
    );
    await this.dropRapporteurs(tx, moves.filter((m) => m.fromGroupId).map((m) => m.participantId));
  }

  /** A rapporteur who leaves their group stops being its rapporteur. */
  private async dropRapporteurs(tx: Tx, participantIds: string[]): Promise<void> {
    if (participantIds.length === 0) return;
    await tx.manager.getRepository(WorkingGroup).update({ rapporteurParticipantId: In(participantIds) }, { rapporteurParticipantId: null });
  }

  private async activityOf(tx: Tx, groupId: string | null): Promise<string | null> {
    if (!groupId) return null;
    return (await tx.manager.getRepository(WorkingGroup).findOneBy({ id: groupId }))?.activityId ?? null;
  }

  /** Members (not staff, not screens, not revoked) with their roster attributes when they have any. */
  private placeable(tx: Tx, sessionId: string): Promise<Placeable[]> {
    return tx.manager.query(
      `SELECT p.id, p.display_name, m.email, p.group_id, m.territory_type, m.category, m.gender
         FROM participant p LEFT JOIN member m ON m.id = p.member_id
        WHERE p.session_id = $1 AND p.role = 'member' AND p.revoked_at IS NULL ORDER BY p.id`,
      [sessionId],
    );
  }
}
