import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SURVEY_QUESTIONS_MAX, type AmendmentTextView, type AmendmentView, type CommandPayload, type VoteCounts } from '@palabre/contracts';
import { decideVote, isPending, tally, voteBlocker } from '@palabre/domain';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/realtime/transaction';
import { Activity } from '../sessions/activity.entity';
import { ActivitiesService } from '../sessions/activities.service';
import { activityEventOptions, readReportBackOpen } from '../sessions/audience';
import { toActivitySummary } from '../sessions/views';
import { BallotsService } from '../surveys/ballots.service';
import { SurveyLifecycleService } from '../surveys/survey-lifecycle.service';
import { SurveysService } from '../surveys/surveys.service';
import { Amendment, AmendmentText } from './amendments.entities';
import { AmendmentsService } from './amendments.service';
import { amendmentsStore, toAmendmentView, toItem, type TextState } from './amendments.store';

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

  async vote(tx: Tx, actor: ParticipantActor, p: CommandPayload<'amendment.vote'>): Promise<AmendmentView> {
    const { s, a } = await this.amendments.lockAmendment(tx, actor, p.amendmentId);
    if (p.action === 'open') {
      if (s.activity.state !== 'open') throw new AppError('AMENDMENTS_CLOSED');
      if (a.questionId !== null && s.questions.get(a.questionId) === 'open') return toAmendmentView(s, a);
      if (this.running(s)) throw new AppError('AMENDMENT_VOTE_RUNNING');
      const blocker = voteBlocker(s.amendments.map(toItem), a.id);
      if (blocker) throw new AppError(BLOCKERS[blocker]);
      const where = a.kind === 'insert' ? `après la ligne ${a.lineFrom}` : a.lineFrom === a.lineTo ? `ligne ${a.lineFrom}` : `lignes ${a.lineFrom}-${a.lineTo}`;
      const label = a.parentId ? `Sous-amendement n° ${a.number}` : `Amendement n° ${a.number}`;
      const prompt = `${label} (${KIND_FR[a.kind]}, ${where}) : ${a.wording || 'suppression'}`.slice(0, 300);
      const questionId = await this.openQuestion(tx, actor, s, prompt);
      await tx.manager.getRepository(Amendment).update(a.id, { questionId });
      await tx.audit(actor.sessionId, 'amendment.vote.opened', actor.participantId, { activityId: s.activity.id, amendmentId: a.id, number: a.number, questionId });
    } else {
      if (a.questionId === null || s.questions.get(a.questionId) !== 'open') {
        if (a.fate !== null) return toAmendmentView(s, a);
        throw new AppError('INVALID_TRANSITION');
      }
      await this.lifecycle.moveQuestion(tx, actor, a.questionId, 'close');
      await this.settle(tx, s.activity.id, actor.participantId);
    }
    const after = await amendmentsStore.state(tx.manager, s.activity.id);
    await this.amendments.changed(tx, s.activity.id);
    return toAmendmentView(after, after.amendments.find((x) => x.id === a.id) as Amendment);
  }

  /** The final vote on the consolidated text, once every amendment is moderated and decided. */
  async final(tx: Tx, actor: ParticipantActor, p: CommandPayload<'amendments.final'>): Promise<AmendmentTextView> {
    const s = await this.amendments.lock(tx, actor, p.activityId);
    const finalQ = s.text.finalQuestionId;
    if (p.action === 'open') {
      if (s.activity.state !== 'open') throw new AppError('AMENDMENTS_CLOSED');
      if (finalQ !== null) {
        if (s.questions.get(finalQ) === 'open') return this.amendments.changed(tx, s.activity.id);
        throw new AppError('INVALID_TRANSITION');
      }
      if (this.running(s)) throw new AppError('AMENDMENT_VOTE_RUNNING');
      if (s.amendments.some((a) => a.status === 'filed' || isPending(a))) throw new AppError('AMENDMENTS_PENDING');
      const questionId = await this.openQuestion(tx, actor, s, `Adoption de l’ensemble du texte : ${s.activity.title}`.slice(0, 300));
      await tx.manager.getRepository(AmendmentText).update(s.activity.id, { finalQuestionId: questionId });
      await tx.audit(actor.sessionId, 'amendments.final.opened', actor.participantId, { activityId: s.activity.id, questionId });
    } else {
      if (finalQ === null || s.questions.get(finalQ) !== 'open') {
        if (s.text.finalVotes !== null) return this.amendments.changed(tx, s.activity.id);
        throw new AppError('INVALID_TRANSITION');
      }
      await this.lifecycle.moveQuestion(tx, actor, finalQ, 'close');
      await this.settle(tx, s.activity.id, actor.participantId);
    }
    return this.amendments.changed(tx, s.activity.id);
  }

  /**
   * The text closes (agenda, next item, session close): its running vote closes with the survey,
   * then every closed vote not yet counted is counted (same rule as a close by hand).
   */
  async closeText(tx: Tx, activity: Activity, actorId: string | null): Promise<void> {
    const s = await amendmentsStore.state(tx.manager, activity.id, true);
    const survey = await tx.manager.getRepository(Activity).findOneBy({ id: s.text.surveyActivityId });
    if (survey && survey.state !== 'closed') {
      await this.lifecycle.closeActivity(tx, survey, actorId);
      await tx.manager.getRepository(Activity).update(survey.id, { state: 'closed' });
      const moved = { ...survey, state: 'closed' };
      await tx.publish('activity.updated', survey.sessionId, { activity: toActivitySummary(moved) }, activityEventOptions(moved, await readReportBackOpen(tx.manager, survey.sessionId)));
    }
    await this.settle(tx, activity.id, actorId);
    await this.amendments.changed(tx, activity.id);
  }

  /** Counts every closed, uncounted vote of the text and records the fates (and what falls). */
  private async settle(tx: Tx, activityId: string, actorId: string | null): Promise<void> {
    const s = await amendmentsStore.state(tx.manager, activityId);
    let items = s.amendments.map(toItem);
    for (const a of s.amendments) {
      if (a.questionId === null || a.fate !== null || s.questions.get(a.questionId) === 'open') continue;
      const votes = await this.count(tx, s, a.questionId);
      const decided = decideVote(items, a.id, votes.yes > votes.no);
      items = decided.items;
      await tx.manager.getRepository(Amendment).update(a.id, { fate: votes.yes > votes.no ? 'adopted' : 'rejected', votes });
      if (decided.fallen.length > 0) await tx.manager.query(`UPDATE amendment SET fate = 'fallen' WHERE id = ANY($1::uuid[])`, [decided.fallen]);
      const fallen = s.amendments.filter((x) => decided.fallen.includes(x.id)).map((x) => x.number);
      await tx.audit(s.activity.sessionId, 'amendment.decided', actorId, { activityId, amendmentId: a.id, number: a.number, fate: votes.yes > votes.no ? 'adopted' : 'rejected', votes, fallen });
    }
    const finalQ = s.text.finalQuestionId;
    if (finalQ !== null && s.text.finalVotes === null && s.questions.get(finalQ) !== 'open') {
      const votes = await this.count(tx, s, finalQ);
      await tx.manager.getRepository(AmendmentText).update(activityId, { finalVotes: votes });
      await tx.audit(s.activity.sessionId, 'amendments.final.decided', actorId, { activityId, votes, adopted: votes.yes > votes.no });
    }
  }

  private async count(tx: Tx, s: TextState, questionId: string): Promise<VoteCounts> {
    const rows: { activity_id: string }[] = await tx.manager.query('SELECT activity_id FROM survey_question WHERE id = $1', [questionId]);
    const anonymity: { anonymity: 'named' | 'anonymous' }[] = await tx.manager.query('SELECT anonymity FROM survey WHERE activity_id = $1', [rows[0]?.activity_id ?? s.text.surveyActivityId]);
    const values = await this.ballots.values(tx.manager, questionId, anonymity[0]?.anonymity ?? s.anonymity);
    const result = tally({ type: 'yesno' }, values);
    const of = (c: 'yes' | 'no' | 'abstain') => result.choices.find((x) => x.choice === c)?.count ?? 0;
    return { yes: of('yes'), no: of('no'), abstain: of('abstain') };
  }

  /** A vote of this text is open (one at a time). */
  private running(s: TextState): boolean {
    return [...s.questions.values()].some((state) => state === 'open');
  }

  /** Adds a yes/no/abstain question to the companion survey (a fresh one when it is full) and opens it. */
  private async openQuestion(tx: Tx, actor: ParticipantActor, s: TextState, prompt: string): Promise<string> {
    let surveyId = s.text.surveyActivityId;
    const count: { n: number }[] = await tx.manager.query('SELECT count(*)::int AS n FROM survey_question WHERE activity_id = $1', [surveyId]);
    if ((count[0]?.n ?? 0) >= SURVEY_QUESTIONS_MAX) {
      const next = await this.activities.createActivity(tx, actor, {
        opId: randomUUID(),
        kind: 'survey',
        title: `Votes — ${s.activity.title} (suite)`.slice(0, 160),
        ...(s.activity.groupId ? { groupId: s.activity.groupId } : {}),
        config: { anonymity: s.anonymity, resultsVisibility: 'live', questions: [] },
      });
      surveyId = next.id;
      await tx.manager.getRepository(AmendmentText).update(s.activity.id, { surveyActivityId: surveyId });
    }
    const question = await this.surveys.addQuestion(tx, actor, { opId: randomUUID(), activityId: surveyId, question: { type: 'yesno', prompt } });
    await this.lifecycle.moveQuestion(tx, actor, question.id, 'open');
    return question.id;
  }
}
