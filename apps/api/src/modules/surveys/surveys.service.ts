import { Injectable } from '@nestjs/common';
import {
  SURVEY_QUESTIONS_MAX, SurveyCreateConfig,
  type ActivitySummary, type CommandPayload, type QuestionView, type SurveyTemplate as SurveyTemplateView, type SurveyView,
} from '@palabre/contracts';
import { isQuestionEditable } from '@palabre/domain';
import { DataSource } from 'typeorm';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { ActivityKindContract } from '../sessions/activity-kinds';
import type { Tx } from '../../common/realtime/transaction';
import { parseWith } from '../../common/validation';
import { ActivitiesService } from '../sessions/activities.service';
import type { Activity } from '../sessions/activity.entity';
import { Survey, SurveyQuestion, SurveyTemplate } from './survey.entity';
import { SurveyStore } from './survey.store';
import { settingsOf, splitDraft, toDraft, toQuestionView, toSurveyView } from './survey.views';

/** Building a survey: settings, draft questions, copies and templates. */
@Injectable()
export class SurveysService {
  constructor(
    private readonly store: SurveyStore,
    private readonly activities: ActivitiesService,
    private readonly db: DataSource,
  ) {}

  /** The `survey` activity kind: its settings and first questions come in `config`. */
  readonly kind: Pick<ActivityKindContract, 'create' | 'remove'> = {
    create: async (tx, activity, raw) => {
      const config = parseWith(SurveyCreateConfig, raw ?? {});
      await tx.manager.getRepository(Survey).insert({
        activityId: activity.id, anonymity: config.anonymity, resultsVisibility: config.resultsVisibility, shuffle: config.shuffle,
      });
      const repo = tx.manager.getRepository(SurveyQuestion);
      for (const [position, draft] of config.questions.entries()) await repo.insert({ activityId: activity.id, position, ...splitDraft(draft) });
      await this.store.announce(tx, activity.sessionId, activity.id, false);
      return {};
    },
    remove: async (tx, activity) => {
      // Only draft activities are deleted, so no ballot exists yet.
      await tx.manager.getRepository(SurveyQuestion).delete({ activityId: activity.id });
      await tx.manager.getRepository(Survey).delete({ activityId: activity.id });
    },
  };

  async settings(tx: Tx, actor: ParticipantActor, p: CommandPayload<'survey.settings'>): Promise<SurveyView> {
    const activity = await this.writableSurvey(tx, actor, p.activityId);
    const survey = await this.store.survey(tx.manager, activity.id, true);
    const questions = await this.store.questions(tx.manager, activity.id);
    // Ballots already stored in one mode cannot move to the other.
    if (p.anonymity && p.anonymity !== survey.anonymity && questions.some((q) => q.state !== 'draft')) throw new AppError('SURVEY_SETTINGS_LOCKED');
    const next = { ...settingsOf(survey), ...definedOnly({ anonymity: p.anonymity, resultsVisibility: p.resultsVisibility, shuffle: p.shuffle }) };
    await tx.manager.getRepository(Survey).update(activity.id, next);
    await this.store.announce(tx, actor.sessionId, activity.id, true);
    await tx.audit(actor.sessionId, 'survey.settings', actor.participantId, { activityId: activity.id, ...next });
    return toSurveyView({ ...survey, ...next }, questions, true);
  }

  async addQuestion(tx: Tx, actor: ParticipantActor, p: CommandPayload<'survey.question.add'>): Promise<QuestionView> {
    const activity = await this.writableSurvey(tx, actor, p.activityId);
    await this.store.survey(tx.manager, activity.id, true); // serialises positions
    const questions = await this.store.questions(tx.manager, activity.id);
    if (questions.length >= SURVEY_QUESTIONS_MAX) throw new AppError('SURVEY_TOO_MANY_QUESTIONS');
    const repo = tx.manager.getRepository(SurveyQuestion);
    const saved = await repo.save(repo.create({ activityId: activity.id, position: questions.length, state: 'draft', openedAt: null, closedAt: null, presentAtClose: null, ...splitDraft(p.question) }));
    await this.store.announce(tx, actor.sessionId, activity.id, false);
    return toQuestionView(saved);
  }

  async updateQuestion(tx: Tx, actor: ParticipantActor, p: CommandPayload<'survey.question.update'>): Promise<QuestionView> {
    const question = await this.editableQuestion(tx, actor, p.questionId);
    const next = { ...question, ...splitDraft(p.question) };
    await tx.manager.getRepository(SurveyQuestion).update(question.id, splitDraft(p.question));
    await this.store.announce(tx, actor.sessionId, question.activityId, false);
    return toQuestionView(next);
  }

  async removeQuestion(tx: Tx, actor: ParticipantActor, p: CommandPayload<'survey.question.remove'>): Promise<{ questionId: string }> {
    const question = await this.editableQuestion(tx, actor, p.questionId);
    const repo = tx.manager.getRepository(SurveyQuestion);
    await repo.delete(question.id);
    await this.renumber(tx, question.activityId, (list) => list);
    await this.store.announce(tx, actor.sessionId, question.activityId, false);
    return { questionId: question.id };
  }

  async moveQuestion(tx: Tx, actor: ParticipantActor, p: CommandPayload<'survey.question.move'>): Promise<SurveyView> {
    const question = await this.store.question(tx.manager, p.questionId);
    const activity = await this.writableSurvey(tx, actor, question.activityId);
    const survey = await this.store.survey(tx.manager, activity.id, true);
    const list = await this.renumber(tx, activity.id, (all) => {
      const rest = all.filter((q) => q.id !== question.id);
      rest.splice(Math.min(p.position, rest.length), 0, question);
      return rest;
    });
    await this.store.announce(tx, actor.sessionId, activity.id, list.some((q) => q.state !== 'draft'));
    return toSurveyView(survey, list, true);
  }

  /** A fresh copy: same settings, every question back to draft, no ballots. */
  async duplicate(tx: Tx, actor: ParticipantActor, p: CommandPayload<'survey.duplicate'>): Promise<ActivitySummary> {
    const activity = await this.writableSurvey(tx, actor, p.activityId);
    const survey = await this.store.survey(tx.manager, activity.id);
    const questions = await this.store.questions(tx.manager, activity.id);
    return this.activities.createActivity(tx, actor, {
      opId: p.opId,
      kind: 'survey',
      title: p.title ?? `${activity.title} (copie)`.slice(0, 160),
      ...(activity.groupId ? { groupId: activity.groupId } : {}),
      config: { ...settingsOf(survey), questions: questions.map(toDraft) },
    });
  }

  async saveTemplate(tx: Tx, actor: ParticipantActor, p: CommandPayload<'survey.template.save'>): Promise<{ templateId: string }> {
    const activity = await this.writableSurvey(tx, actor, p.activityId);
    const rows: { account_id: string | null }[] = await tx.manager.query('SELECT account_id FROM participant WHERE id = $1', [actor.participantId]);
    const accountId = rows[0]?.account_id;
    if (!accountId) throw new AppError('FORBIDDEN');
    const survey = await this.store.survey(tx.manager, activity.id);
    const questions = await this.store.questions(tx.manager, activity.id);
    const repo = tx.manager.getRepository(SurveyTemplate);
    const saved = await repo.save(repo.create({ accountId, name: p.name, settings: settingsOf(survey), questions: questions.map(toDraft) }));
    return { templateId: saved.id };
  }

  async templates(accountId: string): Promise<SurveyTemplateView[]> {
    const rows = await this.db.getRepository(SurveyTemplate).find({ where: { accountId }, order: { createdAt: 'DESC' }, take: 200 });
    return rows.map((t) => ({ id: t.id, name: t.name, settings: t.settings, questions: t.questions, createdAt: t.createdAt.toISOString() }));
  }

  /** A survey activity of this session the actor may change. */
  async writableSurvey(tx: Tx, actor: ParticipantActor, activityId: string): Promise<Activity> {
    const activity = await this.activities.findWritable(tx, actor, activityId);
    if (activity.kind !== 'survey') throw new AppError('NOT_FOUND');
    return activity;
  }

  private async editableQuestion(tx: Tx, actor: ParticipantActor, questionId: string): Promise<SurveyQuestion> {
    const question = await this.store.question(tx.manager, questionId, 'update');
    await this.writableSurvey(tx, actor, question.activityId);
    if (!isQuestionEditable(question.state)) throw new AppError('QUESTION_LOCKED');
    return question;
  }

  private async renumber(tx: Tx, activityId: string, order: (all: SurveyQuestion[]) => SurveyQuestion[]): Promise<SurveyQuestion[]> {
    const repo = tx.manager.getRepository(SurveyQuestion);
    const list = order(await this.store.questions(tx.manager, activityId));
    for (const [position, q] of list.entries()) {
      if (q.position !== position) await repo.update(q.id, { position });
      q.position = position;
    }
    return list;
  }
}

function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
