import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QuestionDraft, SURVEY_LIMITS, type ActivitySummary, type CommandPayload, type CommandResult, type SeedCard, type SeedCardView } from '@palabre/contracts';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/live/rooms';
import type { Tx } from '../../common/db/transaction';
import { ActivitiesService } from '../sessions/activities.service';
import type { Activity } from '../sessions/activity.entity';
import { ActivityKinds } from '../sessions/activity-kinds';
import { toActivitySummary } from '../sessions/sessions.views';
import { GroupAccess } from './group-access';
import { groupsRepository } from './groups.repository';
import { toSeedCardView } from './groups.views';

/** Seeding the groups from the plenary, and bringing their work back to it. */
@Injectable()
export class ReportBackService {
  constructor(
    private readonly access: GroupAccess,
    private readonly kinds: ActivityKinds,
    private readonly activities: ActivitiesService,
  ) {}

  async seed(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'group.seed'>): Promise<CommandResult<'group.seed'>> {
    const group = await this.access.lockGroup(tx, actor.sessionId, payload.groupId);
    if (payload.boardActivityId) {
      const board = await groupsRepository.findGroupBoard(tx.manager, actor.sessionId, group.id, payload.boardActivityId);
      if (!board) throw new AppError('NOT_FOUND');
    }
    const cards = await this.resolve(tx, actor.sessionId, payload.source);
    await tx.audit(actor.sessionId, 'group.seeded', actor.participantId, { groupId: group.id, source: payload.source.kind, cards: cards.length });
    const boards = this.kinds.groupAdaptation('board');
    if (payload.boardActivityId && boards?.seed) {
      await boards.seed(tx, actor, payload.boardActivityId, cards);
      return { cards: cards.map((card) => ({ ...card, id: randomUUID(), groupId: group.id, createdAt: new Date().toISOString() })), onBoard: true };
    }
    const saved: SeedCardView[] = [];
    for (const card of cards) saved.push(toSeedCardView(await groupsRepository.createSeedCard(tx.manager, { groupId: group.id, title: card.title, body: card.body, origin: card.origin })));
    await tx.publish('group.seeded', actor.sessionId, { groupId: group.id, cards: saved }, { room: [rooms.group(group.id), rooms.staff(actor.sessionId)] });
    return { cards: saved, onBoard: false };
  }

  private async resolve(tx: Tx, sessionId: string, source: CommandPayload<'group.seed'>['source']): Promise<SeedCard[]> {
    switch (source.kind) {
      case 'cards':
        return source.cards;
      case 'surveyTop': {
        const surveys = this.kinds.groupAdaptation('survey');
        if (!surveys?.topResults) throw new AppError('SEED_SOURCE_UNAVAILABLE');
        return surveys.topResults(tx, sessionId, source.surveyActivityId, source.questionId, source.count);
      }
      case 'ideas': {
        const ideas = this.kinds.groupAdaptation('board');
        if (!ideas?.ideaCards) throw new AppError('SEED_SOURCE_UNAVAILABLE');
        return ideas.ideaCards(tx, sessionId, source.ideaIds);
      }
    }
  }

  /** The groups activity goes live (draft → live): it becomes the current activity on phones and the projector. */
  async start(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'groups.start'>): Promise<ActivitySummary> {
    const { activity } = await this.access.groupsActivity(tx.manager, actor.sessionId, payload.activityId);
    return this.setState(tx, actor, activity, 'live');
  }

  private async setState(tx: Tx, actor: ParticipantActor, activity: Activity, state: 'live' | 'report_back'): Promise<ActivitySummary> {
    const summary = toActivitySummary({ ...activity, state });
    if (activity.state === state) return summary;
    await groupsRepository.setActivityState(tx.manager, activity.id, state);
    await tx.audit(actor.sessionId, `groups.${state}`, actor.participantId, { activityId: activity.id });
    await tx.publish('activity.updated', actor.sessionId, { activity: summary });
    return summary;
  }

  async openReportBack(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'groups.openReportBack'>): Promise<{ reportBackOpen: true }> {
    const { activity } = await this.access.groupsActivity(tx.manager, actor.sessionId, payload.activityId);
    await this.setState(tx, actor, activity, 'report_back');
    if (await this.access.reportBackOpen(tx.manager, actor.sessionId)) return { reportBackOpen: true };
    // findReadable / findWritable and the snapshot read this flag: other groups become readable, never writable.
    await groupsRepository.openReportBack(tx.manager, actor.sessionId);
    await tx.audit(actor.sessionId, 'groups.report_back_opened', actor.participantId, { activityId: payload.activityId });
    await tx.publish('groups.reportBackOpened', actor.sessionId, { activityId: payload.activityId });
    return { reportBackOpen: true };
  }

  async present(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'groups.present'>): Promise<{ presentedGroupId: string | null }> {
    if (payload.groupId) await this.access.lockGroup(tx, actor.sessionId, payload.groupId);
    await groupsRepository.setPresentedGroup(tx.manager, actor.sessionId, payload.groupId);
    await tx.publish('groups.presented', actor.sessionId, { presentedGroupId: payload.groupId });
    return { presentedGroupId: payload.groupId };
  }

  /** One action: every validated proposal becomes an option of a final plenary survey (draft, to open when ready). */
  async createFinalSurvey(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'groups.createFinalSurvey'>): Promise<CommandResult<'groups.createFinalSurvey'>> {
    await this.access.groupsActivity(tx.manager, actor.sessionId, payload.activityId);
    const groups = await groupsRepository.validatedGroups(tx.manager, payload.activityId);
    const labels: string[] = [];
    const seen = new Set<string>();
    for (const group of groups) {
      for (const proposal of group.synthesis.proposals) {
        // Two groups may propose the same thing: one option (a survey refuses duplicate labels).
        const key = proposal.trim().toLocaleLowerCase('fr');
        if (seen.has(key)) continue;
        seen.add(key);
        labels.push(proposal.trim().slice(0, SURVEY_LIMITS.optionLabelMax));
      }
    }
    if (labels.length < SURVEY_LIMITS.optionsMin) throw new AppError('NO_PROPOSALS');
    if (labels.length > SURVEY_LIMITS.optionsMax) throw new AppError('TOO_MANY_PROPOSALS');
    const options = labels.map((label, index) => ({ id: `p${index + 1}`, label }));
    const question =
      payload.method === 'ranking'
        ? { type: 'ranking' as const, prompt: 'Classez les propositions des groupes de travail, de la plus prioritaire à la moins prioritaire.', options }
        : { type: 'majority' as const, prompt: 'Quelle mention donnez-vous à chacune des propositions des groupes de travail ?', options, gradeCount: 7 as const };
    const questions = [QuestionDraft.parse(question)];
    const createFinal = this.kinds.groupAdaptation('survey')?.createFinal;
    if (!createFinal) throw new AppError('SEED_SOURCE_UNAVAILABLE');
    const activity = await createFinal(tx, actor, { title: payload.title, questions });
    await tx.audit(actor.sessionId, 'groups.final_survey_created', actor.participantId, { activityId: activity.id, method: payload.method, options: options.length });
    return { activity, questions };
  }
}
