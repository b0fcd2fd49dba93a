import { Injectable } from '@nestjs/common';
import type { LiveResults, QuestionResultsResponse, SurveysFeature } from '@palabre/contracts';
import { breakdown, canSeeResults, isStaffRole } from '@palabre/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Activity } from '../sessions/activity.entity';
import { canSeeActivity, readReportBackOpen, readSessionActivities } from '../sessions/audience';
import { BallotsService } from './ballots.service';
import { LiveResultsService } from './live-results.service';
import type { Survey } from './survey.entities';
import { surveysRepository } from './surveys.repository';
import { toSurveyView } from './surveys.views';

/** Breakdown cells smaller than this are hidden (« <5 »). */
const MIN_CELL = 5;

/** What a participant may read of the surveys: the snapshot part and the results route. */
@Injectable()
export class SurveyReader {
  constructor(
    private readonly db: DataSource,
    private readonly ballots: BallotsService,
    private readonly results: LiveResultsService,
  ) {}

  /** `snapshot.features.surveys` for this actor. */
  async snapshot(actor: ParticipantActor, m: EntityManager): Promise<SurveysFeature> {
    const activities = await this.readableActivities(actor, m);
    const feature: SurveysFeature = { surveys: {}, myBallots: {}, results: {} };
    if (activities.length === 0) return feature;
    const ids = activities.map((a) => a.id);
    const surveys = await surveysRepository.surveysOf(m, ids);
    const questions = await surveysRepository.questionsOf(m, ids);
    const staff = isStaffRole(actor.role);
    const mineAsked: { id: string; anonymity: Survey['anonymity'] }[] = [];
    for (const survey of surveys) {
      const own = questions.filter((q) => q.activityId === survey.activityId);
      feature.surveys[survey.activityId] = toSurveyView(survey, own, staff);
      for (const q of own) {
        if (q.state === 'draft') continue;
        feature.results[q.id] = await this.results.compute(m, actor.sessionId, survey, q, actor.role);
        mineAsked.push({ id: q.id, anonymity: survey.anonymity });
      }
    }
    if (actor.role === 'member') feature.myBallots = await this.ballots.mine(m, actor.participantId, mineAsked);
    return feature;
  }

  /** One question's results and breakdown, if this actor may see them. */
  async questionResults(actor: ParticipantActor, questionId: string): Promise<QuestionResultsResponse> {
    const m = this.db.manager;
    const q = await surveysRepository.question(m, questionId).catch(() => null);
    const activity = q ? (await this.readableActivities(actor, m)).find((a) => a.id === q.activityId) : undefined;
    if (!q || !activity || q.state === 'draft') throw new AppError('NOT_FOUND');
    const survey = await surveysRepository.survey(m, q.activityId);
    if (!canSeeResults(actor.role, survey.resultsVisibility, q.state)) throw new AppError('RESULTS_HIDDEN');
    const live: LiveResults = await this.results.compute(m, actor.sessionId, survey, q, actor.role);
    const cut = survey.anonymity === 'named' ? breakdown(q.config, await this.ballots.profiled(m, q.id), MIN_CELL) : null;
    return { ...live, breakdown: cut };
  }

  /** Survey activities of the session this actor may see (drafts are the staff's; working-group isolation applies). */
  private async readableActivities(actor: ParticipantActor, m: EntityManager): Promise<Activity[]> {
    const viewer = { role: actor.role, groupId: actor.groupId };
    const reportBackOpen = await readReportBackOpen(m, actor.sessionId);
    const all = await readSessionActivities(m, actor.sessionId, 'survey');
    return all.filter((a) => canSeeActivity(viewer, a, reportBackOpen));
  }
}
