import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { Gender, MemberCategory, OUTCOME_SCHEMA_VERSION, OutcomeSection, ParticipantRole, TerritoryType, type OutcomeAgendaItem, type OutcomeParticipant, type OutcomeRecord } from '@palabre/contracts';
import { AppError } from '../../common/errors/app-error';
import { representedCount } from '../surveys/proxies.service';
import { AuditEvent } from '../audit/audit-event.entity';
import { GENESIS_HASH } from '../audit/hash-chain';
import { Activity } from '../sessions/activity.entity';
import { Assembly } from '../sessions/assembly.entity';
import { Session } from '../sessions/session.entity';
import { countCells } from './cells';
import { ActivityKinds } from '../sessions/activity-kinds';

const MIN_CELL = 5;
// An activity starts at its first opening: a survey question opens (`survey.question.open`),
// a board or a Q&A goes live; it ends at its last closing or publication.
const STARTS = /\.(open|opened|started|live)$/;
const ENDS = /\.(closed|ended|published)$/;

interface ParticipantRow {
  id: string;
  display_name: string;
  role: OutcomeParticipant['role'];
  member_id: string | null;
  perimeter: string | null;
  territory_type: TerritoryType | null;
  category: MemberCategory | null;
  gender: Gender | null;
  joined_at: Date | null;
}

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
    return this.db.transaction('REPEATABLE READ', (manager) => this.buildWith(manager, sessionId, opts));
  }

  async buildWith(manager: EntityManager, sessionId: string, opts: { auditBefore?: number } = {}): Promise<OutcomeRecord> {
    const session = await manager.getRepository(Session).findOneBy({ id: sessionId });
    if (!session) throw new AppError('SESSION_NOT_FOUND');
    const assembly = session.assemblyId ? await manager.getRepository(Assembly).findOneBy({ id: session.assemblyId }) : null;
    const audit = await manager.getRepository(AuditEvent).find({
      where: opts.auditBefore ? { sessionId, seq: LessThan(opts.auditBefore) } : { sessionId },
      order: { seq: 'ASC' },
    });
    const activities = await manager.getRepository(Activity).find({ where: { sessionId }, order: { position: 'ASC', id: 'ASC' } });
    const participants = await this.participants(manager, sessionId);
    // Every kind's sections, validated against the shared schema (defaults filled in), in feature-name order.
    const sections = (await this.kinds.outcomes(sessionId, manager)).map((part) => OutcomeSection.parse(part));
    const position = new Map(activities.map((a) => [a.id, a.position]));
    sections.sort((a, b) => (position.get(a.activityId ?? '') ?? Infinity) - (position.get(b.activityId ?? '') ?? Infinity));
    const members = participants.filter((p) => p.role === 'member');
    const present = members.filter((p) => p.present);
    const invited = members.filter((p) => p.invited).length;
    // Proxies still live at the end (their giver never came, their holder did): only when proxies were used.
    const represented = await representedCount(manager, sessionId, new Set(present.map((p) => p.id)));
    const types: Record<string, number> = {};
    for (const link of audit) types[link.type] = (types[link.type] ?? 0) + 1;
    return {
      schemaVersion: OUTCOME_SCHEMA_VERSION,
      session: { id: session.id, title: session.title, date: session.date, joinCode: session.joinCode, accessMode: session.accessMode, assembly: assembly?.name ?? null },
      agenda: activities.map((a) => agendaItem(a, audit)),
      attendance: {
        invited,
        present: present.length,
        ...(represented > 0 ? { represented, voting: present.length + represented } : {}),
        turnout: invited > 0 ? Math.round((present.filter((p) => p.invited).length / invited) * 1000) / 1000 : null,
        byRole: Object.fromEntries(ParticipantRole.options.map((r) => [r, participants.filter((p) => p.role === r && p.present).length])) as OutcomeRecord['attendance']['byRole'],
        breakdown: {
          minCell: MIN_CELL,
          territoryType: countCells(TerritoryType.options, present.map((p) => p.territoryType), MIN_CELL),
          category: countCells(MemberCategory.options, present.map((p) => p.category), MIN_CELL),
          gender: countCells(Gender.options, present.map((p) => p.gender), MIN_CELL),
        },
      },
      participants,
      sections,
      audit: { length: audit.length, head: audit.at(-1)?.hash ?? GENESIS_HASH, types },
    };
  }

  private async participants(manager: EntityManager, sessionId: string): Promise<OutcomeParticipant[]> {
    const rows: ParticipantRow[] = await manager.query(
      `SELECT p.id, p.display_name, p.role, p.member_id, p.joined_at, m.perimeter, m.territory_type, m.category, m.gender
         FROM participant p LEFT JOIN member m ON m.id = p.member_id
        WHERE p.session_id = $1 ORDER BY p.role, p.display_name COLLATE "C", p.id`,
      [sessionId],
    );
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      role: r.role,
      invited: r.member_id !== null,
      perimeter: r.perimeter,
      territoryType: r.territory_type,
      category: r.category,
      gender: r.gender,
      present: r.joined_at !== null,
    }));
  }
}

function agendaItem(a: Activity, audit: AuditEvent[]): OutcomeAgendaItem {
  const mine = audit.filter((l) => l.payload?.activityId === a.id);
  const start = mine.find((l) => STARTS.test(l.type));
  const end = mine.filter((l) => ENDS.test(l.type)).at(-1);
  return {
    activityId: a.id,
    kind: a.kind,
    title: a.title,
    position: a.position,
    state: a.state,
    groupId: a.groupId,
    startedAt: start ? new Date(start.createdAt).toISOString() : null,
    endedAt: end ? new Date(end.createdAt).toISOString() : null,
  };
}
