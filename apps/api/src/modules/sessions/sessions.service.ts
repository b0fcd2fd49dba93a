import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AssemblyTheme, CreateSessionBody, JoinBody, JoinResponse, RosterNames, SessionSnapshot, SessionState, SessionSummary, UpdateSessionBody } from '@palabre/contracts';
import { canTransition, isStaffRole, SESSION_TRANSITIONS, sessionRoleOfStaff } from '@palabre/domain';
import type { ParticipantActor, StaffActor } from '../../common/auth/actor';
import { TokenService } from '../../common/auth/tokens';
import { AppError } from '../../common/errors/app-error';
import { PresenceService } from '../../common/live/presence.service';
import { SnapshotRegistry } from '../../common/live/snapshot-registry';
import { lapseProxiesOnJoin } from '../surveys/proxies.service';
import { readAtOneInstant } from '../../common/db/read-once';
import { TransactionRunner, type Tx } from '../../common/db/transaction';
import { ActivityKinds } from './activity-kinds';
import { ActivityLifecycle } from './activity-lifecycle';
import { canSeeActivity, readReportBackOpen, readSessionActivities, readViewer } from './audience';
import type { Assembly } from './assembly.entities';
import { generateJoinCode, hashToken } from './join-codes';
import type { Participant } from './participant.entities';
import { DuplicatesService, normalName } from './duplicates.service';
import { addressHash, deviceHash, JoinThrottle } from './join-throttle';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Session } from './session.entity';
import { sessionsRepository } from './sessions.repository';
import { toActivitySummary, toParticipantView, toSessionSummary } from './sessions.views';

@Injectable()
export class SessionsService {
  constructor(
    private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly transactions: TransactionRunner,
    private readonly snapshots: SnapshotRegistry,
    private readonly kinds: ActivityKinds,
    private readonly lifecycle: ActivityLifecycle,
    private readonly presence: PresenceService,
    private readonly throttle: JoinThrottle,
    private readonly duplicates: DuplicatesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<SessionSummary[]> {
    const sessions = await sessionsRepository.all(this.db.manager);
    const assemblies = await this.assembliesOf(sessions);
    const rosters = await this.withRoster(sessions.map((s) => s.id));
    return sessions.map((s) => toSessionSummary(s, assemblies.get(s.assemblyId ?? ''), rosters.has(s.id)));
  }

  async get(id: string, manager: EntityManager = this.db.manager): Promise<SessionSummary> {
    const read = await sessionsRepository.summaryRead(manager, { id });
    if (!read) throw new AppError('SESSION_NOT_FOUND');
    return toSessionSummary(read.session, read.assembly, read.hasRoster);
  }

  async create(actor: StaffActor, body: CreateSessionBody): Promise<SessionSummary> {
    return this.transactions.run(async (tx) => {
      const joinCode = body.joinCode ?? (await this.freeJoinCode(tx.manager));
      if (await sessionsRepository.joinCodeTaken(tx.manager, joinCode)) throw new AppError('JOIN_CODE_TAKEN');
      if (body.assemblyId && !(await sessionsRepository.assemblyExists(tx.manager, body.assemblyId))) throw new AppError('NOT_FOUND');
      const session = await sessionsRepository.insertSession(tx.manager, { title: body.title, date: body.date, joinCode, accessMode: body.accessMode, assemblyId: body.assemblyId ?? null, createdBy: actor.accountId });
      await tx.audit(session.id, 'session.created', null, { title: session.title, joinCode });
      return this.get(session.id, tx.manager);
    });
  }

  async update(id: string, body: UpdateSessionBody): Promise<SessionSummary> {
    return this.transactions.run(async (tx) => {
      const session = await this.lockWritable(tx, id);
      if (body.joinCode && body.joinCode !== session.joinCode && (await sessionsRepository.joinCodeTaken(tx.manager, body.joinCode))) {
        throw new AppError('JOIN_CODE_TAKEN');
      }
      await sessionsRepository.updateSession(tx.manager, id, body);
      return this.publishUpdated(tx, id);
    });
  }

  /**
   * The projector theme of the session's assembly (null: Palabre's own look). The session's
   * screens get it at once (session.updated); other sessions of the assembly on their next snapshot.
   */
  async setTheme(id: string, theme: AssemblyTheme | null): Promise<SessionSummary> {
    return this.transactions.run(async (tx) => {
      const session = await this.lockWritable(tx, id);
      if (!session.assemblyId) throw new AppError('NOT_FOUND');
      await sessionsRepository.setTheme(tx.manager, session.assemblyId, theme);
      return this.publishUpdated(tx, id);
    });
  }

  /** The one session state transition use case, for REST and the socket command alike. */
  async transition(tx: Tx, id: string, to: SessionState, actorId: string | null): Promise<SessionSummary> {
    const session = await this.lockWritable(tx, id);
    if (session.state === to) return this.get(id, tx.manager); // a double click is not an error
    if (!canTransition(SESSION_TRANSITIONS, session.state, to) || to === 'archived') throw new AppError('INVALID_TRANSITION');
    // Closing the session closes every activity still running (and its questions) first, in this transaction.
    const closed = to === 'closed' ? await this.lifecycle.closeAll(tx, id, actorId) : [];
    await sessionsRepository.updateSession(tx.manager, id, { state: to });
    await tx.audit(id, `session.${to}`, actorId, to === 'closed' ? { from: session.state, to, closedActivities: closed } : { from: session.state, to });
    return this.publishUpdated(tx, id);
  }

  private async publishUpdated(tx: Tx, id: string): Promise<SessionSummary> {
    await tx.bumpVersion(id);
    const summary = await this.get(id, tx.manager);
    await tx.publish('session.updated', id, { session: summary }, { bump: false });
    return summary;
  }

  transitionAsStaff(id: string, to: SessionState): Promise<SessionSummary> {
    return this.transactions.run((tx) => this.transition(tx, id, to, null));
  }

  /** A staff account gets (or reuses) its participant in the session, as facilitator or organiser. */
  async enter(actor: StaffActor, sessionId: string): Promise<JoinResponse> {
    return this.transactions.run(async (tx) => {
      const session = await sessionsRepository.session(tx.manager, sessionId);
      if (!session) throw new AppError('SESSION_NOT_FOUND');
      const account = await sessionsRepository.staffAccountOrFail(tx.manager, actor.accountId);
      let participant = await sessionsRepository.participant(tx.manager, { sessionId, accountId: actor.accountId });
      // A sealed session gains no new participant: its record must stay as sealed.
      if (!participant && session.state === 'archived') throw new AppError('SESSION_READ_ONLY');
      participant ??= await sessionsRepository.insertParticipant(tx.manager, { sessionId, accountId: actor.accountId, displayName: account.displayName, role: sessionRoleOfStaff(actor.role), joinedAt: new Date() });
      return this.joinResponse(participant, session, tx.manager);
    });
  }

  /**
   * Joining, by personal invitation or by code. `address` is the client address (throttle, bursts).
   * The browser sends its device id: a code join from a browser that already holds a participant
   * under the same name resumes it (one person, one voice), and a browser a facilitator removed
   * from an open session is refused `DEVICE_BLOCKED`.
   */
  async join(body: JoinBody, address?: string): Promise<JoinResponse> {
    if (address) this.throttle.address(address);
    const device = deviceHash(body.device);
    if ('invitation' in body) {
      const invitation = body.invitation;
      return this.transactions.run(async (tx) => {
        const participant = await sessionsRepository.participant(tx.manager, { invitationHash: hashToken(invitation) });
        if (!participant || participant.revokedAt) throw new AppError('INVITATION_INVALID');
        const session = await sessionsRepository.sessionOrFail(tx.manager, participant.sessionId);
        assertJoinable(session.state);
        // The same link always maps to the same member: the participant row, whatever browser opens it.
        const changes: { joinedAt?: Date; deviceHash?: string } = {};
        if (!participant.joinedAt) changes.joinedAt = new Date();
        if (device && participant.deviceHash !== device) changes.deviceHash = device;
        if (Object.keys(changes).length > 0) await sessionsRepository.updateParticipant(tx.manager, participant.id, changes);
        // In person now: a proxy this member gave lapses (their own vote takes over), announced to both.
        if (changes.joinedAt) await lapseProxiesOnJoin(tx, session.id, participant.id);
        tx.afterCommit(() => this.duplicates.mark(session.id));
        return this.joinResponse(participant, session, tx.manager);
      });
    }
    // By code: a few reads and one insert, no transaction (the insert is the only write, and a session
    // closing meanwhile is the same race as a join just before the close). A room of thousands joins
    // at hundreds per second (docs/performance.md).
    const target = await sessionsRepository.summaryRead(this.db.manager, { joinCode: body.code });
    if (!target) throw new AppError('SESSION_NOT_FOUND');
    const session = target.session;
    const summary = toSessionSummary(session, target.assembly, target.hasRoster);
    assertJoinable(session.state);
    if (session.accessMode === 'roster') throw new AppError('ROSTER_ONLY');
    this.throttle.session(session.id);
    if (device) {
      if (await sessionsRepository.deviceBlocked(this.db.manager, session.id, device)) throw new AppError('DEVICE_BLOCKED');
      const mine = await sessionsRepository.fromDevice(this.db.manager, session.id, device);
      const same = mine.find((p) => normalName(p.displayName) === normalName(body.displayName));
      if (same) return this.joinResponse(same, session, this.db.manager, summary);
    }
    if (body.memberId && !(await sessionsRepository.memberInSession(this.db.manager, session.id, body.memberId))) throw new AppError('NOT_FOUND');
    const participant = await sessionsRepository.insertParticipant(
      this.db.manager,
      {
        sessionId: session.id,
        displayName: body.displayName,
        role: 'member',
        joinedAt: new Date(),
        deviceHash: device,
        joinAddress: addressHash(this.config.tokenSecret, address),
        claimedMemberId: body.memberId ?? null,
      },
      true,
    );
    this.duplicates.mark(session.id);
    return this.joinResponse(participant, session, this.db.manager, summary);
  }

  /** The assembly of the session with this join code, if any (the demo's public follow-up page). */
  async assemblyIdByJoinCode(joinCode: string): Promise<string | null> {
    return (await sessionsRepository.assemblyIdByJoinCode(this.db.manager, joinCode)) ?? null;
  }

  /** Open sessions with a roster: the names a code joiner may pick (their choice waits for a facilitator). */
  async rosterNames(code: string): Promise<RosterNames> {
    const session = await sessionsRepository.byJoinCode(this.db.manager, code.trim().toUpperCase());
    if (!session) throw new AppError('SESSION_NOT_FOUND');
    if (session.accessMode === 'roster') throw new AppError('ROSTER_ONLY');
    assertJoinable(session.state);
    const rows = await sessionsRepository.rosterNames(this.db.manager, session.id);
    return rows.map((r) => ({ memberId: r.member_id, name: r.name, perimeter: r.perimeter }));
  }

  async snapshot(actor: ParticipantActor): Promise<SessionSnapshot> {
    // REPEATABLE READ: every part of the snapshot is read at the same instant as its version.
    return readAtOneInstant(this.db, async (manager) => {
      const session = await this.get(actor.sessionId, manager);
      const me = await readViewer(manager, actor.participantId);
      if (!me) throw new AppError('UNAUTHENTICATED');
      // Every part reads the viewer's group from here: as it is at the snapshot's instant.
      const viewer: ParticipantActor = { ...actor, groupId: me.groupId };
      const activities = await readSessionActivities(manager, actor.sessionId);
      const reportBackOpen = await readReportBackOpen(manager, actor.sessionId);
      // Drafts are the staff's; other groups' activities appear (read-only) once the report-back is open.
      const visible = activities.filter((a) => canSeeActivity(viewer, a, reportBackOpen));
      return {
        version: session.version,
        session,
        me: toParticipantView(me),
        activities: visible.map(toActivitySummary),
        presence: await this.presence.view(actor.sessionId, isStaffRole(actor.role)),
        features: { ...(await this.kinds.snapshot(viewer, manager)), ...(await this.snapshots.collect(viewer, manager)) },
      };
    });
  }

  /** Locks the session row for this transaction and refuses writes to a sealed session. */
  async lockWritable(tx: Tx, id: string): Promise<Session> {
    const session = await sessionsRepository.lockSession(tx.manager, id);
    if (!session) throw new AppError('SESSION_NOT_FOUND');
    if (session.state === 'archived') throw new AppError('SESSION_READ_ONLY');
    return session;
  }

  /** `summary`: the session's summary when the caller read it already (a code join reads it with the session). */
  async joinResponse(participant: Participant, session: Session, manager: EntityManager, summary?: SessionSummary): Promise<JoinResponse> {
    return {
      token: this.tokens.signParticipant(participant.id, participant.sessionId, participant.role),
      participant: toParticipantView(participant),
      session: summary ?? (await this.get(session.id, manager)),
    };
  }

  private async freeJoinCode(manager: EntityManager): Promise<string> {
    for (;;) {
      const code = generateJoinCode();
      if (!(await sessionsRepository.joinCodeTaken(manager, code))) return code;
    }
  }

  /** The sessions that have roster members (hasRosterSql). */
  private async withRoster(ids: string[], manager: EntityManager = this.db.manager): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    return sessionsRepository.withRoster(manager, ids);
  }

  private async assembliesOf(sessions: Session[], manager: EntityManager = this.db.manager): Promise<Map<string, Assembly>> {
    const ids = [...new Set(sessions.map((s) => s.assemblyId).filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const assemblies = await sessionsRepository.assemblies(manager, ids);
    return new Map(assemblies.map((a) => [a.id, a]));
  }
}

function assertJoinable(state: SessionState): void {
  if (state === 'archived' || state === 'closed') throw new AppError('SESSION_NOT_OPEN');
}
