import { Injectable } from '@nestjs/common';
import type { ActivitySummary } from '@palabre/contracts';
import type { Tx } from '../../common/db/transaction';
import { activitiesRepository } from './activities.repository';
import type { Activity } from './activity.entity';
import { ActivityKinds } from './activity-kinds';
import { activityEventOptions, readReportBackOpen } from './audience';
import { toActivitySummary } from './sessions.views';

export interface LifecycleOutcome {
  changed: boolean;
  activity: ActivitySummary;
}

/**
 * The one way an activity opens, closes or reopens, whoever asks: the agenda, the console's quick
 * actions, the timer's automatic close, launching the next item, closing the session. The kind's
 * contract does what the move means inside the activity (a survey closes its questions, the working
 * groups close their groups' boards and surveys); this stores the state, tells the activity's
 * audience, stops a countdown that belonged to it and writes the audit link — all in the caller's
 * transaction.
 */
@Injectable()
export class ActivityLifecycle {
  constructor(private readonly kinds: ActivityKinds) {}

  /** Opens a draft, or reopens a closed activity (an explicit facilitator action); a running one is left as it is. */
  async open(tx: Tx, activityId: string, actorId: string | null, auditType?: string): Promise<LifecycleOutcome> {
    const activity = await lock(tx, activityId);
    const contract = this.kinds.get(activity.kind);
    if (contract.states.running.includes(activity.state)) return { changed: false, activity: toActivitySummary(activity) };
    const reopening = contract.states.closed.includes(activity.state);
    const to = reopening ? await contract.reopen(tx, activity, actorId) : await contract.open(tx, activity, actorId);
    return this.store(tx, activity, to, actorId, auditType ?? (reopening ? 'activity.reopened' : 'activity.opened'));
  }

  /** Closes a running activity and everything inside it; a draft or an already closed one is left as it is. */
  async close(tx: Tx, activityId: string, actorId: string | null, auditType = 'activity.closed'): Promise<LifecycleOutcome> {
    const activity = await lock(tx, activityId);
    const contract = this.kinds.get(activity.kind);
    if (!contract.states.running.includes(activity.state)) return { changed: false, activity: toActivitySummary(activity) };
    const to = await contract.close(tx, activity, actorId);
    const outcome = await this.store(tx, activity, to, actorId, auditType);
    await stopCountdownOf(tx, activity);
    return outcome;
  }

  /** Whether the activity is running (members may contribute), by its kind's own states. */
  isRunning(activity: Pick<Activity, 'kind' | 'state'>): boolean {
    return this.kinds.get(activity.kind).states.running.includes(activity.state);
  }

  /**
   * What is still open in a session: the running activities (an open survey question keeps its
   * survey running, see surveyStateOf). Sealing is refused while this is not empty.
   */
  async stillOpen(tx: Tx, sessionId: string): Promise<{ activityId: string; title: string; kind: string; state: string }[]> {
    const activities = await activitiesRepository.ofSession(tx.manager, sessionId, true);
    return activities.filter((a) => this.isRunning(a)).map((a) => ({ activityId: a.id, title: a.title, kind: a.kind, state: a.state }));
  }

  /** Closes everything still open in the session, in this transaction (closing the session does this first). */
  async closeAll(tx: Tx, sessionId: string, actorId: string | null): Promise<string[]> {
    const closed: string[] = [];
    for (const item of await this.stillOpen(tx, sessionId)) {
      if ((await this.close(tx, item.activityId, actorId, 'activity.closedWithSession')).changed) closed.push(item.activityId);
    }
    return closed;
  }


  private async store(tx: Tx, before: Activity, to: string, actorId: string | null, auditType: string): Promise<LifecycleOutcome> {
    // The hook may have stored the state itself (a survey's state follows its questions): read it back.
    const current = await lock(tx, before.id);
    if (current.state !== to) await activitiesRepository.update(tx.manager, before.id, { state: to });
    const after = { ...current, state: to };
    const summary = toActivitySummary(after);
    await tx.publish('activity.updated', before.sessionId, { activity: summary }, activityEventOptions(after, await readReportBackOpen(tx.manager, before.sessionId)));
    await tx.audit(before.sessionId, auditType, actorId, { activityId: before.id, kind: before.kind, from: before.state, to });
    return { changed: before.state !== to, activity: summary };
  }
}

/** Row lock: two facilitators closing at once serialise here; the second sees it closed. */
async function lock(tx: Tx, activityId: string): Promise<Activity> {
  return activitiesRepository.lock(tx.manager, activityId);
}

/**
 * A countdown running for an activity that closed stops with it (whatever closed it): the timer
 * columns cleared (room.views NO_TIMER) and timer_seq bumped, so a scheduler armed for it does nothing.
 */
async function stopCountdownOf(tx: Tx, activity: Activity): Promise<void> {
  const stopped = await activitiesRepository.stopCountdown(tx.manager, activity.sessionId, activity.id);
  if (stopped.length > 0) await tx.publish('timer.updated', activity.sessionId, { timer: null, serverNow: new Date().toISOString() });
}
