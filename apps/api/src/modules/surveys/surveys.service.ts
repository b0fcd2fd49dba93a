import { Injectable } from '@nestjs/common';
import {
  SURVEY_QUESTIONS_MAX, SurveyCreateConfig,
  type ActivitySummary, type CommandPayload, type QuestionView, type SurveyTemplate as SurveyTemplateView, type SurveyView,
} from '@palabre/contracts';
import { isQuestionEditable } from '@palabre/domain';
import { DataSource } from 'typeorm';
import { rooms } from '../../common/live/rooms';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { ActivityKindContract } from '../sessions/activity-kinds';
import type { Tx } from '../../common/db/transaction';
import { parseWith } from '../../common/validation';
import { ActivitiesService } from '../sessions/activities.service';
import type { Activity } from '../sessions/activity.entity';
import { activityEventOptions, isStaffOnly, readReportBackOpen } from '../sessions/audience';
import type { SurveyQuestion } from './survey.entities';
import { LiveResultsService } from './live-results.service';
import { surveysRepository } from './surveys.repository';
import { settingsOf, splitDraft, toDraft, toQuestionView, toSurveyView } from './surveys.views';

/** Building a survey: settings, draft questions, copies and templates. */
@Injectable()
export class SurveysService {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly db: DataSource,
    private readonly results: LiveResultsService,
  ) {}

  /** The `survey` activity kind: its settings and first questions come in `config`. */
  readonly kind: Pick<ActivityKindContract, 'create' | 'remove'> = {
    create: async (tx, activity, raw) => {
      const config = parseWith(SurveyCreateConfig, raw ?? {});
      await surveysRepository.insertSurvey(tx.manager, {
        activityId: activity.id, anonymity: config.anonymity, resultsVisibility: config.resultsVisibility, shuffle: config.shuffle,
      });
      for (const [position, draft] of config.questions.entries()) await surveysRepository.insertQuestion(tx.manager, { activityId: activity.id, position, ...splitDraft(draft) });
      await this.announce(tx, activity.sessionId, activity.id, false);
      return {};
    },
    remove: async (tx, activity) => {
      // Only draft activities are deleted, so no ballot exists yet.
      await surveysRepository.deleteSurvey(tx.manager, activity.id);
    },
  };

  async settings(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'survey.settings'>): Promise<SurveyView> {
    const activity = await this.writableSurvey(tx, actor, payload.activityId);
    const survey = await surveysRepository.survey(tx.manager, activity.id, true);
    const questions = await surveysRepository.questions(tx.manager, activity.id);
    // Ballots already stored in one mode cannot move to the other.
    if (payload.anonymity && payload.anonymity !== survey.anonymity && questions.some((q) => q.state !== 'draft')) throw new AppError('SURVEY_SETTINGS_LOCKED');
    const next = { ...settingsOf(survey), ...definedOnly({ anonymity: payload.anonymity, resultsVisibility: payload.resultsVisibility, shuffle: payload.shuffle }) };
    await surveysRepository.updateSurvey(tx.manager, activity.id, next);
    await this.announce(tx, actor.sessionId, activity.id, true);
    await tx.audit(actor.sessionId, 'survey.settings', actor.participantId, { activityId: activity.id, ...next });
    // Who may see the results may have changed: everyone gets a fresh tally once committed.
    tx.afterCommit(() => questions.filter((q) => q.state !== 'draft').forEach((q) => this.results.mark(q.id)));
    return toSurveyView({ ...survey, ...next }, questions, true);
  }

  async addQuestion(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'survey.question.add'>): Promise<QuestionView> {
    const activity = await this.writableSurvey(tx, actor, payload.activityId);
    await surveysRepository.survey(tx.manager, activity.id, true); // serialises positions
    const questions = await surveysRepository.questions(tx.manager, activity.id);
    if (questions.length >= SURVEY_QUESTIONS_MAX) throw new AppError('SURVEY_TOO_MANY_QUESTIONS');
    const saved = await surveysRepository.saveQuestion(tx.manager, { activityId: activity.id, position: questions.length, state: 'draft', openedAt: null, closedAt: null, presentAtClose: null, ...splitDraft(payload.question) });
    await this.announce(tx, actor.sessionId, activity.id, false);
    return toQuestionView(saved);
  }

  async updateQuestion(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'survey.question.update'>): Promise<QuestionView> {
    const question = await this.editableQuestion(tx, actor, payload.questionId);
    const next = { ...question, ...splitDraft(payload.question) };
    await surveysRepository.updateQuestion(tx.manager, question.id, splitDraft(payload.question));
    await this.announce(tx, actor.sessionId, question.activityId, false);
    return toQuestionView(next);
  }

  async removeQuestion(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'survey.question.remove'>): Promise<{ questionId: string }> {
    const question = await this.editableQuestion(tx, actor, payload.questionId);
    await surveysRepository.deleteQuestion(tx.manager, question.id);
    await this.renumber(tx, question.activityId, (list) => list);
    await this.announce(tx, actor.sessionId, question.activityId, false);
    return { questionId: question.id };
  }

  async moveQuestion(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'survey.question.move'>): Promise<SurveyView> {
    const question = await surveysRepository.question(tx.manager, payload.questionId);
    const activity = await this.writableSurvey(tx, actor, question.activityId);
    const survey = await surveysRepository.survey(tx.manager, activity.id, true);
    const list = await this.renumber(tx, activity.id, (all) => {
      const rest = all.filter((q) => q.id !== question.id);
      rest.splice(Math.min(payload.position, rest.length), 0, question);
      return rest;
    });
    await this.announce(tx, actor.sessionId, activity.id, list.some((q) => q.state !== 'draft'));
    return toSurveyView(survey, list, true);
  }

  /** A fresh copy: same settings, every question back to draft, no ballots. */
  async duplicate(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'survey.duplicate'>): Promise<ActivitySummary> {
    const activity = await this.writableSurvey(tx, actor, payload.activityId);
    const survey = await surveysRepository.survey(tx.manager, activity.id);
    const questions = await surveysRepository.questions(tx.manager, activity.id);
    return this.activities.createActivity(tx, actor, {
      opId: payload.opId,
      kind: 'survey',
      title: payload.title ?? `${activity.title} (copie)`.slice(0, 160),
      ...(activity.groupId ? { groupId: activity.groupId } : {}),
      config: { ...settingsOf(survey), questions: questions.map(toDraft) },
    });
  }

  async saveTemplate(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'survey.template.save'>): Promise<{ templateId: string }> {
    const activity = await this.writableSurvey(tx, actor, payload.activityId);
    const accountId = await surveysRepository.accountOf(tx.manager, actor.participantId);
    if (!accountId) throw new AppError('FORBIDDEN');
    const survey = await surveysRepository.survey(tx.manager, activity.id);
    const questions = await surveysRepository.questions(tx.manager, activity.id);
    const saved = await surveysRepository.saveTemplate(tx.manager, { accountId, name: payload.name, settings: settingsOf(survey), questions: questions.map(toDraft) });
    return { templateId: saved.id };
  }

  async templates(accountId: string): Promise<SurveyTemplateView[]> {
    const rows = await surveysRepository.templates(this.db.manager, accountId);
    return rows.map((t) => ({ id: t.id, name: t.name, settings: t.settings, questions: t.questions, createdAt: t.createdAt.toISOString() }));
  }

  /**
   * Announces the survey after a change: the member view (no drafts) to the activity's audience
   * when members can notice the change, and always the full view to staff.
   */
  async announce(tx: Tx, sessionId: string, activityId: string, memberVisible: boolean): Promise<void> {
    const survey = await surveysRepository.survey(tx.manager, activityId);
    const questions = await surveysRepository.questions(tx.manager, activityId);
    if (memberVisible) {
      const activity = await surveysRepository.activity(tx.manager, activityId);
      // A draft survey is the staff's alone: they get the full view below.
      if (!isStaffOnly(activity)) {
        const options = activityEventOptions(activity, await readReportBackOpen(tx.manager, sessionId));
        await tx.publish('survey.updated', sessionId, { activityId, survey: toSurveyView(survey, questions, false) }, options);
      }
    }
    await tx.publish('survey.drafts.updated', sessionId, { activityId, survey: toSurveyView(survey, questions, true) }, { room: rooms.staff(sessionId) });
  }

  /** A survey activity of this session the actor may change. */
  async writableSurvey(tx: Tx, actor: ParticipantActor, activityId: string): Promise<Activity> {
    const activity = await this.activities.findWritable(tx, actor, activityId);
    if (activity.kind !== 'survey') throw new AppError('NOT_FOUND');
    return activity;
  }

  private async editableQuestion(tx: Tx, actor: ParticipantActor, questionId: string): Promise<SurveyQuestion> {
    const question = await surveysRepository.question(tx.manager, questionId, 'update');
    await this.writableSurvey(tx, actor, question.activityId);
    if (!isQuestionEditable(question.state)) throw new AppError('QUESTION_LOCKED');
    return question;
  }

  private async renumber(tx: Tx, activityId: string, order: (all: SurveyQuestion[]) => SurveyQuestion[]): Promise<SurveyQuestion[]> {
    const list = order(await surveysRepository.questions(tx.manager, activityId));
    for (const [position, q] of list.entries()) {
      if (q.position !== position) await surveysRepository.updateQuestion(tx.manager, q.id, { position });
      q.position = position;
    }
    return list;
  }
}

function definedOnly<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}
