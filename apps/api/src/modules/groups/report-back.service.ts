import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QuestionDraft, SURVEY_LIMITS, type ActivitySummary, type CommandPayload, type CommandResult, type SeedCard, type SeedCardView } from '@palabre/contracts';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/realtime/rooms';
import type { Tx } from '../../common/realtime/transaction';
import { ActivitiesService } from '../sessions/activities.service';
import { Activity } from '../sessions/activity.entity';
import { toActivitySummary } from '../sessions/views';
import { ActivityKinds } from '../sessions/activity-kinds';
import { GroupsStore } from './groups.store';
import { toSeedCardView } from './groups.views';
import { GroupSeedCard, WorkingGroup } from './working-group.entity';

/** Seeding the groups from the plenary, and bringing their work back to it. */
@Injectable()
export class ReportBackService {
  constructor(
    private readonly store: GroupsStore,
    private readonly kinds: ActivityKinds,
    private readonly activities: ActivitiesService,
  ) {}

  async seed(tx: Tx, actor: ParticipantActor, p: CommandPayload<'group.seed'>): Promise<CommandResult<'group.seed'>> {
    const group = await this.store.lockGroup(tx, actor.sessionId, p.groupId);
    if (p.boardActivityId) {
      const board = await tx.manager.getRepository(Activity).findOneBy({ id: p.boardActivityId, sessionId: actor.sessionId, groupId: group.id, kind: 'board' });
      if (!board) throw new AppError('NOT_FOUND');
    }
    const cards = await this.resolve(tx, actor.sessionId, p.source);
    await tx.audit(actor.sessionId, 'group.seeded', actor.participantId, { groupId: group.id, source: p.source.kind, cards: cards.length });
    const boards = this.kinds.groupAdaptation('board');
    if (p.boardActivityId && boards?.seed) {
      await boards.seed(tx, actor, p.boardActivityId, cards);
      return { cards: cards.map((c) => ({ ...c, id: randomUUID(), groupId: group.id, createdAt: new Date().toISOString() })), onBoard: true };
    }
    const repo = tx.manager.getRepository(GroupSeedCard);
    const saved: SeedCardView[] = [];
    for (const c of cards) saved.push(toSeedCardView(await repo.save(repo.create({ groupId: group.id, title: c.title, body: c.body, origin: c.origin }))));
    await tx.publish('group.seeded', actor.sessionId, { groupId: group.id, cards: saved }, { room: [rooms.group(group.id), rooms.staff(actor.sessionId)] });
    return { cards: saved, onBoard: false };
  }

  private async resolve(tx: Tx, sessionId: string, source: CommandPayload<'group.seed'>['source']): Promise<SeedCard[]> {
    switch (source.kind) {
      case 'cards':
        return source.cards;
      case 'surveyTop':
        const surveys = this.kinds.groupAdaptation('survey');
        if (!surveys?.topResults) throw new AppError('SEED_SOURCE_UNAVAILABLE');
        return surveys.topResults(tx, sessionId, source.surveyActivityId, source.questionId, source.count);
      case 'ideas':
        const ideas = this.kinds.groupAdaptation('board');
        if (!ideas?.ideaCards) throw new AppError('SEED_SOURCE_UNAVAILABLE');
        return ideas.ideaCards(tx, sessionId, source.ideaIds);
    }
  }

  /** The groups activity goes live (draft → live): it becomes the current activity on phones and the projector. */
  async start(tx: Tx, actor: ParticipantActor, p: CommandPayload<'groups.start'>): Promise<ActivitySummary> {
    const { activity } = await this.store.groupsActivity(tx.manager, actor.sessionId, p.activityId);
    return this.setState(tx, actor, activity, 'live');
  }

  private async setState(tx: Tx, actor: ParticipantActor, activity: Activity, state: 'live' | 'report_back'): Promise<ActivitySummary> {
    const summary = toActivitySummary({ ...activity, state });
    if (activity.state === state) return summary;
    await tx.manager.getRepository(Activity).update(activity.id, { state });
    await tx.audit(actor.sessionId, `groups.${state}`, actor.participantId, { activityId: activity.id });
    await tx.publish('activity.updated', actor.sessionId, { activity: summary });
    return summary;
  }

  async openReportBack(tx: Tx, actor: ParticipantActor, p: CommandPayload<'groups.openReportBack'>): Promise<{ reportBackOpen: true }> {
    const { activity } = await this.store.groupsActivity(tx.manager, actor.sessionId, p.activityId);
    await this.setState(tx, actor, activity, 'report_back');
    if (await this.store.reportBackOpen(tx.manager, actor.sessionId)) return { reportBackOpen: true };
    // findReadable / findWritable and the snapshot read this flag: other groups become readable, never writable.
    await tx.manager.query(`UPDATE session SET settings = settings || '{"reportBackOpen": true}'::jsonb WHERE id = $1`, [actor.sessionId]);
    await tx.audit(actor.sessionId, 'groups.report_back_opened', actor.participantId, { activityId: p.activityId });
    await tx.publish('groups.reportBackOpened', actor.sessionId, { activityId: p.activityId });
    return { reportBackOpen: true };
  }

  async present(tx: Tx, actor: ParticipantActor, p: CommandPayload<'groups.present'>): Promise<{ presentedGroupId: string | null }> {
    if (p.groupId) await this.store.lockGroup(tx, actor.sessionId, p.groupId);
    await tx.manager.query(`UPDATE session SET settings = settings || jsonb_build_object('presentedGroupId', $2::text) WHERE id = $1`, [actor.sessionId, p.groupId]);
    await tx.publish('groups.presented', actor.sessionId, { presentedGroupId: p.groupId });
    return { presentedGroupId: p.groupId };
  }

  /** One action: every validated proposal becomes an option of a final plenary survey (draft, to open when ready). */
  async createFinalSurvey(tx: Tx, actor: ParticipantActor, p: CommandPayload<'groups.createFinalSurvey'>): Promise<CommandResult<'groups.createFinalSurvey'>> {
    await this.store.groupsActivity(tx.manager, actor.sessionId, p.activityId);
    const groups = await tx.manager.getRepository(WorkingGroup).find({ where: { activityId: p.activityId, synthesisState: 'validated' }, order: { position: 'ASC' } });
    const labels: string[] = [];
    const seen = new Set<string>();
    for (const g of groups) {
      for (const proposal of g.synthesis.proposals) {
        // Two groups may propose the same thing: one option (a survey refuses duplicate labels).
        const key = proposal.trim().toLocaleLowerCase('fr');
        if (seen.has(key)) continue;
        seen.add(key);
        labels.push(proposal.trim().slice(0, SURVEY_LIMITS.optionLabelMax));
      }
    }
    if (labels.length < SURVEY_LIMITS.optionsMin) throw new AppError('NO_PROPOSALS');
    if (labels.length > SURVEY_LIMITS.optionsMax) throw new AppError('TOO_MANY_PROPOSALS');
    const options = labels.map((label, i) => ({ id: `p${i + 1}`, label }));
    const question =
      p.method === 'ranking'
        ? { type: 'ranking' as const, prompt: 'Classez les propositions des groupes de travail, de la plus prioritaire à la moins prioritaire.', options }
        : { type: 'majority' as const, prompt: 'Quelle mention donnez-vous à chacune des propositions des groupes de travail ?', options, gradeCount: 7 as const };
    const questions = [QuestionDraft.parse(question)];
    const createFinal = this.kinds.groupAdaptation('survey')?.createFinal;
    if (!createFinal) throw new AppError('SEED_SOURCE_UNAVAILABLE');
    const activity = await createFinal(tx, actor, { title: p.title, questions });
    await tx.audit(actor.sessionId, 'groups.final_survey_created', actor.participantId, { activityId: activity.id, method: p.method, options: options.length });
    return { activity, questions };
  }
}
