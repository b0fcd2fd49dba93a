import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  OpinionsConfig, type CommandPayload, type OpinionAnswerResult, type OpinionStatementStatus, type OpinionStatementView,
  type OpinionsActivityView, type OpinionsSnapshot,
} from '@palabre/contracts';
import { isStaffRole, opinionAgreements } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/live/rooms';
import type { Tx } from '../../common/db/transaction';
import { parseWith } from '../../common/validation';
import type { Activity } from '../sessions/activity.entity';
import { ActivitiesService } from '../sessions/activities.service';
import { ActivityKinds } from '../sessions/activity-kinds';
import { activityRooms, canSeeActivity, isDisplayRole, readReportBackOpen, readSessionActivities } from '../sessions/audience';
import { OpinionsMapBroadcaster } from './opinions-map.broadcaster';
import { opinionsRepository } from './opinions.repository';
import { toStatementView, type StatementRow } from './opinions.views';

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
    const id = await opinionsRepository.insertStatement(tx.manager, {
      sessionId: actor.sessionId, activityId: activity.id, authorId: actor.participantId, origin: staff ? 'facilitator' : 'member', text: p.text, status,
    });
    const row = await this.row(tx.manager, id);
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
      const ideaId = card.origin.sourceId ?? null;
      const inserted = await opinionsRepository.insertIdeaStatement(tx.manager, {
        sessionId: actor.sessionId, activityId: activity.id, authorId: actor.participantId, ideaId, text: card.title.slice(0, 280),
      });
      if (inserted) {
        const row = await this.row(tx.manager, inserted);
        await this.publish(tx, activity, null, row);
        statements.push(toStatementView(row));
      } else {
        const existing = await opinionsRepository.statementOfIdea(tx.manager, activity.id, ideaId);
        if (!existing) throw new AppError('NOT_FOUND');
        statements.push(toStatementView(existing));
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
    await opinionsRepository.setStatementStatus(tx.manager, before.id, to);
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
    const first = await opinionsRepository.upsertAnswer(tx.manager, { statementId: statement.id, participantId: actor.participantId, activityId: activity.id, vote: p.vote });
    // A first answer counts; a changed one does not (the count orders the statements offered next).
    if (first) await opinionsRepository.countAnswer(tx.manager, statement.id);
    tx.afterCommit(() => this.maps.mark(activity.id));
    return { statementId: statement.id, vote: p.vote, next: await this.next(tx.manager, activity.id, actor.participantId) };
  }

  /** The visible statement the member has not answered with the fewest answers (then the oldest): every statement gets its answers. */
  next(manager: EntityManager, activityId: string, participantId: string): Promise<string | null> {
    return opinionsRepository.next(manager, activityId, participantId);
  }

  /**
   * Snapshot part: each readable map with its statements (members: visible ones and their own
   * pending ones), the last map (displays only: members get its agreements), own answers.
   */
  async snapshot(actor: ParticipantActor, manager: EntityManager): Promise<OpinionsSnapshot> {
    const staff = isStaffRole(actor.role);
    // Members get what their phone shows of a map; the console and the projectors the whole map.
    const display = isDisplayRole(actor.role);
    const activities = await readSessionActivities(manager, actor.sessionId, 'opinions');
    if (activities.length === 0) return { activities: {} };
    const reportBackOpen = await readReportBackOpen(manager, actor.sessionId);
    const viewer = { role: actor.role, groupId: actor.groupId };
    const readable = activities.filter((a) => canSeeActivity(viewer, a, reportBackOpen));
    const ids = readable.map((a) => a.id);
    const statements = await opinionsRepository.statementsOf(manager, ids);
    const answers = await opinionsRepository.answersOf(manager, ids, actor.participantId);
    const maps = await opinionsRepository.mapStates(manager, ids, actor.participantId, display);
    const result: Record<string, OpinionsActivityView> = {};
    for (const a of readable) {
      const mine = statements.filter((s) => s.activity_id === a.id && (staff || s.status === 'visible' || (s.status === 'pending' && s.author_id === actor.participantId)));
      const ownIds = new Set(mine.map((s) => s.id));
      const stored = maps.find((m) => m.activity_id === a.id);
      result[a.id] = {
        settings: parseWith(OpinionsConfig, a.config ?? {}),
        statements: mine.map(toStatementView),
        map: display ? (stored?.map ?? null) : null,
        agreements: stored?.agreements ?? (stored?.map ? opinionAgreements(stored.map) : null),
        myAnswers: Object.fromEntries(answers.filter((x) => ownIds.has(x.statement_id)).map((x) => [x.statement_id, x.vote])),
        next: await this.next(manager, a.id, actor.participantId),
        myGroup: stored?.my_group ?? null,
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
    if (!states.includes((await opinionsRepository.lockedState(tx.manager, activityId)) ?? '')) throw new AppError('OPINIONS_CLOSED');
  }

  private async opinionsActivity(tx: Tx, actor: ParticipantActor, activityId: string): Promise<Activity> {
    const activity = await this.activities.findWritable(tx, actor, activityId);
    if (activity.kind !== 'opinions') throw new AppError('NOT_FOUND');
    return activity;
  }

  private async row(manager: EntityManager, id: string, sessionId?: string, lock = false): Promise<StatementRow> {
    const row = await opinionsRepository.statement(manager, id, sessionId, lock);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }
}
