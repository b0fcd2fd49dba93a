import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ROOM_LIMITS } from '@palabre/contracts';
import { TransactionRunner } from '../../common/db/transaction';
import { ActivityLifecycle } from '../sessions/activity-lifecycle';
import type { RoomState } from './room.entities';
import { roomRepository } from './room.repository';
import { NO_TIMER } from './room.views';

/** How often a node looks for countdowns armed by another node (or before a restart). */
const POLL_MS = 2000;

interface Armed {
  seq: number;
  handles: NodeJS.Timeout[];
}

/**
 * Automatic close of timed activities. Each node arms a setTimeout per running countdown
 * (re-armed from the database on boot and by polling, so a restart or another node's timer
 * is not lost). Firing is a conditional update on the room_state row (same timer_seq, not
 * yet done): with several nodes exactly one warns and one closes.
 */
@Injectable()
export class RoomTimerScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RoomTimer');
  private readonly armed = new Map<string, Armed>();
  private poller?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly lifecycle: ActivityLifecycle,
  ) {}

  onApplicationBootstrap(): void {
    void this.poll();
    this.poller = setInterval(() => void this.poll(), POLL_MS);
    this.poller.unref();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.poller) clearInterval(this.poller);
    for (const a of this.armed.values()) a.handles.forEach(clearTimeout);
    this.armed.clear();
  }

  /** After a command changed a session's countdown (called once its transaction committed). */
  async arm(sessionId: string): Promise<void> {
    const state = await roomRepository.state(this.db.manager, sessionId);
    if (state) this.armFrom(state);
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    try {
      const states = await roomRepository.autoClosing(this.db.manager);
      for (const state of states) if (this.armed.get(state.sessionId)?.seq !== state.timerSeq) this.armFrom(state);
    } catch {
      // The database is briefly away: the next poll re-arms.
    }
  }

  private armFrom(state: RoomState): void {
    const current = this.armed.get(state.sessionId);
    if (current) current.handles.forEach(clearTimeout);
    this.armed.delete(state.sessionId);
    if (this.stopped || !state.timerAutoClose || !state.timerEndsAt || !state.timerActivityId) return;
    const endsAt = new Date(state.timerEndsAt).getTime();
    const seq = state.timerSeq;
    const handles: NodeJS.Timeout[] = [];
    if (!state.timerWarned) {
      handles.push(setTimeout(() => void this.warn(state.sessionId, seq), Math.max(0, endsAt - ROOM_LIMITS.warningSeconds * 1000 - Date.now())));
    }
    handles.push(setTimeout(() => void this.close(state.sessionId, seq), Math.max(0, endsAt - Date.now())));
    this.armed.set(state.sessionId, { seq, handles });
  }

  private async warn(sessionId: string, seq: number): Promise<void> {
    if (this.stopped) return;
    try {
      await this.transactions.run(async (tx) => {
        const rows = await roomRepository.markWarned(tx.manager, sessionId, seq);
        const row = rows[0];
        if (!row) return;
        await tx.publish('timer.warning', sessionId, { activityId: row.timer_activity_id, endsAt: new Date(row.timer_ends_at).toISOString(), serverNow: new Date().toISOString() });
      });
    } catch (error) {
      this.logger.warn(`warning for ${sessionId} failed: ${String(error)}`);
    }
  }

  private async close(sessionId: string, seq: number): Promise<void> {
    if (this.stopped) return;
    try {
      const rearm = await this.transactions.run(async (tx) => {
        const state = await roomRepository.lockIfAny(tx.manager, sessionId);
        // Extended, paused, restarted or already closed by another node since this was armed.
        if (!state || state.timerSeq !== seq || !state.timerAutoClose || !state.timerEndsAt || !state.timerActivityId) return false;
        if (new Date(state.timerEndsAt).getTime() > Date.now() + 50) return true;
        const activityId = state.timerActivityId;
        await roomRepository.update(tx.manager, sessionId, { ...NO_TIMER, timerSeq: seq + 1 });
        const outcome = await this.lifecycle.close(tx, activityId, null, 'activity.autoClosed');
        if (outcome.changed) await tx.publish('activity.autoClosed', sessionId, { activityId });
        await tx.publish('timer.updated', sessionId, { timer: null, serverNow: new Date().toISOString() });
        return false;
      });
      if (rearm) await this.arm(sessionId);
    } catch (error) {
      this.logger.warn(`automatic close for ${sessionId} failed: ${String(error)}`);
    }
  }
}
