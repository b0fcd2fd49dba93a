import { LessThan, type EntityManager } from 'typeorm';
import type { Gender, MemberCategory, OutcomeParticipant, TerritoryType } from '@palabre/contracts';
import { AuditEvent } from '../audit/audit-event.entity';
import { Activity } from '../sessions/activity.entity';
import { Assembly } from '../sessions/assembly.entities';
import { Session } from '../sessions/session.entity';
import { ArchiveRecord } from './archive-record.entity';

const SUMMARY_SQL = `SELECT a.session_id, s.title, s.date::text AS date, s.join_code, a.digest, a.sealed_at, a.public, a.pseudonymised_at
  FROM archive_record a JOIN session s ON s.id = a.session_id`;

/** An archived session as listed: its session's title, date and code, its seal. */
export interface SummaryRow {
  session_id: string;
  title: string;
  date: string;
  join_code: string;
  digest: string;
  sealed_at: Date | string;
  public: boolean;
  pseudonymised_at: Date | string | null;
}

/** A participant of the record, with their roster attributes when they have any. */
export interface ParticipantRow {
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

/** What an archive record's row may change. */
type ArchiveChanges = Partial<Pick<ArchiveRecord, 'public' | 'canonicalJson' | 'digest' | 'auditHead' | 'pseudonymisedAt'>>;

/** The outcomes module's SQL and TypeORM queries: the record's sources, the archive, sealing (issue #20). */
export const outcomesRepository = {
  // The record's sources

  findSession(m: EntityManager, sessionId: string): Promise<Session | null> {
    return m.getRepository(Session).findOneBy({ id: sessionId });
  },

  findAssembly(m: EntityManager, assemblyId: string): Promise<Assembly | null> {
    return m.getRepository(Assembly).findOneBy({ id: assemblyId });
  },

  /** The session's audit chain in order (only the links before `before` when given). */
  auditLinks(m: EntityManager, sessionId: string, before?: number): Promise<AuditEvent[]> {
    return m.getRepository(AuditEvent).find({
      where: before ? { sessionId, seq: LessThan(before) } : { sessionId },
      order: { seq: 'ASC' },
    });
  },

  /** The link that sealed the session. */
  sealLink(m: EntityManager, sessionId: string): Promise<AuditEvent> {
    return m.getRepository(AuditEvent).findOneByOrFail({ sessionId, type: 'session.sealed' });
  },

  /** The session's activities in agenda order. */
  activities(m: EntityManager, sessionId: string): Promise<Activity[]> {
    return m.getRepository(Activity).find({ where: { sessionId }, order: { position: 'ASC', id: 'ASC' } });
  },

  /** Everyone of the session by role then name (code-point order), with their roster attributes. */
  participants(m: EntityManager, sessionId: string): Promise<ParticipantRow[]> {
    return m.query(
      `SELECT p.id, p.display_name, p.role, p.member_id, p.joined_at, m.perimeter, m.territory_type, m.category, m.gender
         FROM participant p LEFT JOIN member m ON m.id = p.member_id
        WHERE p.session_id = $1 ORDER BY p.role, p.display_name COLLATE "C", p.id`,
      [sessionId],
    );
  },

  // Sealing and the archive

  async insertArchive(m: EntityManager, record: Omit<ArchiveRecord, 'public' | 'pseudonymisedAt'>): Promise<void> {
    await m.getRepository(ArchiveRecord).insert(record);
  },

  async archiveSession(m: EntityManager, sessionId: string): Promise<void> {
    await m.getRepository(Session).update(sessionId, { state: 'archived' });
  },

  findArchive(m: EntityManager, sessionId: string): Promise<ArchiveRecord | null> {
    return m.getRepository(ArchiveRecord).findOneBy({ sessionId });
  },

  /** The archive record, row-locked for the transaction. */
  lockArchive(m: EntityManager, sessionId: string): Promise<ArchiveRecord | null> {
    return m.getRepository(ArchiveRecord).findOne({ where: { sessionId }, lock: { mode: 'pessimistic_write' } });
  },

  async updateArchive(m: EntityManager, sessionId: string, changes: ArchiveChanges): Promise<void> {
    await m.getRepository(ArchiveRecord).update(sessionId, changes);
  },

  /** Retention: numbered pseudonyms instead of names, invitation links dropped. */
  async pseudonymiseParticipants(m: EntityManager, sessionId: string): Promise<void> {
    await m.query(
      `UPDATE participant p SET display_name = 'Participant·e ' || lpad(n.rank::text, 3, '0'), invitation_hash = NULL
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS rank FROM participant WHERE session_id = $1) n
        WHERE p.id = n.id`,
      [sessionId],
    );
  },

  async summary(m: EntityManager, sessionId: string): Promise<SummaryRow | undefined> {
    const rows: SummaryRow[] = await m.query(`${SUMMARY_SQL} WHERE a.session_id = $1`, [sessionId]);
    return rows[0];
  },

  /** Archived sessions whose title, date or record matches the ILIKE pattern (all when null), newest first. */
  search(m: EntityManager, pattern: string | null): Promise<SummaryRow[]> {
    return m.query(
      `${SUMMARY_SQL} WHERE $1::text IS NULL OR s.title ILIKE $1 OR s.date::text LIKE $1 OR a.canonical_json ILIKE $1
        ORDER BY s.date DESC, a.sealed_at DESC LIMIT 200`,
      [pattern],
    );
  },

  /** The published archive of the session with this join code, with its record. */
  async publicArchive(m: EntityManager, joinCode: string): Promise<(SummaryRow & { canonical_json: string }) | undefined> {
    const rows: (SummaryRow & { canonical_json: string })[] = await m.query(`${SUMMARY_SQL.replace('SELECT', 'SELECT a.canonical_json,')} WHERE s.join_code = $1 AND a.public`, [joinCode]);
    return rows[0];
  },
};
