import { In, IsNull, LessThan, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AssemblyTheme } from '@palabre/contracts';
import { StaffAccount } from '../auth/staff-account.entity';
import { Activity } from './activity.entity';
import { Assembly, Member } from './assembly.entities';
import { BlockedDevice, Participant, ScreenPairing } from './participant.entities';
import { hasRosterSql } from './roster-rule';
import { Session } from './session.entity';

/** A member present in a session, as the duplicates hint reads them. */
export interface PresentMemberRow {
  id: string;
  display_name: string;
  member_id: string | null;
  claimed_member_id: string | null;
  joined_at: Date | null;
  device_hash: string | null;
  join_address: string | null;
  created_at: Date;
}

/** A session with what its summary needs, read in the same query. */
export interface SummaryRead {
  session: Session;
  assembly: Pick<Assembly, 'name' | 'theme'> | undefined;
  hasRoster: boolean;
}

/** Roster fields of a member (assembly.entities `Member`). */
type MemberFields = Pick<Member, 'name' | 'email' | 'perimeter' | 'territoryType' | 'category' | 'gender'>;

/** Sessions, assemblies, participants, the roster, screens and blocked devices. */
export const sessionsRepository = {
  // Sessions and assemblies.

  /** Every session, newest first. */
  all(m: EntityManager): Promise<Session[]> {
    return m.getRepository(Session).find({ order: { date: 'DESC', createdAt: 'DESC' } });
  },

  session(m: EntityManager, id: string): Promise<Session | null> {
    return m.getRepository(Session).findOneBy({ id });
  },

  sessionOrFail(m: EntityManager, id: string): Promise<Session> {
    return m.getRepository(Session).findOneByOrFail({ id });
  },

  /** The session row FOR UPDATE (TypeORM `pessimistic_write`). */
  lockSession(m: EntityManager, id: string): Promise<Session | null> {
    return m.getRepository(Session).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  },

  sessionExists(m: EntityManager, id: string): Promise<boolean> {
    return m.getRepository(Session).existsBy({ id });
  },

  byJoinCode(m: EntityManager, joinCode: string): Promise<Session | null> {
    return m.getRepository(Session).findOneBy({ joinCode });
  },

  /**
   * A session with what its summary needs (assembly, roster flag) in one round trip, by id or by join
   * code: a snapshot's first read, a code joiner's (a plenary's join storm, docs/performance.md).
   */
  async summaryRead(m: EntityManager, by: { id: string } | { joinCode: string }): Promise<SummaryRead | null> {
    const { entities, raw } = await m
      .getRepository(Session)
      .createQueryBuilder('s')
      .leftJoin(Assembly, 'a', 'a.id = s.assembly_id')
      .addSelect('a.name', 'assembly_name')
      .addSelect('a.theme', 'assembly_theme')
      .addSelect(hasRosterSql('s.id'), 'has_roster')
      .where('id' in by ? 's.id = :id' : 's.join_code = :joinCode', by)
      .getRawAndEntities<{ assembly_name: string | null; assembly_theme: AssemblyTheme | null; has_roster: boolean }>();
    const [session, row] = [entities[0], raw[0]];
    if (!session || !row) return null;
    return { session, assembly: row.assembly_name === null ? undefined : { name: row.assembly_name, theme: row.assembly_theme }, hasRoster: row.has_roster === true };
  },

  /** The assembly of the session with this join code (null without one, undefined without such a session). */
  async assemblyIdByJoinCode(m: EntityManager, joinCode: string): Promise<string | null | undefined> {
    const rows: { assembly_id: string | null }[] = await m.query('SELECT assembly_id FROM session WHERE join_code = $1', [joinCode]);
    return rows[0]?.assembly_id;
  },

  joinCodeTaken(m: EntityManager, joinCode: string): Promise<boolean> {
    return m.getRepository(Session).existsBy({ joinCode });
  },

  insertSession(m: EntityManager, session: Pick<Session, 'title' | 'date' | 'joinCode' | 'accessMode' | 'assemblyId' | 'createdBy'>): Promise<Session> {
    const repo = m.getRepository(Session);
    return repo.save(repo.create(session));
  },

  async updateSession(m: EntityManager, id: string, patch: QueryDeepPartialEntity<Session>): Promise<void> {
    await m.getRepository(Session).update(id, patch);
  },

  /** The version of a session; empty when it does not exist. */
  sessionVersion(m: EntityManager, id: string): Promise<{ version: number }[]> {
    return m.query('SELECT version FROM session WHERE id = $1', [id]);
  },

  /** `session.settings` as stored: each module's own keys (report-back, projected group, proxies); undefined without such a session. */
  async settings(m: EntityManager, sessionId: string): Promise<Record<string, unknown> | undefined> {
    const rows: { settings: Record<string, unknown> | null }[] = await m.query('SELECT settings FROM session WHERE id = $1', [sessionId]);
    return rows[0] ? (rows[0].settings ?? {}) : undefined;
  },

  assemblyExists(m: EntityManager, id: string): Promise<boolean> {
    return m.getRepository(Assembly).existsBy({ id });
  },

  assemblies(m: EntityManager, ids: string[]): Promise<Assembly[]> {
    return m.getRepository(Assembly).findBy({ id: In(ids) });
  },

  /** Save an assembly as given (no entity instance: TypeORM's `save` of a plain object). */
  saveAssembly(m: EntityManager, assembly: Partial<Assembly>): Promise<Assembly> {
    return m.getRepository(Assembly).save(assembly);
  },

  /** Save a session as given (no entity instance: TypeORM's `save` of a plain object). */
  saveSession(m: EntityManager, session: Partial<Session>): Promise<Session> {
    return m.getRepository(Session).save(session);
  },

  insertAssembly(m: EntityManager, name: string): Promise<Assembly> {
    return m.getRepository(Assembly).save({ name });
  },

  async setTheme(m: EntityManager, assemblyId: string, theme: AssemblyTheme | null): Promise<void> {
    await m.getRepository(Assembly).update(assemblyId, { theme });
  },

  /** The sessions among these that have roster members. */
  async withRoster(m: EntityManager, ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await m.query(`SELECT s.id FROM unnest($1::uuid[]) AS s(id) WHERE ${hasRosterSql('s.id')}`, [ids]);
    return new Set(rows.map((r) => r.id));
  },

  staffAccountOrFail(m: EntityManager, accountId: string): Promise<StaffAccount> {
    return m.getRepository(StaffAccount).findOneByOrFail({ id: accountId });
  },

  /** A session's activities in agenda order. */
  activities(m: EntityManager, sessionId: string): Promise<Activity[]> {
    return m.getRepository(Activity).find({ where: { sessionId }, order: { position: 'ASC', id: 'ASC' } });
  },

  // Participants.

  participant(m: EntityManager, where: { id: string; sessionId?: string } | { sessionId: string; accountId: string } | { invitationHash: string }): Promise<Participant | null> {
    return m.getRepository(Participant).findOneBy(where);
  },

  participantById(m: EntityManager, id: string): Promise<Participant | null> {
    return m.getRepository(Participant).findOneBy({ id });
  },

  participantOrFail(m: EntityManager, id: string): Promise<Participant> {
    return m.getRepository(Participant).findOneByOrFail({ id });
  },

  /** The participant of a roster member in the session, FOR UPDATE. */
  lockRosterParticipant(m: EntityManager, sessionId: string, memberId: string): Promise<Participant | null> {
    return m.getRepository(Participant).findOne({ where: { sessionId, memberId }, lock: { mode: 'pessimistic_write' } });
  },

  /** The members of a session joined from one browser (not removed). */
  fromDevice(m: EntityManager, sessionId: string, deviceHash: string): Promise<Participant[]> {
    return m.getRepository(Participant).findBy({ sessionId, deviceHash, role: 'member', revokedAt: IsNull() });
  },

  memberInSession(m: EntityManager, sessionId: string, memberId: string): Promise<boolean> {
    return m.getRepository(Participant).existsBy({ sessionId, memberId });
  },

  /** A new participant; `outsideTransaction`: saved without TypeORM's own transaction (one insert). */
  insertParticipant(m: EntityManager, participant: Partial<Participant>, outsideTransaction = false): Promise<Participant> {
    const repo = m.getRepository(Participant);
    return outsideTransaction ? repo.save(repo.create(participant), { transaction: false }) : repo.save(repo.create(participant));
  },

  async updateParticipant(m: EntityManager, id: string, patch: QueryDeepPartialEntity<Participant>): Promise<void> {
    await m.getRepository(Participant).update(id, patch);
  },

  deviceBlocked(m: EntityManager, sessionId: string, deviceHash: string): Promise<boolean> {
    return m.getRepository(BlockedDevice).existsBy({ sessionId, deviceHash });
  },

  async blockDevice(m: EntityManager, sessionId: string, deviceHash: string): Promise<void> {
    await m.getRepository(BlockedDevice).upsert({ sessionId, deviceHash }, ['sessionId', 'deviceHash']);
  },

  /** The members present in a session (joined, not removed), in join order. */
  presentMembers(m: EntityManager, sessionId: string): Promise<PresentMemberRow[]> {
    return m.query(
      `SELECT id, display_name, member_id, claimed_member_id, joined_at, device_hash, join_address, created_at FROM participant
        WHERE session_id = $1 AND role = 'member' AND revoked_at IS NULL AND joined_at IS NOT NULL ORDER BY created_at, id`,
      [sessionId],
    );
  },

  // The roster.

  /** The roster names of a session (not removed), by name then perimeter. */
  rosterNames(m: EntityManager, sessionId: string): Promise<{ member_id: string; name: string; perimeter: string }[]> {
    return m.query(
      `SELECT m.id AS member_id, m.name, m.perimeter FROM participant p JOIN member m ON m.id = p.member_id
        WHERE p.session_id = $1 AND p.revoked_at IS NULL ORDER BY m.name, m.perimeter`,
      [sessionId],
    );
  },

  /** The roster participants of a session (not removed), by name. */
  rosterParticipants(m: EntityManager, sessionId: string): Promise<{ id: string; member_id: string; name: string; perimeter: string }[]> {
    return m.query(
      `SELECT p.id, p.member_id, m.name, m.perimeter FROM participant p JOIN member m ON m.id = p.member_id
        WHERE p.session_id = $1 AND p.revoked_at IS NULL ORDER BY m.name`,
      [sessionId],
    );
  },

  member(m: EntityManager, assemblyId: string, rosterKey: string): Promise<Member | null> {
    return m.getRepository(Member).findOneBy({ assemblyId, rosterKey });
  },

  async updateMember(m: EntityManager, id: string, fields: MemberFields): Promise<void> {
    await m.getRepository(Member).update(id, fields);
  },

  insertMember(m: EntityManager, member: MemberFields & { assemblyId: string; rosterKey: string }): Promise<Member> {
    const repo = m.getRepository(Member);
    return repo.save(repo.create(member));
  },

  participantOfMember(m: EntityManager, sessionId: string, memberId: string): Promise<Participant | null> {
    return m.getRepository(Participant).findOneBy({ sessionId, memberId });
  },

  // Screen pairings.

  async deleteExpiredPairings(m: EntityManager, now: Date): Promise<void> {
    await m.getRepository(ScreenPairing).delete({ expiresAt: LessThan(now) });
  },

  pairingCodeTaken(m: EntityManager, code: string): Promise<boolean> {
    return m.getRepository(ScreenPairing).existsBy({ code });
  },

  insertPairing(m: EntityManager, pairing: Pick<ScreenPairing, 'code' | 'expiresAt' | 'participantId'>): Promise<ScreenPairing> {
    const repo = m.getRepository(ScreenPairing);
    return repo.save(repo.create(pairing));
  },

  /** A pairing by id or code, FOR UPDATE. */
  lockPairing(m: EntityManager, where: { id: string } | { code: string }): Promise<ScreenPairing | null> {
    return m.getRepository(ScreenPairing).findOne({ where, lock: { mode: 'pessimistic_write' } });
  },

  async deletePairing(m: EntityManager, id: string): Promise<void> {
    await m.getRepository(ScreenPairing).delete(id);
  },

  async pairScreen(m: EntityManager, pairingId: string, participantId: string): Promise<void> {
    await m.getRepository(ScreenPairing).update(pairingId, { participantId });
  },
};
