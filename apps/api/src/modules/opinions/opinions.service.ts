import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  OpinionsConfig, type CommandPayload, type OpinionAnswerResult, type OpinionMapView, type OpinionStatementStatus, type OpinionStatementView,
  type OpinionsActivityView, type OpinionsSnapshot, type OpinionVote,
} from '@palabre/contracts';
import { isStaffRole } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/live/rooms';
import type { Tx } from '../../common/db/transaction';
import { parseWith } from '../../common/validation';
import type { Activity } from '../sessions/activity.entity';
import { ActivitiesService } from '../sessions/activities.service';
import { ActivityKinds } from '../sessions/activity-kinds';
import { activityRooms, canSeeActivity, readReportBackOpen } from '../sessions/audience';
import { OpinionsMapBroadcaster } from './opinions-map.broadcaster';
import { STATEMENT_SELECT, toStatementView, type StatementRow } from './opinions.views';

type Moderation = CommandPayload<'opinions.moderate'>['action'];
const MODERATION: Record<Moderation, { from: readonly OpinionStatementStatus[]; to: OpinionStatementStatus }> = {
  approve: { from: ['pending'], to: 'visible' },
  reject: { from: ['pending'], to: 'rejected' },
  hide: { from: ['visible'], to: 'hidden' },
  restore: { from: ['hidden', 'rejected'], to: 'visible' },
};

/** « Carte des opinions »: statements answered d'accord / pas d'accord / passer, mapped into opinion groups. */
@Injectable()
export class OpinionsService {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly kinds: ActivityKinds,
    private readonly maps: OpinionsMapBroadcaster,
  ) {}

  /** A statement written by the staff (visible at once) or proposed by a member (the map's moderation). */
  async propose(tx: Tx, actor: ParticipantActor, p: CommandPayload<'opinions.propose'>): Promise<OpinionStatementView> {
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
    const activity = await this.opinionsActivity(tx, actor, p.activityId);
    const staff = isStaffRole(actor.role);
    // The staff prepare statements before opening; members write only while the map runs.
    await this.assertWritable(tx, activity.id, staff ? ['draft', 'open'] : ['open']);
    const config = parseWith(OpinionsConfig, activity.config ?? {});
    if (!staff && config.memberStatements === 'off') throw new AppError('OPINIONS_PROPOSALS_OFF');
    const status: OpinionStatementStatus = staff || config.memberStatements === 'post' ? 'visible' : 'pending';
    const inserted: { id: string }[] = await tx.manager.query(
      'INSERT INTO opinion_statement (session_id, activity_id, author_id, origin, text, status) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [actor.sessionId, activity.id, actor.participantId, staff ? 'facilitator' : 'member', p.text, status],
    );
    const row = await this.row(tx.manager, inserted[0].id);
    await this.publish(tx, activity, null, row);
    await tx.audit(actor.sessionId, 'opinions.proposed', actor.participantId, { activityId: activity.id, statementId: row.id, status });
    return toStatementView(row);
  }

  /** Staff: ideas of a plenary idea board become statements (visible); an idea is promoted to a map once. */
  async promote(tx: Tx, actor: ParticipantActor, p: CommandPayload<'opinions.promote'>): Promise<OpinionStatementView[]> {
    const activity = await this.opinionsActivity(tx, actor, p.activityId);
    await this.assertWritable(tx, activity.id, ['draft', 'open']);
    // The boards decide which ideas may leave them (visible ideas of a plenary board of this session).
    const ideaCards = this.kinds.groupAdaptation('board')?.ideaCards;
    if (!ideaCards) throw new AppError('NOT_FOUND');
    const cards = await ideaCards(tx, actor.sessionId, p.ideaIds);
    const statements: OpinionStatementView[] = [];
    for (const card of cards) {
      const ideaId = card.origin.sourceId;
      const inserted: { id: string }[] = await tx.manager.query(
        `INSERT INTO opinion_statement (session_id, activity_id, author_id, origin, origin_idea_id, text, status) VALUES ($1, $2, $3, 'idea', $4, $5, 'visible')
         ON CONFLICT (activity_id, origin_idea_id) WHERE origin_idea_id IS NOT NULL DO NOTHING RETURNING id`,
        [actor.sessionId, activity.id, actor.participantId, ideaId, card.title.slice(0, 280)],
      );
      if (inserted[0]) {
        const row = await this.row(tx.manager, inserted[0].id);
        await this.publish(tx, activity, null, row);
        statements.push(toStatementView(row));
      } else {
        const existing: StatementRow[] = await tx.manager.query(`${STATEMENT_SELECT} WHERE s.activity_id = $1 AND s.origin_idea_id = $2`, [activity.id, ideaId]);
        statements.push(toStatementView(existing[0]));
      }
    }
    await tx.audit(actor.sessionId, 'opinions.promoted', actor.participantId, { activityId: activity.id, ideaIds: [...new Set(p.ideaIds)].sort(), statementIds: statements.map((s) => s.id) });
    return statements;
  }

  /** Staff: the boards' moderation, for statements. A hidden statement's answers leave the map. */
  async moderate(tx: Tx, actor: ParticipantActor, p: CommandPayload<'opinions.moderate'>): Promise<OpinionStatementView> {
    const before = await this.row(tx.manager, p.statementId, actor.sessionId, true);
    const activity = await this.opinionsActivity(tx, actor, before.activity_id);
    const { from, to } = MODERATION[p.action];
    // Two facilitators clicking the same action: the second finds it done and changes nothing.
    if (before.status === to) return toStatementView(before);
    if (!from.includes(before.status)) throw new AppError('INVALID_TRANSITION');
    await tx.manager.query('UPDATE opinion_statement SET status = $2 WHERE id = $1', [before.id, to]);
    const after = await this.row(tx.manager, before.id);
    await this.publish(tx, activity, before.status, after);
    await tx.audit(actor.sessionId, `opinions.${p.action}`, actor.participantId, { activityId: activity.id, statementId: before.id, from: before.status, to });
    if (before.status === 'visible' || to === 'visible') tx.afterCommit(() => this.maps.mark(activity.id));
    return toStatementView(after);
  }

  /** A member's answer: one per statement (answering again changes it), then the next statement to answer. */
  async answer(tx: Tx, actor: ParticipantActor, p: CommandPayload<'opinions.answer'>): Promise<OpinionAnswerResult> {
    const statement = await this.row(tx.manager, p.statementId, actor.sessionId);
    const activity = await this.opinionsActivity(tx, actor, statement.activity_id);
    await this.assertWritable(tx, activity.id, ['open']);
    if (actor.blocked) throw new AppError('PARTICIPANT_BLOCKED');
    // A statement waiting, rejected or hidden is not on the map: there is nothing to answer.
    if (statement.status !== 'visible') throw new AppError('NOT_FOUND');
    const written: { first: boolean }[] = await tx.manager.query(
      `INSERT INTO opinion_answer (statement_id, participant_id, activity_id, vote) VALUES ($1, $2, $3, $4)
       ON CONFLICT (statement_id, participant_id) DO UPDATE SET vote = EXCLUDED.vote, updated_at = now()
       RETURNING (xmax = 0) AS first`,
      [statement.id, actor.participantId, activity.id, p.vote],
    );
    // A first answer counts; a changed one does not (the count orders the statements offered next).
    if (written[0]?.first) await tx.manager.query('UPDATE opinion_statement SET answers = answers + 1 WHERE id = $1', [statement.id]);
    tx.afterCommit(() => this.maps.mark(activity.id));
    return { statementId: statement.id, vote: p.vote, next: await this.next(tx.manager, activity.id, actor.participantId) };
  }

  /** The visible statement the member has not answered with the fewest answers (then the oldest): every statement gets its answers. */
  async next(manager: EntityManager, activityId: string, participantId: string): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `SELECT s.id FROM opinion_statement s
        WHERE s.activity_id = $1 AND s.status = 'visible'
          AND NOT EXISTS (SELECT 1 FROM opinion_answer m WHERE m.statement_id = s.id AND m.participant_id = $2)
        ORDER BY s.answers, s.created_at, s.id LIMIT 1`,
      [activityId, participantId],
    );
    return rows[0]?.id ?? null;
  }

  /** Snapshot part: each readable map with its statements (members: visible ones and their own pending ones), last map, own answers. */
  async snapshot(actor: ParticipantActor, manager: EntityManager): Promise<OpinionsSnapshot> {
    const staff = isStaffRole(actor.role);
    const activities: { id: string; group_id: string | null; state: string; config: unknown }[] = await manager.query(
      `SELECT id, group_id, state, config FROM activity WHERE session_id = $1 AND kind = 'opinions' ORDER BY position, id`,
      [actor.sessionId],
    );
    if (activities.length === 0) return { activities: {} };
    const me: { group_id: string | null }[] = await manager.query('SELECT group_id FROM participant WHERE id = $1', [actor.participantId]);
    const reportBackOpen = await readReportBackOpen(manager, actor.sessionId);
    const viewer = { role: actor.role, groupId: me[0]?.group_id ?? null };
    const readable = activities.filter((a) => canSeeActivity(viewer, { groupId: a.group_id, state: a.state }, reportBackOpen));
    const ids = readable.map((a) => a.id);
    const statements: StatementRow[] = await manager.query(`${STATEMENT_SELECT} WHERE s.activity_id = ANY($1::uuid[]) ORDER BY s.created_at, s.id`, [ids]);
    const answers: { statement_id: string; vote: OpinionVote }[] = await manager.query(
      'SELECT statement_id, vote FROM opinion_answer WHERE activity_id = ANY($1::uuid[]) AND participant_id = $2',
      [ids, actor.participantId],
    );
    const maps: { activity_id: string; map: OpinionMapView; groups: Record<string, number> }[] = await manager.query(
      'SELECT activity_id, map, groups FROM opinion_map_state WHERE activity_id = ANY($1::uuid[])',
      [ids],
    );
    const result: Record<string, OpinionsActivityView> = {};
    for (const a of readable) {
      const mine = statements.filter((s) => s.activity_id === a.id && (staff || s.status === 'visible' || (s.status === 'pending' && s.author_id === actor.participantId)));
      const ownIds = new Set(mine.map((s) => s.id));
      const stored = maps.find((m) => m.activity_id === a.id);
      result[a.id] = {
        settings: parseWith(OpinionsConfig, a.config ?? {}),
        statements: mine.map(toStatementView),
        map: stored?.map ?? null,
        myAnswers: Object.fromEntries(answers.filter((x) => ownIds.has(x.statement_id)).map((x) => [x.statement_id, x.vote])),
        next: await this.next(manager, a.id, actor.participantId),
        myGroup: stored?.groups[actor.participantId] ?? null,
      };
    }
    return { activities: result };
  }

  /**
   * Members learn what they may see: a statement that is or was visible goes to the map's
   * audience (members drop it when it is no longer visible); the rest to the staff and its author.
   */
  private async publish(tx: Tx, activity: Activity, from: OpinionStatementStatus | null, after: StatementRow): Promise<void> {
    const statement = toStatementView(after);
    const isPublic = after.status === 'visible' || from === 'visible';
    const room = isPublic
      ? [...new Set([...activityRooms(activity, await readReportBackOpen(tx.manager, activity.sessionId)), rooms.staff(activity.sessionId)])]
      : [rooms.staff(activity.sessionId), rooms.participant(after.author_id)];
    await tx.publish('opinions.statement.updated', activity.sessionId, { statement }, { room });
  }

  /**
   * Writes need the map in one of `states`. FOR SHARE: a close (the lifecycle's FOR UPDATE) waits
   * for the writes in flight, and a write after it sees it closed.
   */
  private async assertWritable(tx: Tx, activityId: string, states: readonly string[]): Promise<void> {
    const rows: { state: string }[] = await tx.manager.query('SELECT state FROM activity WHERE id = $1 FOR SHARE', [activityId]);
    if (!states.includes(rows[0]?.state ?? '')) throw new AppError('OPINIONS_CLOSED');
  }

  private async opinionsActivity(tx: Tx, actor: ParticipantActor, activityId: string): Promise<Activity> {
    const activity = await this.activities.findWritable(tx, actor, activityId);
    if (activity.kind !== 'opinions') throw new AppError('NOT_FOUND');
    return activity;
  }

  private async row(manager: EntityManager, id: string, sessionId?: string, lock = false): Promise<StatementRow> {
    const rows: StatementRow[] = await manager.query(
      `${STATEMENT_SELECT} WHERE s.id = $1${sessionId ? ' AND s.session_id = $2' : ''}${lock ? ' FOR UPDATE' : ''}`,
      sessionId ? [id, sessionId] : [id],
    );
    if (!rows[0]) throw new AppError('NOT_FOUND');
    return rows[0];
  }
}
