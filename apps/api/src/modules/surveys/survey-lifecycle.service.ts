import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { BallotParts, QuestionState, QuestionView, SurveyView } from '@palabre/contracts';
import { surveyStateOf } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/db/transaction';
import type { Activity } from '../sessions/activity.entity';
import { activityEventOptions, readReportBackOpen } from '../sessions/audience';
import { toActivitySummary } from '../sessions/sessions.views';
import { BallotMixer } from './ballot-mixer';
import { BallotsService } from './ballots.service';
import { LiveResultsService } from './live-results.service';
import type { SurveyQuestion } from './survey.entities';
import { surveysRepository } from './surveys.repository';
import { SurveysService } from './surveys.service';
import { toQuestionView, toSurveyView } from './surveys.views';

export type QuestionMove = 'open' | 'close' | 'publish' | 'reopen';

/** Each move: the states it leaves from and the state it reaches. */
const MOVES: Record<QuestionMove, { from: readonly QuestionState[]; to: QuestionState }> = {
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  publish: { from: ['closed'], to: 'published' },
  reopen: { from: ['closed', 'published'], to: 'open' },
};

/** Opening, closing, publishing and reopening questions, one at a time or the whole survey. */
@Injectable()
export class SurveyLifecycleService {
  constructor(
    private readonly surveys: SurveysService,
    private readonly ballots: BallotsService,
    private readonly results: LiveResultsService,
    private readonly mixer: BallotMixer,
  ) {}

  async moveQuestion(tx: Tx, actor: ParticipantActor, questionId: string, move: QuestionMove): Promise<QuestionView> {
    // FOR UPDATE waits for every ballot holding the row FOR SHARE: they commit before the close.
    const question = await surveysRepository.question(tx.manager, questionId, 'update');
    await this.surveys.writableSurvey(tx, actor, question.activityId);
    const { from, to } = MOVES[move];
    if (question.state === to) return toQuestionView(question); // a double click is not an error
    if (!from.includes(question.state)) throw new AppError('INVALID_TRANSITION');
    const moved = await this.apply(tx, actor.sessionId, actor.participantId, question, to);
    await this.afterMoves(tx, actor.sessionId, question.activityId);
    return toQuestionView(moved);
  }

  async moveSurvey(tx: Tx, actor: ParticipantActor, activityId: string, move: Exclude<QuestionMove, 'reopen'>): Promise<SurveyView> {
    await this.surveys.writableSurvey(tx, actor, activityId);
    await this.moveAll(tx, actor.sessionId, actor.participantId, activityId, move);
    return this.afterMoves(tx, actor.sessionId, activityId);
  }

  /**
   * The survey activity closes (agenda, timer, next item, session close): every open question
   * closes with it, in the caller's transaction, with the same audit links as a close by hand;
   * members and staff get the survey as it is now. The lifecycle stores the activity state.
   */
  async closeActivity(tx: Tx, activity: Activity, actorId: string | null): Promise<void> {
    await this.moveAll(tx, activity.sessionId, actorId, activity.id, 'close');
    await this.surveys.announce(tx, activity.sessionId, activity.id, true);
  }

  /**
   * The survey activity opens (or reopens) from the agenda: members now see it and its questions
   * as they are (a question opens by itself; what was closed stays closed until reopened).
   */
  async openActivity(tx: Tx, activity: Activity): Promise<'open'> {
    await surveysRepository.updateActivityState(tx.manager, activity.id, 'open');
    await this.surveys.announce(tx, activity.sessionId, activity.id, true);
    return 'open';
  }

  private async moveAll(tx: Tx, sessionId: string, actorId: string | null, activityId: string, move: Exclude<QuestionMove, 'reopen'>): Promise<void> {
    const { from, to } = MOVES[move];
    const all = await surveysRepository.questions(tx.manager, activityId);
    for (const q of [...all].sort((a, b) => a.id.localeCompare(b.id))) {
      const locked = await surveysRepository.question(tx.manager, q.id, 'update');
      if (from.includes(locked.state)) await this.apply(tx, sessionId, actorId, locked, to);
    }
  }

  private async apply(tx: Tx, sessionId: string, actorId: string | null, question: SurveyQuestion, to: QuestionState): Promise<SurveyQuestion> {
    const now = new Date();
    const patch: Partial<SurveyQuestion> = { state: to };
    if (to === 'open') Object.assign(patch, { openedAt: now, closedAt: null, presentAtClose: null });
    if (to === 'closed') Object.assign(patch, { closedAt: now, presentAtClose: await this.results.presentMembers(tx.manager, sessionId) });
    await surveysRepository.updateQuestion(tx.manager, question.id, patch);
    const moved = { ...question, ...patch };
    const audit: Record<string, unknown> = { activityId: question.activityId, questionId: question.id, from: question.state, to };
    // Anonymous ballots are rewritten once in a fresh random order: the whole question is the anonymity set.
    if (to === 'closed') await this.mixer.shuffleAtClose(tx.manager, question.id);
    if (to === 'closed') Object.assign(audit, await this.digest(tx, question));
    await tx.audit(sessionId, `survey.question.${to}`, actorId, audit);
    // The projector and phones get the question's live results in its new state once this commits.
    tx.afterCommit(() => this.results.mark(question.id));
    return moved;
  }

  /**
   * What the close counted, for the audit chain: the number of ballots and the SHA-256 of
   * their sorted canonical JSON (recomputable from the export). One link per close, not per ballot.
   */
  private async digest(tx: Tx, question: SurveyQuestion): Promise<{ ballots: number; ballotsSha256: string; parts: BallotParts }> {
    const survey = await surveysRepository.survey(tx.manager, question.activityId);
    // Every channel counted (confirmed paper totals included), with the split by channel.
    const { values, parts } = await this.ballots.counted(tx.manager, question.id, question.config, survey.anonymity);
    const lines = values.map((v) => JSON.stringify(v)).sort();
    return { ballots: lines.length, ballotsSha256: createHash('sha256').update(lines.join('\n')).digest('hex'), parts };
  }

  /** The agenda state follows the questions; then members and staff hear about it. */
  private async afterMoves(tx: Tx, sessionId: string, activityId: string): Promise<SurveyView> {
    const questions = await surveysRepository.questions(tx.manager, activityId);
    const activity = await surveysRepository.activity(tx.manager, activityId);
    // The state follows the questions, except that a survey the agenda opened never goes back to
    // draft (the staff's alone) while its questions are still drafts.
    const derived = surveyStateOf(questions.map((q) => q.state));
    const state = derived === 'draft' && activity.state !== 'draft' ? activity.state : derived;
    if (activity.state !== state) {
      await surveysRepository.updateActivityState(tx.manager, activityId, state);
      const moved = { ...activity, state };
      await tx.publish('activity.updated', sessionId, { activity: toActivitySummary(moved) }, activityEventOptions(moved, await readReportBackOpen(tx.manager, sessionId)));
    }
    await this.surveys.announce(tx, sessionId, activityId, true);
    return toSurveyView(await surveysRepository.survey(tx.manager, activityId), questions, true);
  }
}
