import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Gender, MemberCategory, OUTCOME_SCHEMA_VERSION, OutcomeSection, ParticipantRole, TerritoryType, type OutcomeAgendaItem, type OutcomeParticipant, type OutcomeRecord } from '@palabre/contracts';
import { readAtOneInstant } from '../../common/db/read-once';
import { AppError } from '../../common/errors/app-error';
import { representedCount } from '../surveys/proxies.service';
import type { AuditEvent } from '../audit/audit-event.entity';
import { GENESIS_HASH } from '../audit/hash-chain';
import { ActivityKinds } from '../sessions/activity-kinds';
import type { Activity } from '../sessions/activity.entity';
import { countCells } from './cells';
import { outcomesRepository } from './outcomes.repository';

const MIN_CELL = 5;
// An activity starts at its first opening: a survey question opens (`survey.question.open`),
// a board or a Q&A goes live; it ends at its last closing or publication.
const STARTS = /\.(open|opened|started|live)$/;
const ENDS = /\.(closed|ended|published)$/;

/**
 * Builds the deterministic record of a session from the live tables: the same rows give the
 * same record, byte for byte once canonicalised. `auditBefore` limits the audit summary to the
 * links before the seal, so links appended after it (exports, publication) do not change it.
 */
@Injectable()
export class OutcomeRecordService {
  constructor(
    private readonly db: DataSource,
    private readonly kinds: ActivityKinds,
  ) {}

  /** Reads everything at one instant (REPEATABLE READ), outside any caller transaction. */
  build(sessionId: string, opts: { auditBefore?: number } = {}): Promise<OutcomeRecord> {
    return readAtOneInstant(this.db, (manager) => this.buildWith(manager, sessionId, opts));
  }

  async buildWith(manager: EntityManager, sessionId: string, opts: { auditBefore?: number } = {}): Promise<OutcomeRecord> {
    const session = await outcomesRepository.findSession(manager, sessionId);
    if (!session) throw new AppError('SESSION_NOT_FOUND');
    const assembly = session.assemblyId ? await outcomesRepository.findAssembly(manager, session.assemblyId) : null;
    const audit = await outcomesRepository.auditLinks(manager, sessionId, opts.auditBefore);
    const activities = await outcomesRepository.activities(manager, sessionId);
    const participants = await this.participants(manager, sessionId);
    // Every kind's sections, validated against the shared schema (defaults filled in), in feature-name order.
    const sections = (await this.kinds.outcomes(sessionId, manager)).map((part) => OutcomeSection.parse(part));
    const position = new Map(activities.map((activity) => [activity.id, activity.position]));
    sections.sort((a, b) => (position.get(a.activityId ?? '') ?? Infinity) - (position.get(b.activityId ?? '') ?? Infinity));
    const members = participants.filter((participant) => participant.role === 'member');
    const present = members.filter((member) => member.present);
    const invited = members.filter((member) => member.invited).length;
    // Proxies still live at the end (their giver never came, their holder did): only when proxies were used.
    const represented = await representedCount(manager, sessionId, new Set(present.map((member) => member.id)));
    const types: Record<string, number> = {};
    for (const link of audit) types[link.type] = (types[link.type] ?? 0) + 1;
    return {
      schemaVersion: OUTCOME_SCHEMA_VERSION,
      session: { id: session.id, title: session.title, date: session.date, joinCode: session.joinCode, accessMode: session.accessMode, assembly: assembly?.name ?? null },
      agenda: activities.map((activity) => agendaItem(activity, audit)),
      attendance: {
        invited,
        present: present.length,
        ...(represented > 0 ? { represented, voting: present.length + represented } : {}),
        turnout: invited > 0 ? Math.round((present.filter((member) => member.invited).length / invited) * 1000) / 1000 : null,
        byRole: Object.fromEntries(ParticipantRole.options.map((role) => [role, participants.filter((participant) => participant.role === role && participant.present).length])) as OutcomeRecord['attendance']['byRole'],
        breakdown: {
          minCell: MIN_CELL,
          territoryType: countCells(TerritoryType.options, present.map((member) => member.territoryType), MIN_CELL),
          category: countCells(MemberCategory.options, present.map((member) => member.category), MIN_CELL),
          gender: countCells(Gender.options, present.map((member) => member.gender), MIN_CELL),
        },
      },
      participants,
      sections,
      audit: { length: audit.length, head: audit.at(-1)?.hash ?? GENESIS_HASH, types },
    };
  }

  private async participants(manager: EntityManager, sessionId: string): Promise<OutcomeParticipant[]> {
    const rows = await outcomesRepository.participants(manager, sessionId);
    return rows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
      role: row.role,
      invited: row.member_id !== null,
      perimeter: row.perimeter,
      territoryType: row.territory_type,
      category: row.category,
      gender: row.gender,
      present: row.joined_at !== null,
    }));
  }
}

function agendaItem(activity: Activity, audit: AuditEvent[]): OutcomeAgendaItem {
  const mine = audit.filter((link) => link.payload?.activityId === activity.id);
  const start = mine.find((link) => STARTS.test(link.type));
  const end = mine.filter((link) => ENDS.test(link.type)).at(-1);
  return {
    activityId: activity.id,
    kind: activity.kind,
    title: activity.title,
    position: activity.position,
    state: activity.state,
    groupId: activity.groupId,
    startedAt: start ? new Date(start.createdAt).toISOString() : null,
    endedAt: end ? new Date(end.createdAt).toISOString() : null,
  };
}
