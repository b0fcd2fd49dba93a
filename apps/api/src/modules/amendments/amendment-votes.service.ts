import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SURVEY_QUESTIONS_MAX, type AmendmentTextView, type AmendmentView, type CommandPayload, type VoteCounts } from '@palabre/contracts';
import { decideVote, isPending, tally, voteBlocker } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/db/transaction';
import type { Activity } from '../sessions/activity.entity';
import { ActivitiesService } from '../sessions/activities.service';
import { activityEventOptions, readReportBackOpen } from '../sessions/audience';
import { toActivitySummary } from '../sessions/sessions.views';
import { BallotsService } from '../surveys/ballots.service';
import { SurveyLifecycleService } from '../surveys/survey-lifecycle.service';
import { SurveysService } from '../surveys/surveys.service';
import type { Amendment } from './amendments.entities';
import { AmendmentsService } from './amendments.service';
import { amendmentsRepository, type TextState } from './amendments.repository';
import { toAmendmentView, toItem } from './amendments.views';

const BLOCKERS = { NOT_ADMISSIBLE: 'AMENDMENT_NOT_ADMISSIBLE', ALREADY_DECIDED: 'AMENDMENT_DECIDED', SUBAMENDMENTS_PENDING: 'SUBAMENDMENTS_PENDING' } as const;

const KIND_FR = { replace: 'remplacer', insert: 'insérer après', delete: 'supprimer' } as const;

/**
 * Voting on amendments and on the whole text. Each vote is a yes/no/abstain question of the
 * text's companion survey, opened and closed by the survey lifecycle and answered by members with
 * `ballot.cast`: one ballot write path, the survey's eligibility and anonymity rules. At the close,
 * the survey's ballots are counted by the libs/domain tally; yes above no adopts.
 */
@Injectable()
export class AmendmentVotesService {
  constructor(
    private readonly amendments: AmendmentsService,
    private readonly activities: ActivitiesService,
    private readonly surveys: SurveysService,
    private readonly lifecycle: SurveyLifecycleService,
    private readonly ballots: BallotsService,
  ) {}

  async vote(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'amendment.vote'>): Promise<AmendmentView> {
    const { state, amendment } = await this.amendments.lockAmendment(tx, actor, payload.amendmentId);
    if (payload.action === 'open') {
      if (state.activity.state !== 'open') throw new AppError('AMENDMENTS_CLOSED');
      if (amendment.questionId !== null && state.questions.get(amendment.questionId) === 'open') return toAmendmentView(state, amendment);
      if (this.running(state)) throw new AppError('AMENDMENT_VOTE_RUNNING');
      const blocker = voteBlocker(state.amendments.map(toItem), amendment.id);
      if (blocker) throw new AppError(BLOCKERS[blocker]);
      const where = amendment.kind === 'insert' ? `après la ligne ${amendment.lineFrom}` : amendment.lineFrom === amendment.lineTo ? `ligne ${amendment.lineFrom}` : `lignes ${amendment.lineFrom}-${amendment.lineTo}`;
      const label = amendment.parentId ? `Sous-amendement n° ${amendment.number}` : `Amendement n° ${amendment.number}`;
      const prompt = `${label} (${KIND_FR[amendment.kind]}, ${where}) : ${amendment.wording || 'suppression'}`.slice(0, 300);
      const questionId = await this.openQuestion(tx, actor, state, prompt);
      await amendmentsRepository.setQuestion(tx.manager, amendment.id, questionId);
      await tx.audit(actor.sessionId, 'amendment.vote.opened', actor.participantId, { activityId: state.activity.id, amendmentId: amendment.id, number: amendment.number, questionId });
    } else {
      if (amendment.questionId === null || state.questions.get(amendment.questionId) !== 'open') {
        if (amendment.fate !== null) return toAmendmentView(state, amendment);
        throw new AppError('INVALID_TRANSITION');
      }
      await this.lifecycle.moveQuestion(tx, actor, amendment.questionId, 'close');
      await this.settle(tx, state.activity.id, actor.participantId);
    }
    const after = await amendmentsRepository.state(tx.manager, state.activity.id);
    await this.amendments.changed(tx, state.activity.id);
    return toAmendmentView(after, after.amendments.find((x) => x.id === amendment.id) as Amendment);
  }

  /** The final vote on the consolidated text, once every amendment is moderated and decided. */
  async final(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'amendments.final'>): Promise<AmendmentTextView> {
    const state = await this.amendments.lock(tx, actor, payload.activityId);
    const finalQ = state.text.finalQuestionId;
    if (payload.action === 'open') {
      if (state.activity.state !== 'open') throw new AppError('AMENDMENTS_CLOSED');
      if (finalQ !== null) {
        if (state.questions.get(finalQ) === 'open') return this.amendments.changed(tx, state.activity.id);
        throw new AppError('INVALID_TRANSITION');
      }
      if (this.running(state)) throw new AppError('AMENDMENT_VOTE_RUNNING');
      if (state.amendments.some((amendment) => amendment.status === 'filed' || isPending(amendment))) throw new AppError('AMENDMENTS_PENDING');
      const questionId = await this.openQuestion(tx, actor, state, `Adoption de l’ensemble du texte : ${state.activity.title}`.slice(0, 300));
      await amendmentsRepository.setFinalQuestion(tx.manager, state.activity.id, questionId);
      await tx.audit(actor.sessionId, 'amendments.final.opened', actor.participantId, { activityId: state.activity.id, questionId });
    } else {
      if (finalQ === null || state.questions.get(finalQ) !== 'open') {
        if (state.text.finalVotes !== null) return this.amendments.changed(tx, state.activity.id);
        throw new AppError('INVALID_TRANSITION');
      }
      await this.lifecycle.moveQuestion(tx, actor, finalQ, 'close');
      await this.settle(tx, state.activity.id, actor.participantId);
    }
    return this.amendments.changed(tx, state.activity.id);
  }

  /**
   * The text closes (agenda, next item, session close): its running vote closes with the survey,
   * then every closed vote not yet counted is counted (same rule as a close by hand).
   */
  async closeText(tx: Tx, activity: Activity, actorId: string | null): Promise<void> {
    const state = await amendmentsRepository.state(tx.manager, activity.id, true);
    const survey = await amendmentsRepository.activity(tx.manager, state.text.surveyActivityId);
    if (survey && survey.state !== 'closed') {
      await this.lifecycle.closeActivity(tx, survey, actorId);
      await amendmentsRepository.setActivityState(tx.manager, survey.id, 'closed');
      const moved = { ...survey, state: 'closed' };
      await tx.publish('activity.updated', survey.sessionId, { activity: toActivitySummary(moved) }, activityEventOptions(moved, await readReportBackOpen(tx.manager, survey.sessionId)));
    }
    await this.settle(tx, activity.id, actorId);
    await this.amendments.changed(tx, activity.id);
  }

  /** Counts every closed, uncounted vote of the text and records the fates (and what falls). */
  private async settle(tx: Tx, activityId: string, actorId: string | null): Promise<void> {
    const state = await amendmentsRepository.state(tx.manager, activityId);
    let items = state.amendments.map(toItem);
    for (const amendment of state.amendments) {
      if (amendment.questionId === null || amendment.fate !== null || state.questions.get(amendment.questionId) === 'open') continue;
      const votes = await this.count(tx, state, amendment.questionId);
      const decided = decideVote(items, amendment.id, votes.yes > votes.no);
      items = decided.items;
      await amendmentsRepository.setFate(tx.manager, amendment.id, votes.yes > votes.no ? 'adopted' : 'rejected', votes);
      if (decided.fallen.length > 0) await amendmentsRepository.markFallen(tx.manager, decided.fallen);
      const fallen = state.amendments.filter((x) => decided.fallen.includes(x.id)).map((x) => x.number);
      await tx.audit(state.activity.sessionId, 'amendment.decided', actorId, { activityId, amendmentId: amendment.id, number: amendment.number, fate: votes.yes > votes.no ? 'adopted' : 'rejected', votes, fallen });
    }
    const finalQ = state.text.finalQuestionId;
    if (finalQ !== null && state.text.finalVotes === null && state.questions.get(finalQ) !== 'open') {
      const votes = await this.count(tx, state, finalQ);
      await amendmentsRepository.setFinalVotes(tx.manager, activityId, votes);
      await tx.audit(state.activity.sessionId, 'amendments.final.decided', actorId, { activityId, votes, adopted: votes.yes > votes.no });
    }
  }

  private async count(tx: Tx, state: TextState, questionId: string): Promise<VoteCounts> {
    const surveyId = (await amendmentsRepository.questionSurvey(tx.manager, questionId)) ?? state.text.surveyActivityId;
    const anonymity = (await amendmentsRepository.surveyAnonymity(tx.manager, surveyId)) ?? state.anonymity;
    const values = await this.ballots.values(tx.manager, questionId, anonymity);
    const result = tally({ type: 'yesno' }, values);
    const of = (c: 'yes' | 'no' | 'abstain') => result.choices.find((x) => x.choice === c)?.count ?? 0;
    return { yes: of('yes'), no: of('no'), abstain: of('abstain') };
  }

  /** A vote of this text is open (one at a time). */
  private running(state: TextState): boolean {
    return [...state.questions.values()].some((questionState) => questionState === 'open');
  }

  /** Adds a yes/no/abstain question to the companion survey (a fresh one when it is full) and opens it. */
  private async openQuestion(tx: Tx, actor: ParticipantActor, state: TextState, prompt: string): Promise<string> {
    let surveyId = state.text.surveyActivityId;
    if ((await amendmentsRepository.questionCount(tx.manager, surveyId)) >= SURVEY_QUESTIONS_MAX) {
      const next = await this.activities.createActivity(tx, actor, {
        opId: randomUUID(),
        kind: 'survey',
        title: `Votes — ${state.activity.title} (suite)`.slice(0, 160),
        ...(state.activity.groupId ? { groupId: state.activity.groupId } : {}),
        config: { anonymity: state.anonymity, resultsVisibility: 'live', questions: [] },
      });
      surveyId = next.id;
      await amendmentsRepository.setSurvey(tx.manager, state.activity.id, surveyId);
    }
    const question = await this.surveys.addQuestion(tx, actor, { opId: randomUUID(), activityId: surveyId, question: { type: 'yesno', prompt } });
    await this.lifecycle.moveQuestion(tx, actor, question.id, 'open');
    return question.id;
  }
}
