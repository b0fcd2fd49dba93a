import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import type { ActivitySummary, CommandPayload, RoomSnapshot, RoomState as RoomStateView, ScreenState } from '@palabre/contracts';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/live/rooms';
import type { Tx } from '../../common/db/transaction';
import type { Activity } from '../sessions/activity.entity';
import { ActivitiesService } from '../sessions/activities.service';
import { ActivityLifecycle } from '../sessions/activity-lifecycle';
import type { RoomState } from './room.entities';
import { roomRepository } from './room.repository';
import { RoomTimerScheduler } from './room-timer.scheduler';
import { NO_TIMER, toRoomView, toTimerView } from './room.views';

type StartOptions = { autoClose: boolean; durationSeconds?: number; closePrevious: boolean };

/**
 * Running the room: the current agenda item, its countdown and the projector screens.
 * Every use case locks the session's room_state row first, so concurrent facilitators serialise
 * and a stale click (a start-next from an item already left) changes nothing.
 */
@Injectable()
export class RoomService {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly lifecycle: ActivityLifecycle,
    private readonly scheduler: RoomTimerScheduler,
  ) {}

  async plan(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'activity.plan'>): Promise<RoomStateView> {
    const state = await this.lock(tx, actor.sessionId);
    await this.activities.find(tx, actor.sessionId, payload.activityId);
    const plan = { ...state.plan };
    if (payload.plannedMinutes === null) delete plan[payload.activityId];
    else plan[payload.activityId] = payload.plannedMinutes;
    if (isDeepStrictEqual(plan, state.plan)) return toRoomView(state);
    await this.save(tx, state, { plan });
    await tx.publish('agenda.planned', actor.sessionId, { plan }, { room: rooms.staff(actor.sessionId) });
    return toRoomView(state);
  }

  async startNext(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'agenda.startNext'>): Promise<RoomStateView> {
    const state = await this.lock(tx, actor.sessionId);
    // Another facilitator already moved on from the item this click was about: one transition only.
    if (state.currentActivityId !== payload.fromActivityId) return toRoomView(state);
    const agenda = await roomRepository.agenda(tx.manager, actor.sessionId);
    const plenary = agenda.filter((a) => a.groupId === null);
    const index = plenary.findIndex((a) => a.id === state.currentActivityId);
    const next = plenary[index + 1];
    if (!next) throw new AppError('AGENDA_END');
    return this.startLocked(tx, actor, state, next, payload);
  }

  async start(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'activity.start'>): Promise<RoomStateView> {
    const state = await this.lock(tx, actor.sessionId);
    const activity = await this.activities.find(tx, actor.sessionId, payload.activityId);
    // A second "start" on the item already running is the same click twice.
    if (state.currentActivityId === activity.id) return toRoomView(state);
    return this.startLocked(tx, actor, state, activity, payload);
  }

  async open(tx: Tx, actor: ParticipantActor, activityId: string): Promise<ActivitySummary> {
    await this.lock(tx, actor.sessionId);
    await this.activities.find(tx, actor.sessionId, activityId);
    return (await this.lifecycle.open(tx, activityId, actor.participantId)).activity;
  }

  async close(tx: Tx, actor: ParticipantActor, activityId: string): Promise<ActivitySummary> {
    await this.lock(tx, actor.sessionId);
    await this.activities.find(tx, actor.sessionId, activityId);
    // The lifecycle also stops the countdown that would have closed it.
    const outcome = await this.lifecycle.close(tx, activityId, actor.participantId);
    this.rearmAfterCommit(tx, actor.sessionId);
    return outcome.activity;
  }

  async extend(tx: Tx, actor: ParticipantActor, seconds: number): Promise<RoomStateView> {
    const state = await this.lockTimer(tx, actor.sessionId);
    const ms = seconds * 1000;
    const endsAt = state.timerEndsAt ? new Date(new Date(state.timerEndsAt).getTime() + ms) : null;
    const remaining = endsAt ? endsAt.getTime() - Date.now() : (state.timerPausedMs ?? 0) + ms;
    await this.saveTimer(tx, state, {
      timerEndsAt: endsAt,
      timerPausedMs: state.timerPausedMs === null ? null : state.timerPausedMs + ms,
      timerDurationMs: (state.timerDurationMs ?? 0) + ms,
      timerWarned: state.timerWarned && remaining <= 10_000,
    });
    await tx.audit(actor.sessionId, 'timer.extended', actor.participantId, { activityId: state.timerActivityId, seconds });
    return toRoomView(state);
  }

  async pause(tx: Tx, actor: ParticipantActor): Promise<RoomStateView> {
    const state = await this.lockTimer(tx, actor.sessionId);
    if (!state.timerEndsAt) return toRoomView(state);
    const remaining = Math.max(0, new Date(state.timerEndsAt).getTime() - Date.now());
    await this.saveTimer(tx, state, { timerEndsAt: null, timerPausedMs: remaining });
    await tx.audit(actor.sessionId, 'timer.paused', actor.participantId, { activityId: state.timerActivityId, remainingMs: remaining });
    return toRoomView(state);
  }

  async resume(tx: Tx, actor: ParticipantActor): Promise<RoomStateView> {
    const state = await this.lockTimer(tx, actor.sessionId);
    if (state.timerPausedMs === null) return toRoomView(state);
    await this.saveTimer(tx, state, { timerEndsAt: new Date(Date.now() + state.timerPausedMs), timerPausedMs: null });
    await tx.audit(actor.sessionId, 'timer.resumed', actor.participantId, { activityId: state.timerActivityId });
    return toRoomView(state);
  }

  async showScreen(tx: Tx, actor: ParticipantActor, screen: ScreenState): Promise<RoomStateView> {
    const state = await this.lock(tx, actor.sessionId);
    if (screen.activityId) await this.activities.find(tx, actor.sessionId, screen.activityId);
    if (screen.questionId) {
      if (!(await roomRepository.qnaQuestionExists(tx.manager, screen.questionId, actor.sessionId))) throw new AppError('NOT_FOUND');
    }
    await this.setScreen(tx, state, screen, actor.participantId);
    return toRoomView(state);
  }

  async setQuorum(tx: Tx, actor: ParticipantActor, quorumPercent: number | null): Promise<RoomStateView> {
    const state = await this.lock(tx, actor.sessionId);
    if (state.quorumPercent === quorumPercent) return toRoomView(state);
    await this.save(tx, state, { quorumPercent });
    await tx.publish('room.quorum', actor.sessionId, { quorumPercent }, { room: rooms.staff(actor.sessionId) });
    await tx.audit(actor.sessionId, 'room.quorum', actor.participantId, { quorumPercent });
    return toRoomView(state);
  }

  async snapshot(actor: ParticipantActor, manager: EntityManager): Promise<RoomSnapshot> {
    const state = (await roomRepository.state(manager, actor.sessionId)) ?? roomRepository.newState(manager, { sessionId: actor.sessionId, ...DEFAULTS });
    return { ...toRoomView(state), presentConfirmed: await roomRepository.attendanceConfirmed(manager, actor.participantId) };
  }

  /** The session's room state row, created on first use and locked for this transaction. */
  async lock(tx: Tx, sessionId: string): Promise<RoomState> {
    return roomRepository.lock(tx.manager, sessionId);
  }

  private async startLocked(tx: Tx, actor: ParticipantActor, locked: RoomState, activity: Activity, options: StartOptions): Promise<RoomStateView> {
    const previous = locked.currentActivityId;
    // Launching an item closes the one that was running, unless the facilitator keeps it open.
    if (options.closePrevious && previous && previous !== activity.id) await this.lifecycle.close(tx, previous, actor.participantId);
    // Closing it may have stopped its countdown: read the row again.
    const state = await this.lock(tx, actor.sessionId);
    await this.lifecycle.open(tx, activity.id, actor.participantId);
    const planned = state.plan[activity.id];
    const durationMs = options.durationSeconds ? options.durationSeconds * 1000 : planned ? planned * 60_000 : null;
    const timer = durationMs
      ? { timerActivityId: activity.id, timerEndsAt: new Date(Date.now() + durationMs), timerPausedMs: null, timerDurationMs: durationMs, timerAutoClose: options.autoClose, timerWarned: false }
      : { ...NO_TIMER };
    await this.save(tx, state, { currentActivityId: activity.id, ...timer, timerSeq: state.timerSeq + 1 });
    this.rearmAfterCommit(tx, actor.sessionId);
    await tx.publish('agenda.current', actor.sessionId, { currentActivityId: activity.id, timer: toTimerView(state), serverNow: new Date().toISOString() });
    await tx.audit(actor.sessionId, 'agenda.started', actor.participantId, { activityId: activity.id, previousActivityId: previous, durationMs, autoClose: options.autoClose });
    await this.setScreen(tx, state, { view: 'activity', activityId: activity.id }, actor.participantId);
    return toRoomView(state);
  }

  private async setScreen(tx: Tx, state: RoomState, screen: ScreenState, actorId: string): Promise<void> {
    // The same view asked twice (two facilitators, one click each) is one change.
    if (isDeepStrictEqual(state.screen, screen)) return;
    await this.save(tx, state, { screen });
    await tx.publish('screen.changed', state.sessionId, { screen });
    // The free message is the facilitator's text, not an event of the record.
    await tx.audit(state.sessionId, 'screen.shown', actorId, { view: screen.view, activityId: screen.activityId ?? null });
  }

  private async lockTimer(tx: Tx, sessionId: string): Promise<RoomState> {
    const state = await this.lock(tx, sessionId);
    if (!toTimerView(state)) throw new AppError('NO_TIMER');
    return state;
  }

  private async saveTimer(tx: Tx, state: RoomState, changes: Partial<RoomState>): Promise<void> {
    await this.save(tx, state, { ...changes, timerSeq: state.timerSeq + 1 });
    this.rearmAfterCommit(tx, state.sessionId);
    await tx.publish('timer.updated', state.sessionId, { timer: toTimerView(state), serverNow: new Date().toISOString() });
  }

  /** A countdown changed: once committed, this node's scheduler arms (or disarms) its automatic close. */
  private rearmAfterCommit(tx: Tx, sessionId: string): void {
    tx.afterCommit(() => void this.scheduler.arm(sessionId).catch(() => undefined));
  }

  /** Writes the changes and keeps the in-memory row in step (the views are built from it). */
  private async save(tx: Tx, state: RoomState, changes: Partial<RoomState>): Promise<void> {
    Object.assign(state, changes);
    await roomRepository.update(tx.manager, state.sessionId, changes);
  }
}

const DEFAULTS = { currentActivityId: null, screen: { view: 'welcome' as const }, plan: {}, quorumPercent: null, ...NO_TIMER, timerSeq: 0 };
