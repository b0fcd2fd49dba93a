import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/realtime/rooms';
import type { Tx } from '../../common/realtime/transaction';
import { Activity } from '../sessions/activity.entity';
import { activityEventOptions, isStaffOnly, readReportBackOpen } from '../sessions/audience';
import { Survey, SurveyQuestion } from './survey.entity';
import { toSurveyView } from './survey.views';

/** Reading, locking and announcing surveys: the data layer the survey use cases share. */
@Injectable()
export class SurveyStore {
  async survey(manager: EntityManager, activityId: string, lock = false): Promise<Survey> {
    const survey = await manager.getRepository(Survey).findOne({ where: { activityId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!survey) throw new AppError('NOT_FOUND');
    return survey;
  }

  questions(manager: EntityManager, activityId: string): Promise<SurveyQuestion[]> {
    return manager.getRepository(SurveyQuestion).find({ where: { activityId }, order: { position: 'ASC' } });
  }

  /**
   * The questions of a session whose turnout counts who is connected now: voting has started
   * and not closed (a close freezes `presentAtClose`; drafts have no turnout). One indexed
   * query per presence broadcast.
   */
  async presenceDependent(manager: EntityManager, sessionId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT q.id FROM survey_question q JOIN activity a ON a.id = q.activity_id
       WHERE a.session_id = $1 AND q.state <> 'draft' AND q.present_at_close IS NULL`,
      [sessionId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The question row, locked: `share` for a ballot (many at once, all blocking a close),
   * `update` for a state change (waits until ballots in flight have committed).
   */
  async question(manager: EntityManager, questionId: string, lock: 'share' | 'update' | 'none' = 'none'): Promise<SurveyQuestion> {
    const mode = lock === 'share' ? 'pessimistic_read' : 'pessimistic_write';
    const question = await manager.getRepository(SurveyQuestion).findOne({ where: { id: questionId }, ...(lock === 'none' ? {} : { lock: { mode } }) });
    if (!question) throw new AppError('NOT_FOUND');
    return question;
  }

  /**
   * Announces the survey after a change: the member view (no drafts) to the activity's audience
   * when members can notice the change, and always the full view to staff.
   */
  async announce(tx: Tx, sessionId: string, activityId: string, memberVisible: boolean): Promise<void> {
    const survey = await this.survey(tx.manager, activityId);
    const questions = await this.questions(tx.manager, activityId);
    if (memberVisible) {
      const activity = await tx.manager.getRepository(Activity).findOneByOrFail({ id: activityId });
      // A draft survey is the staff's alone: they get the full view below.
      if (!isStaffOnly(activity)) {
        const options = activityEventOptions(activity, await readReportBackOpen(tx.manager, sessionId));
        await tx.publish('survey.updated', sessionId, { activityId, survey: toSurveyView(survey, questions, false) }, options);
      }
    }
    await tx.publish('survey.drafts.updated', sessionId, { activityId, survey: toSurveyView(survey, questions, true) }, { room: rooms.staff(sessionId) });
  }
}
