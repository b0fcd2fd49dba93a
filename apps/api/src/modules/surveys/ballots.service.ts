import { Injectable } from '@nestjs/common';
import type { BallotChannel, BallotParts, BallotValue, CommandPayload, QuestionConfig, QuestionState, SurveyAnonymity } from '@palabre/contracts';
import { ballotCommitment, ballotParts, canWriteActivity, channelConflict, isEligible, isSessionOpenForMembers, paperBallots, resolveEligibility, rollCallAnswerRefusal, validateBallot, voterToken, type ProfiledBallot } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { ballotsRepository, type BallotQuestion } from './ballots.repository';

const REFUSED: Partial<Record<QuestionState, 'QUESTION_NOT_OPEN' | 'VOTING_CLOSED'>> = {
  draft: 'QUESTION_NOT_OPEN',
  closed: 'VOTING_CLOSED',
  published: 'VOTING_CLOSED',
};

export type { BallotQuestion } from './ballots.repository';

/** A question of the actor's session as the ballot paths read it (FOR SHARE when `lock`: a close waits); NOT_FOUND otherwise. */
export async function sessionQuestion(m: EntityManager, actor: ParticipantActor, questionId: string, lock: boolean): Promise<BallotQuestion> {
  const question = await ballotsRepository.question(m, questionId, lock);
  if (!question || question.session_id !== actor.sessionId) throw new AppError('NOT_FOUND');
  return question;
}

/**
 * The checks of a ballot, in order, once its sender may write in the session: the question
 * exists for this member (not another group's), the session and the question are open, the
 * member is eligible (verified-only questions), the value fits the question. Returns the question
 * and the normalised value, or throws the refusal.
 */
export function admitBallot(
  question: BallotQuestion | undefined,
  actor: ParticipantActor,
  p: Pick<CommandPayload<'ballot.cast'>, 'value'>,
  sessionState: string,
): { question: BallotQuestion; value: BallotValue } {
  if (!question || question.session_id !== actor.sessionId) throw new AppError('NOT_FOUND');
  // Another working group's survey does not exist for this member.
  if (question.group_id !== null && !canWriteActivity({ role: actor.role, actorGroupId: actor.groupId, activityGroupId: question.group_id, reportBackOpen: false })) {
    throw new AppError('NOT_FOUND');
  }
  if (!isSessionOpenForMembers(sessionState as never)) throw new AppError('SESSION_NOT_OPEN');
  const refused = REFUSED[question.state];
  if (refused) throw new AppError(refused);
  if (!isEligible(resolveEligibility(question.config.eligibility, question.has_roster), { verified: actor.verified === true })) throw new AppError('NOT_ELIGIBLE');
  const check = validateBallot(question.config, p.value);
  if (!check.ok) throw new AppError(check.code);
  return { question, value: check.value };
}

/** One admitted ballot of a batch (see BallotsService.castMany). */
export interface BallotWrite {
  questionId: string;
  activityId: string;
  participantId: string;
  anonymity: SurveyAnonymity;
  value: BallotValue;
  /** Anonymous surveys: the question secret sent by the voter's device (never stored). */
  secret?: string;
  /** How it is cast; `device` when omitted (the member's own phone). */
  channel?: BallotChannel;
  /** Who cast it when not the member (proxy holder, teller, facilitator). */
  castBy?: string | null;
  /** A roll-call answer: it replaces only an earlier answer of the roll (libs/domain `rollCallAnswerRefusal`). */
  rollCall?: boolean;
}

/** The stored ballots of a question with how each was cast, and the confirmed paper totals (counted as ballots). */
export interface CountedBallots {
  /** Every ballot to tally: stored ballots, then the ballots the confirmed paper totals stand for. */
  values: BallotValue[];
  /** The paper part alone (named paper ballots and paper totals), for the device / paper split. */
  paper: BallotValue[];
  parts: BallotParts;
}

/** An anonymous ballot whose receipt is written: its commitment, for the mixer (BallotMixer). */
export interface AnonymousAdmitted {
  commitment: string;
  activityId: string;
  /** The ballot as admitted (normalised by validateBallot). */
  value: BallotValue;
  /** The receipt was written by this command (a first ballot), not found from an earlier one. */
  freshReceipt: boolean;
}

/** Writing ballots (for BallotBatcher, their only writer) and reading them back, in both anonymity modes. */
@Injectable()
export class BallotsService {
  /**
   * Cast or replace admitted ballots, at most one per (question, participant), in a few
   * multi-row statements. Named: the ballot (`replaced`). Anonymous: only the receipt, checked
   * against the voter token (the same device), and the commitment for the mixer (rows in key order, so concurrent
   * writers lock them in the same order). For each write, in order: `replaced`, or the refusal.
   */
  async castMany(m: EntityManager, writes: readonly BallotWrite[]): Promise<(boolean | AppError | AnonymousAdmitted)[]> {
    const outcomes = new Map<BallotWrite, boolean | AppError | AnonymousAdmitted>();
    const named = writes.filter((w) => w.anonymity === 'named');
    if (named.length > 0) {
      const rows = await ballotsRepository.upsertNamed(
        m,
        named.map((w) => ({ question_id: w.questionId, participant_id: w.participantId, value: w.value, channel: w.channel ?? 'device', cast_by: w.castBy ?? null })),
        named.filter((w) => w.rollCall).map((w) => ({ question_id: w.questionId, participant_id: w.participantId })),
      );
      const inserted = new Map(rows.map((r) => [`${r.question_id}:${r.participant_id}`, r.inserted]));
      const kept = named.filter((w) => !inserted.has(`${w.questionId}:${w.participantId}`));
      // Rare: a ballot already cast through a channel this one may not replace. Say which.
      const existing = new Map<string, BallotChannel>();
      if (kept.length > 0) {
        const found = await ballotsRepository.namedChannelsOf(m, kept.map((w) => ({ question_id: w.questionId, participant_id: w.participantId })));
        for (const r of found) existing.set(`${r.question_id}:${r.participant_id}`, r.channel);
      }
      for (const w of named) {
        const key = `${w.questionId}:${w.participantId}`;
        const was = inserted.get(key);
        if (was !== undefined) outcomes.set(w, !was);
        else outcomes.set(w, new AppError((w.rollCall ? rollCallAnswerRefusal(existing.get(key)) : channelConflict(existing.get(key) ?? 'device', w.channel ?? 'device')) ?? 'CONFLICT'));
      }
    }
    const anonymous: { w: BallotWrite; secret: string }[] = [];
    for (const w of writes.filter((x) => x.anonymity === 'anonymous')) {
      if (w.secret) anonymous.push({ w, secret: w.secret });
      else outcomes.set(w, new AppError('BALLOT_SECRET_REQUIRED'));
    }
    if (anonymous.length > 0) {
      // The receipt (who voted) with the voter token; the ballot itself goes to the mixer, in another transaction.
      const rows = anonymous.map(({ w, secret }) => ({ question_id: w.questionId, participant_id: w.participantId, voter_token: voterToken(secret), channel: w.channel ?? 'device', cast_by: w.castBy ?? null }));
      const inserted = await ballotsRepository.insertReceipts(m, rows);
      const fresh = new Set(inserted.map((r) => `${r.question_id}:${r.participant_id}`));
      const again = anonymous.filter(({ w }) => !fresh.has(`${w.questionId}:${w.participantId}`));
      const tokens = new Map<string, string | null>();
      const channels = new Map<string, BallotChannel>();
      if (again.length > 0) {
        const found = await ballotsRepository.receiptsOf(m, again.map(({ w }) => ({ question_id: w.questionId, participant_id: w.participantId })));
        for (const r of found) {
          tokens.set(`${r.question_id}:${r.participant_id}`, r.voter_token);
          channels.set(`${r.question_id}:${r.participant_id}`, r.channel);
        }
      }
      for (const { w, secret } of anonymous) {
        const key = `${w.questionId}:${w.participantId}`;
        const refusal = fresh.has(key) ? null : channelConflict(channels.get(key) ?? 'device', w.channel ?? 'device');
        if (fresh.has(key)) outcomes.set(w, { commitment: ballotCommitment(secret), activityId: w.activityId, value: w.value, freshReceipt: true });
        else if (refusal) outcomes.set(w, new AppError(refusal));
        else {
          // The secret is the device's: a ballot is changed from the device (or console) that cast it, so an
          // anonymous proxy ballot stays when its giver arrives (docs/proxies.md).
          const token = tokens.get(key);
          // Only the device that cast the ballot holds the secret behind the token; a ballot cast before tokens existed is final.
          if (token === null || token === undefined) outcomes.set(w, new AppError('BALLOT_NOT_CHANGEABLE'));
          else if (token !== voterToken(secret)) outcomes.set(w, new AppError('BALLOT_OTHER_DEVICE'));
          else outcomes.set(w, { commitment: ballotCommitment(secret), activityId: w.activityId, value: w.value, freshReceipt: false });
        }
      }
    }
    return writes.map((w) => {
      const outcome = outcomes.get(w);
      // Never expected: failing the batch writes its ballots again in batches of one.
      if (outcome === undefined) throw new Error(`castMany: no outcome for question ${w.questionId}`);
      return outcome;
    });
  }

  /**
   * Anonymous surveys: receipts for the members who handed in a paper ballot (a confirmed
   * totals entry), so none of them votes again in the app nor twice on paper. Refuses the whole
   * entry (nothing written) if one of them already voted in the app.
   */
  async paperReceipts(m: EntityManager, questionId: string, voterIds: readonly string[], castBy: string): Promise<AppError | null> {
    if (voterIds.length === 0) return null;
    const existing = await ballotsRepository.lockReceipts(m, questionId, voterIds);
    for (const r of existing) {
      const refusal = channelConflict(r.channel, 'paper');
      if (refusal) return new AppError(refusal);
    }
    await ballotsRepository.insertPaperReceipts(m, questionId, voterIds, castBy);
    return null;
  }

  /** Every stored ballot of a question, in no meaningful order (paper totals are not ballots rows: see `counted`). */
  async values(m: EntityManager, questionId: string, anonymity: SurveyAnonymity): Promise<BallotValue[]> {
    const rows = await ballotsRepository.values(m, questionId, anonymity);
    return rows.map((r) => r.value);
  }

  /**
   * What one question's tally counts, every channel: the stored ballots, plus the ballots its
   * confirmed paper totals stand for (libs/domain `paperBallots`), with the split by channel.
   * Named ballots carry their channel; anonymous ones are split by their receipts' channels
   * (a receipt is written for every anonymous ballot, paper voters included).
   */
  async counted(m: EntityManager, questionId: string, config: QuestionConfig, anonymity: SurveyAnonymity): Promise<CountedBallots> {
    const totals = await ballotsRepository.confirmedTotals(m, questionId);
    const fromTotals = totals.flatMap((t) => paperBallots(config, t.totals));
    if (anonymity === 'named') {
      const rows = await ballotsRepository.namedBallots(m, questionId);
      const paper = [...rows.filter((r) => r.channel === 'paper').map((r) => r.value), ...fromTotals];
      return { values: [...rows.map((r) => r.value), ...fromTotals], paper, parts: ballotParts(rows.map((r) => r.channel), fromTotals.length) };
    }
    const values = await this.values(m, questionId, anonymity);
    // Paper voters of an anonymous question have a receipt (who handed in a ballot), counted through the totals.
    const receipts = await ballotsRepository.receiptChannels(m, questionId);
    const parts = ballotParts(receipts.map((r) => r.channel), fromTotals.length);
    // Receipts without a mixed ballot yet (in a mixing window) are not counted as device ballots.
    parts.device = Math.max(0, values.length - parts.proxy - parts.assisted);
    return { values: [...values, ...fromTotals], paper: fromTotals, parts };
  }

  /** Named ballots with their voter's roster profile, for the breakdown (never for anonymous surveys). */
  async profiled(m: EntityManager, questionId: string): Promise<ProfiledBallot[]> {
    const rows = await ballotsRepository.profiled(m, questionId);
    return rows.map((r) => ({
      value: r.value,
      voter: { territoryType: r.territory_type, category: r.category, gender: r.gender } as ProfiledBallot['voter'],
    }));
  }

  /**
   * My current named ballots on these questions. Anonymous ones are not found by the server
   * (nothing it keeps maps me to them): my device keeps what it cast.
   */
  async mine(m: EntityManager, participantId: string, questions: readonly { id: string; anonymity: SurveyAnonymity }[]): Promise<Record<string, BallotValue>> {
    const mine: Record<string, BallotValue> = {};
    const named = questions.filter((q) => q.anonymity === 'named').map((q) => q.id);
    if (named.length > 0) {
      const rows = await ballotsRepository.mine(m, participantId, named);
      for (const r of rows) mine[r.question_id] = r.value;
    }
    return mine;
  }
}
