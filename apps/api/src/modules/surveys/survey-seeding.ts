import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ActivitySummary, QuestionDraft, SeedCard } from '@palabre/contracts';
import { tally } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/db/transaction';
import { ActivitiesService } from '../sessions/activities.service';
import { BallotsService } from './ballots.service';
import { surveysRepository } from './surveys.repository';

/**
 * What the working groups ask of surveys: the top results of a plenary question as starting
 * cards, and the final plenary survey built from the groups' proposals.
 */
@Injectable()
export class SurveySeeding {
  constructor(
    private readonly ballots: BallotsService,
    private readonly activities: ActivitiesService,
  ) {}

  /** The `count` best options of a plenary question that was put to the vote, best first, tallied like the results. */
  async topResults(tx: Tx, sessionId: string, surveyActivityId: string, questionId: string, count: number): Promise<SeedCard[]> {
    const activity = await surveysRepository.surveyActivity(tx.manager, surveyActivityId, sessionId);
    if (!activity || activity.group_id !== null) throw new AppError('NOT_FOUND');
    const question = await surveysRepository.question(tx.manager, questionId);
    if (question.activityId !== surveyActivityId || question.state === 'draft' || !('options' in question.config)) throw new AppError('NOT_FOUND');
    const survey = await surveysRepository.survey(tx.manager, surveyActivityId);
    const results = tally(question.config, (await this.ballots.counted(tx.manager, questionId, question.config, survey.anonymity)).values);
    if (!('options' in results)) throw new AppError('NOT_FOUND');
    const labels = new Map(question.config.options.map((o) => [o.id, o.label]));
    return results.options.slice(0, count).map((o) => ({
      title: labels.get(o.optionId) ?? o.optionId,
      body: '',
      origin: { kind: 'survey' as const, label: `${activity.title} — classé ${o.rank === 1 ? '1er' : `${o.rank}e`}`.slice(0, 200), sourceId: surveyActivityId },
    }));
  }

  /** A draft plenary survey holding these questions, created like any agenda item (events, audit). */
  createFinal(tx: Tx, actor: ParticipantActor, survey: { title: string; questions: QuestionDraft[] }): Promise<ActivitySummary> {
    return this.activities.createActivity(tx, actor, { opId: randomUUID(), kind: 'survey', title: survey.title, config: { questions: survey.questions } });
  }
}
