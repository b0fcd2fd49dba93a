import { Injectable } from '@nestjs/common';
import type { ActivitySummary, CommandPayload } from '@palabre/contracts';
import type { ParticipantActor } from '../../common/auth/actor';
import { canWriteActivity } from '@palabre/domain';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/realtime/transaction';
import { ActivityKinds } from './activity-kinds';
import { Activity } from './activity.entity';
import { activityEventOptions, canSeeActivity, readReportBackOpen, type AudienceSubject } from './audience';
import { toActivitySummary } from './views';

/** The agenda: activities of a session in order. */
@Injectable()
export class ActivitiesService {
  constructor(private readonly kinds: ActivityKinds) {}

  async createActivity(tx: Tx, actor: ParticipantActor, p: CommandPayload<'activity.create'>): Promise<ActivitySummary> {
    const repo = tx.manager.getRepository(Activity);
    const contract = this.kinds.get(p.kind);
    await tx.manager.query('SELECT 1 FROM session WHERE id = $1 FOR UPDATE', [actor.sessionId]);
    // A group activity belongs to a working group of this very session.
    if (p.groupId && (await tx.manager.query('SELECT 1 FROM working_group WHERE id = $1 AND session_id = $2', [p.groupId, actor.sessionId])).length === 0) {
      throw new AppError('NOT_FOUND');
    }
    const last = await repo.findOne({ where: { sessionId: actor.sessionId }, order: { position: 'DESC' } });
    const activity = await repo.save(
      repo.create({ sessionId: actor.sessionId, kind: p.kind, title: p.title, position: (last?.position ?? -1) + 1, groupId: p.groupId ?? null, state: 'draft' }),
    );
    activity.config = await contract.create(tx, activity, p.config, actor);
    await tx.manager.query('UPDATE activity SET config = $2 WHERE id = $1', [activity.id, JSON.stringify(activity.config)]);
    const summary = toActivitySummary(activity);
    await tx.publish('activity.created', actor.sessionId, { activity: summary }, await this.audience(tx, activity));
    await tx.audit(actor.sessionId, 'activity.created', actor.participantId, { activityId: activity.id, kind: activity.kind });
    return summary;
  }

  async renameActivity(tx: Tx, actor: ParticipantActor, p: CommandPayload<'activity.update'>): Promise<ActivitySummary> {
    const activity = await this.find(tx, actor.sessionId, p.activityId);
    await tx.manager.getRepository(Activity).update(activity.id, { title: p.title });
    const summary = toActivitySummary({ ...activity, title: p.title });
    await tx.publish('activity.updated', actor.sessionId, { activity: summary }, await this.audience(tx, activity));
    return summary;
  }

  async moveActivity(tx: Tx, actor: ParticipantActor, p: CommandPayload<'activity.move'>): Promise<ActivitySummary[]> {
    await tx.manager.query('SELECT 1 FROM session WHERE id = $1 FOR UPDATE', [actor.sessionId]);
    const repo = tx.manager.getRepository(Activity);
    const all = await repo.find({ where: { sessionId: actor.sessionId }, order: { position: 'ASC' } });
    const index = all.findIndex((a) => a.id === p.activityId);
    if (index < 0) throw new AppError('NOT_FOUND');
    const [moved] = all.splice(index, 1);
    all.splice(Math.min(p.position, all.length), 0, moved);
    for (const [position, a] of all.entries()) {
      if (a.position !== position) await repo.update(a.id, { position });
      a.position = position;
    }
    for (const a of all) await tx.publish('activity.updated', actor.sessionId, { activity: toActivitySummary(a) }, await this.audience(tx, a));
    return all.map(toActivitySummary);
  }

  async deleteActivity(tx: Tx, actor: ParticipantActor, p: CommandPayload<'activity.delete'>): Promise<{ activityId: string }> {
    const activity = await this.find(tx, actor.sessionId, p.activityId);
    // Only a draft can disappear: anything members saw or answered stays in the record.
    if (activity.state !== 'draft') throw new AppError('INVALID_TRANSITION');
    await this.kinds.get(activity.kind).remove(tx, activity);
    await tx.manager.getRepository(Activity).delete(activity.id);
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
    const activity = await tx.manager.getRepository(Activity).findOneBy({ id: activityId, sessionId });
    if (!activity) throw new AppError('NOT_FOUND');
    return activity;
  }
}
