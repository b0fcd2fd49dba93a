import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { LiveResults, ParticipantRole } from '@palabre/contracts';
import { canSeeResults, questionPresent, tally } from '@palabre/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { Coalescer } from '../../common/live/coalescer';
import { intervalWithinBudget } from '../../common/live/delivery-budget';
import { PresenceService, SHARED_COUNT_MAX_AGE_MS } from '../../common/live/presence.service';
import { REDIS_STATE, type RedisState } from '../../common/live/redis-state';
import { VolatileFanout } from '../../common/live/volatile-fanout';
import { rooms } from '../../common/live/rooms';
import { activityRooms, readReportBackOpen } from '../sessions/audience';
import { BallotsService } from './ballots.service';
import { ProxiesService } from './proxies.service';
import { readRollCallProgress } from './rollcall-progress';
import type { Survey, SurveyQuestion } from './survey.entities';
import { surveysRepository } from './surveys.repository';

/** Deliveries per second one node spends on live results: the 5,000 clients × 4 updates/s. */
export const RESULTS_DELIVERY_BUDGET = 20_000;
/** The shortest interval: at most 10 updates/s, what a projector's eye (and its chart) can follow. */
export const RESULTS_MIN_INTERVAL_MS = 100;
/** The longest interval: at least 4 updates/s however large the audience. */
export const RESULTS_MAX_INTERVAL_MS = 250;

/**
 * Milliseconds between two updates of one question for `audience` sockets on this node: the
 * audience times the update rate stays within RESULTS_DELIVERY_BUDGET, clamped to
 * [RESULTS_MIN_INTERVAL_MS, RESULTS_MAX_INTERVAL_MS]. 2,000 sockets or fewer → 100 ms
 * (10/s); 5,000 → 250 ms (4/s). Spreading clients evenly over nodes keeps each node within
 * its budget: its cost is its own sockets × the room's rate.
 */
export function resultsInterval(audience: number): number {
  return intervalWithinBudget(audience, RESULTS_DELIVERY_BUDGET, RESULTS_MIN_INTERVAL_MS, RESULTS_MAX_INTERVAL_MS);
}

/**
 * Live results, coalesced: however fast ballots arrive, each question gets at most one
 * update per interval (resultsInterval of the audience), recomputed from the stored ballots (a
 * full tally, so a lost update is repaired by the next one). An idle question sends at once.
 * With several API nodes the interval is shared through Redis: a node flushes only after
 * claiming the question's slot (SET NX PX interval), else it comes back when the slot expires,
 * so the room gets at most one update per interval whatever the number of nodes. Without Redis
 * (or while it is away) each node coalesces alone. Updates are written in slices
 * (VolatileFanout) so that a large room does not stall the event loop.
 *
 * The turnout (`present`) of a question still open counts who is connected, so a presence
 * broadcast marks those questions too, without any ballot. With several nodes each node's
 * presence fires for its own sockets only; its mark goes through the same shared slot, so the
 * room still gets at most one update per interval, and the node that saw the change flushes it
 * (at once, or when another node's slot ends) with the roll its broadcast has just read. Another
 * node may still flush (a ballot) with a count up to SHARED_COUNT_MAX_AGE_MS old, read before the
 * change; so with Redis the node marks the questions once more after that age: every update
 * from then on counts from a roll read after the change.
 */
@Injectable()
export class LiveResultsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LiveResults');
  private readonly lastSent = new Map<string, number>();
  /** The interval chosen at each question's last flush (from the audience it reached). */
  private readonly intervals = new Map<string, number>();
  /**
   * A throttle: an idle question goes at once, a busy one once per interval from its last update;
   * one flush at a time per question, and a change during a flush gets the next one.
   */
  private readonly coalescer = new Coalescer<string>({
    delayMs: (questionId) => Math.max(0, (this.lastSent.get(questionId) ?? 0) + this.intervalOf(questionId) - Date.now()),
    deliver: (questionId) => this.run(questionId),
  });
  /** Second marks after a presence change (several nodes only). */
  private readonly trailing = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly ballots: BallotsService,
    private readonly presence: PresenceService,
    private readonly fanout: VolatileFanout,
    @Inject(REDIS_STATE) private readonly redis: RedisState,
    private readonly proxies: ProxiesService,
  ) {}

  onModuleInit(): void {
    this.presence.onBroadcast((sessionId) => void this.presenceChanged(sessionId));
  }

  /** Who is connected changed in a session: one query, then one coalesced update per question whose turnout follows. */
  private async presenceChanged(sessionId: string): Promise<void> {
    if (this.stopped) return;
    try {
      const questionIds = await surveysRepository.presenceDependent(this.db.manager, sessionId);
      if (this.stopped || questionIds.length === 0) return;
      for (const questionId of questionIds) this.mark(questionId);
      if (!this.redis.configured) return;
      // Outlive the other nodes' cached counts (see the class comment); mark() coalesces it with any update due.
      const again = setTimeout(() => {
        this.trailing.delete(again);
        for (const questionId of questionIds) this.mark(questionId);
      }, SHARED_COUNT_MAX_AGE_MS + 10);
      this.trailing.add(again);
    } catch (e) {
      this.logger.warn(`turnout of session ${sessionId}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Something changed the tally or its visibility: one update follows, within the question's interval. */
  mark(questionId: string): void {
    this.coalescer.mark(questionId);
  }

  /**
   * One flush; the interval counts from the moment it was sent. When another node flushed within
   * the interval (maybe before our ballot committed), it answers the ms until that node's slot ends:
   * our turn comes then.
   */
  private async run(questionId: string): Promise<number> {
    let retryIn = 0;
    try {
      retryIn = await this.claimSlot(questionId);
      if (retryIn === 0) {
        await this.flush(questionId);
        await this.holdSlot(questionId);
      }
    } catch (e) {
      this.logger.warn(`results of ${questionId}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (retryIn === 0) this.lastSent.set(questionId, Date.now());
    return retryIn;
  }

  /** Until a question's first flush measures its audience, the longest interval is assumed. */
  private intervalOf(questionId: string): number {
    return this.intervals.get(questionId) ?? RESULTS_MAX_INTERVAL_MS;
  }

  /**
   * 0 when this node may flush now (it holds the question's slot for its interval, or
   * there is no Redis to share it through); else the milliseconds until another node's slot ends.
   */
  private async claimSlot(questionId: string): Promise<number> {
    const redis = this.redis.commands;
    if (!redis || !this.redis.up) return 0;
    const key = `palabre:results:${questionId}`;
    try {
      if ((await redis.set(key, '1', 'PX', this.intervalOf(questionId), 'NX')) === 'OK') return 0;
      const left = await redis.pttl(key);
      return Math.max(1, Math.min(left, RESULTS_MAX_INTERVAL_MS)) + 2;
    } catch {
      return 0; // Redis went away meanwhile: coalesce on this node alone.
    }
  }

  /** Like the local interval, the shared one counts from the moment the update was sent. */
  private async holdSlot(questionId: string): Promise<void> {
    const redis = this.redis.commands;
    if (!redis || !this.redis.up) return;
    await redis.set(`palabre:results:${questionId}`, '1', 'PX', this.intervalOf(questionId)).catch(() => undefined);
  }

  /**
   * Members who may vote now: connected (staff and screens are not voters), plus those represented
   * by a live proxy. Read through the caller's manager: inside a transaction, a second pool
   * connection would let a burst of snapshots hold every connection while each waits for one more.
   */
  async presentMembers(m: EntityManager, sessionId: string): Promise<number> {
    const connected = await this.presence.memberIds(sessionId);
    return connected.size + (await this.proxies.represented(m, sessionId, connected));
  }

  /**
   * Turnout and, if `role` may see them, the results. Present is frozen at the close; while
   * open it is the members connected now, and never fewer than those who voted.
   */
  async compute(m: EntityManager, sessionId: string, survey: Survey, question: SurveyQuestion, role: ParticipantRole): Promise<LiveResults> {
    // Every channel: device, proxy, assisted and confirmed paper ballots, one tally (BallotsService.counted).
    const { values, paper, parts } = await this.ballots.counted(m, question.id, question.config, survey.anonymity);
    const present = questionPresent(values.length, question.presentAtClose ?? (await this.presentMembers(m, sessionId))) ?? values.length;
    const visible = canSeeResults(role, survey.resultsVisibility, question.state);
    // A roll call's progress (n of N called), for the projector: only on named questions where one was started.
    const rollCall = survey.anonymity === 'named' ? await readRollCallProgress(m, sessionId, question.id) : undefined;
    return {
      activityId: question.activityId,
      questionId: question.id,
      state: question.state,
      ballots: values.length,
      present,
      results: visible ? tally(question.config, values, { present }) : null,
      parts,
      ...(parts.paper > 0 ? { paper: visible ? tally(question.config, paper) : null } : {}),
      ...(rollCall ? { rollCall: { called: rollCall.called, total: rollCall.total } } : {}),
    };
  }

  private async flush(questionId: string): Promise<void> {
    const m = this.db.manager;
    const q = await surveysRepository.question(m, questionId);
    if (q.state === 'draft') return;
    const activity = await surveysRepository.activity(m, q.activityId);
    const survey = await surveysRepository.survey(m, q.activityId);
    const full = await this.compute(m, activity.sessionId, survey, q, 'facilitator');
    const version = (await surveysRepository.sessionVersion(m, activity.sessionId)) ?? 0;
    const payload = { ...full, sessionId: activity.sessionId, version };
    const staff = rooms.staff(activity.sessionId);
    // The activity's audience (a working group's survey stays within the group until the report-back).
    const everyone = activityRooms(activity, await readReportBackOpen(m, activity.sessionId));
    this.intervals.set(questionId, resultsInterval(this.fanout.audience([staff, ...everyone])));
    if (canSeeResults('member', survey.resultsVisibility, q.state)) {
      this.fanout.emit([staff, ...everyone], 'results.updated', payload, { key: `results:${questionId}` });
      return;
    }
    this.fanout.emit(staff, 'results.updated', payload, { key: `results:${questionId}:staff` });
    // Members and the projector still see the turnout live.
    this.fanout.emit(everyone, 'results.updated', { ...payload, results: null }, { except: staff, key: `results:${questionId}:turnout` });
  }

  onModuleDestroy(): void {
    this.stopped = true;
    for (const t of this.trailing) clearTimeout(t);
    this.trailing.clear();
    this.coalescer.close();
  }
}
