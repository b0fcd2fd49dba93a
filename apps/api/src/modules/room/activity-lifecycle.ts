import { Injectable } from '@nestjs/common';
import type { ActivityKind, ActivitySummary } from '@palabre/contracts';
import type { Tx } from '../../common/realtime/transaction';
import { Activity } from '../sessions/activity.entity';
import { toActivitySummary } from '../sessions/views';

/** What opening or closing an activity means for one kind (a survey counts its ballots on close, …). */
export interface ActivityLifecycleHandler {
  /** Moves the (locked) activity to its open state; returns false when there was nothing to do. */
  open?(tx: Tx, activity: Activity, actorId: string | null): Promise<boolean>;
  /** Moves the (locked) activity to its closed state; returns false when there was nothing to do. */
  close?(tx: Tx, activity: Activity, actorId: string | null): Promise<boolean>;
}

export interface LifecycleOutcome {
  changed: boolean;
  activity: ActivitySummary;
}

/**
 * The ActivityCloser / opener registry: the agenda, the timer's automatic close and the console's
 * quick actions open and close any activity through here; feature modules register their kind.
 * Without a registration an activity goes draft|closed → open → closed.
 */
@Injectable()
export class ActivityLifecycleRegistry {
  private readonly handlers = new Map<ActivityKind, ActivityLifecycleHandler>();

  register(kind: ActivityKind, handler: ActivityLifecycleHandler): void {
    this.handlers.set(kind, handler);
  }

  async open(tx: Tx, activityId: string, actorId: string | null): Promise<LifecycleOutcome> {
    const activity = await lock(tx, activityId);
    const custom = this.handlers.get(activity.kind)?.open;
    const changed = custom ? await custom(tx, activity, actorId) : await setState(tx, activity, ['draft', 'closed'], 'open', actorId, 'activity.opened');
    return { changed, activity: toActivitySummary(await lock(tx, activityId)) };
  }

  async close(tx: Tx, activityId: string, actorId: string | null, auditType = 'activity.closed'): Promise<LifecycleOutcome> {
    const activity = await lock(tx, activityId);
    const custom = this.handlers.get(activity.kind)?.close;
    const changed = custom ? await custom(tx, activity, actorId) : await setState(tx, activity, ['open'], 'closed', actorId, auditType);
    return { changed, activity: toActivitySummary(await lock(tx, activityId)) };
  }
}

/** Row lock: two facilitators closing at once serialise here; the second sees it closed. */
async function lock(tx: Tx, activityId: string): Promise<Activity> {
  return tx.manager.getRepository(Activity).findOneOrFail({ where: { id: activityId }, lock: { mode: 'pessimistic_write' } });
}

async function setState(tx: Tx, activity: Activity, from: string[], to: string, actorId: string | null, auditType: string): Promise<boolean> {
  if (!from.includes(activity.state)) return false;
  await tx.manager.getRepository(Activity).update(activity.id, { state: to });
  await tx.publish('activity.updated', activity.sessionId, { activity: toActivitySummary({ ...activity, state: to }) });
  await tx.audit(activity.sessionId, auditType, actorId, { activityId: activity.id, kind: activity.kind, from: activity.state, to });
  return true;
}
