import { Injectable } from '@nestjs/common';
import type { ActivitySummary, CommandPayload } from '@palabre/contracts';
import type { ParticipantActor } from '../../common/auth/actor';
import { canWriteActivity } from '@palabre/domain';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/db/transaction';
import { ActivityKinds } from './activity-kinds';
import { activitiesRepository } from './activities.repository';
import type { Activity } from './activity.entity';
import { activityEventOptions, canSeeActivity, readReportBackOpen, type AudienceSubject } from './audience';
import { toActivitySummary } from './sessions.views';

/** The agenda: activities of a session in order. */
@Injectable()
export class ActivitiesService {
  constructor(private readonly kinds: ActivityKinds) {}

  async createActivity(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'activity.create'>): Promise<ActivitySummary> {
    const contract = this.kinds.get(payload.kind);
    await activitiesRepository.lockSession(tx.manager, actor.sessionId);
    // A group activity belongs to a working group of this very session.
    if (payload.groupId && !(await activitiesRepository.groupExists(tx.manager, payload.groupId, actor.sessionId))) {
      throw new AppError('NOT_FOUND');
    }
    const last = await activitiesRepository.last(tx.manager, actor.sessionId);
    const activity = await activitiesRepository.insert(tx.manager, { sessionId: actor.sessionId, kind: payload.kind, title: payload.title, position: (last?.position ?? -1) + 1, groupId: payload.groupId ?? null, state: 'draft' });
    activity.config = await contract.create(tx, activity, payload.config, actor);
    await activitiesRepository.saveConfig(tx.manager, activity.id, activity.config);
    const summary = toActivitySummary(activity);
    await tx.publish('activity.created', actor.sessionId, { activity: summary }, await this.audience(tx, activity));
    await tx.audit(actor.sessionId, 'activity.created', actor.participantId, { activityId: activity.id, kind: activity.kind });
    return summary;
  }

  async renameActivity(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'activity.update'>): Promise<ActivitySummary> {
    const activity = await this.find(tx, actor.sessionId, payload.activityId);
    await activitiesRepository.update(tx.manager, activity.id, { title: payload.title });
    const summary = toActivitySummary({ ...activity, title: payload.title });
    await tx.publish('activity.updated', actor.sessionId, { activity: summary }, await this.audience(tx, activity));
    return summary;
  }

  async moveActivity(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'activity.move'>): Promise<ActivitySummary[]> {
    await activitiesRepository.lockSession(tx.manager, actor.sessionId);
    const all = await activitiesRepository.ofSession(tx.manager, actor.sessionId);
    const index = all.findIndex((a) => a.id === payload.activityId);
    if (index < 0) throw new AppError('NOT_FOUND');
    const [moved] = all.splice(index, 1);
    all.splice(Math.min(payload.position, all.length), 0, moved);
    for (const [position, a] of all.entries()) {
      if (a.position !== position) await activitiesRepository.update(tx.manager, a.id, { position });
      a.position = position;
    }
    for (const a of all) await tx.publish('activity.updated', actor.sessionId, { activity: toActivitySummary(a) }, await this.audience(tx, a));
    return all.map(toActivitySummary);
  }

  async deleteActivity(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'activity.delete'>): Promise<{ activityId: string }> {
    const activity = await this.find(tx, actor.sessionId, payload.activityId);
    // Only a draft can disappear: anything members saw or answered stays in the record.
    if (activity.state !== 'draft') throw new AppError('INVALID_TRANSITION');
    await this.kinds.get(activity.kind).remove(tx, activity);
    await activitiesRepository.delete(tx.manager, activity.id);
    await tx.publish('activity.deleted', actor.sessionId, { activityId: activity.id }, await this.audience(tx, activity));
    await tx.audit(actor.sessionId, 'activity.deleted', actor.participantId, { activityId: activity.id });
    return { activityId: activity.id };
  }

  /**
   * The activity a command acts on, if the actor may act there: another session's activity,
   * or another working group's (before and after the report-back), answers NOT_FOUND.
   */
  async findWritable(tx: Tx, actor: ParticipantActor, activityId: string): Promise<Activity> {
    return (await this.loadWritable(tx, actor, activityId)).activity;
  }

  /** `findWritable`, with the report-back flag it read (publishers need it for the activity's audience). */
  async loadWritable(tx: Tx, actor: ParticipantActor, activityId: string): Promise<{ activity: Activity; reportBackOpen: boolean }> {
    const activity = await this.find(tx, actor.sessionId, activityId);
    const reportBackOpen = await this.reportBackOpen(tx, actor.sessionId);
    if (!canWriteActivity({ role: actor.role, actorGroupId: actor.groupId, activityGroupId: activity.groupId, reportBackOpen })) throw new AppError('NOT_FOUND');
    return { activity, reportBackOpen };
  }

  /** The activity a read acts on; other groups' work is readable once the report-back is open. */
  async findReadable(tx: Tx, actor: ParticipantActor, activityId: string): Promise<Activity> {
    const activity = await this.find(tx, actor.sessionId, activityId);
    if (!canSeeActivity({ role: actor.role, groupId: actor.groupId }, activity, await this.reportBackOpen(tx, actor.sessionId))) throw new AppError('NOT_FOUND');
    return activity;
  }

  /** Set by the working-groups feature in session.settings when the report-back opens. */
  reportBackOpen(tx: Tx, sessionId: string): Promise<boolean> {
    return readReportBackOpen(tx.manager, sessionId);
  }

  /** Who hears about this activity's own facts (created, renamed, moved, deleted): the one audience rule. */
  private async audience(tx: Tx, activity: AudienceSubject): Promise<{ room?: string[]; bump?: boolean }> {
    return activityEventOptions(activity, await readReportBackOpen(tx.manager, activity.sessionId));
  }

  /** An activity of this session (another session's id answers NOT_FOUND: nothing leaks). */
  async find(tx: Tx, sessionId: string, activityId: string): Promise<Activity> {
    const activity = await activitiesRepository.find(tx.manager, sessionId, activityId);
    if (!activity) throw new AppError('NOT_FOUND');
    return activity;
  }
}
