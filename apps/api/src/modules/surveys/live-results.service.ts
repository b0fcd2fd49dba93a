import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { LiveResults, ParticipantRole } from '@palabre/contracts';
import { canReadActivity, canSeeResults, tally } from '@palabre/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { PresenceService } from '../../common/realtime/presence.service';
import { RealtimeEmitter } from '../../common/realtime/emitter';
import { rooms } from '../../common/realtime/rooms';
import { Activity } from '../sessions/activity.entity';
import { BallotsService } from './ballots.service';
import type { Survey, SurveyQuestion } from './survey.entity';
import { SurveyStore } from './survey.store';

/** At most one results update per question per this many milliseconds (4 per second). */
export const RESULTS_INTERVAL_MS = 250;

/**
 * Live results, coalesced: however fast ballots arrive, each question gets at most one
 * update per RESULTS_INTERVAL_MS, recomputed from the stored ballots (a full tally, so a
 * lost update is repaired by the next one). With several API nodes, each node coalesces
 * its own ballots, so a client may receive up to 4 updates per second per node.
 */
@Injectable()
export class LiveResultsService implements OnModuleDestroy {
  private readonly logger = new Logger('LiveResults');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastSent = new Map<string, number>();
  private readonly flushing = new Set<string>();
  private readonly dirty = new Set<string>();
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly store: SurveyStore,
    private readonly ballots: BallotsService,
    private readonly presence: PresenceService,
    private readonly emitter: RealtimeEmitter,
  ) {}

  /** Something changed the tally or its visibility: schedule one update. */
  touch(questionId: string): void {
    if (this.timers.has(questionId) || this.flushing.has(questionId)) {
      // One update is already coming; make sure another follows it if this change missed it.
      this.dirty.add(questionId);
      return;
    }
    const wait = Math.max(0, (this.lastSent.get(questionId) ?? 0) + RESULTS_INTERVAL_MS - Date.now());
    this.timers.set(questionId, setTimeout(() => void this.run(questionId), wait));
  }

  /** One flush at a time per question; the interval counts from the moment it was sent. */
  private async run(questionId: string): Promise<void> {
    this.timers.delete(questionId);
    this.dirty.delete(questionId);
    this.flushing.add(questionId);
    try {
      await this.flush(questionId);
    } catch (e) {
      this.logger.warn(`results of ${questionId}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.lastSent.set(questionId, Date.now());
      this.flushing.delete(questionId);
      if (this.dirty.has(questionId) && !this.stopped) this.touch(questionId);
    }
  }

  /** Members connected now (staff and screens are not voters). */
  async presentMembers(sessionId: string): Promise<number> {
    const view = await this.presence.view(sessionId, true);
    return (view.online ?? []).filter((o) => o.role === 'member').length;
  }

  /**
   * Turnout and, if `role` may see them, the results. Present is frozen at the close; while
   * open it is the members connected now, and never fewer than those who voted.
   */
  async compute(m: EntityManager, sessionId: string, survey: Survey, q: SurveyQuestion, role: ParticipantRole): Promise<LiveResults> {
    const values = await this.ballots.values(m, q.id, survey.anonymity);
    const present = Math.max(q.presentAtClose ?? (await this.presentMembers(sessionId)), values.length);
    const visible = canSeeResults(role, survey.resultsVisibility, q.state);
    return {
      activityId: q.activityId,
      questionId: q.id,
      state: q.state,
      ballots: values.length,
      present,
      results: visible ? tally(q.config, values, { present }) : null,
    };
  }

  private async flush(questionId: string): Promise<void> {
    const m = this.db.manager;
    const q = await this.store.question(m, questionId);
    if (q.state === 'draft') return;
    const activity = await m.getRepository(Activity).findOneByOrFail({ id: q.activityId });
    const survey = await this.store.survey(m, q.activityId);
    const full = await this.compute(m, activity.sessionId, survey, q, 'facilitator');
    const rows: { version: number; report_back: boolean | null }[] = await m.query(
      `SELECT version, (settings->>'reportBackOpen')::boolean AS report_back FROM session WHERE id = $1`,
      [activity.sessionId],
    );
    const version = rows[0]?.version ?? 0;
    const payload = { ...full, sessionId: activity.sessionId, version };
    const staff = rooms.staff(activity.sessionId);
    // A working group's survey stays within the group until the report-back.
    const everyone = canReadActivity({ role: 'member', actorGroupId: null, activityGroupId: activity.groupId, reportBackOpen: rows[0]?.report_back === true })
      ? rooms.session(activity.sessionId)
      : rooms.group(activity.groupId ?? '');
    if (canSeeResults('member', survey.resultsVisibility, q.state)) {
      this.emitter.emit([everyone, staff], 'results.updated', payload);
      return;
    }
    this.emitter.emit(staff, 'results.updated', payload);
    // Members and the projector still see the turnout live.
    this.emitter.server?.to(everyone).except(staff).emit('results.updated', { ...payload, results: null });
  }

  onModuleDestroy(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
