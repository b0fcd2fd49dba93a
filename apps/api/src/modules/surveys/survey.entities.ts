import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { QuestionConfig, QuestionDraft, QuestionState, ResultsVisibility, SurveyAnonymity, SurveySettings } from '@palabre/contracts';

/** The settings of a survey activity (one row per activity of kind `survey`). */
@Entity()
export class Survey {
  @PrimaryColumn({ type: 'uuid' }) activityId: string;
  @Column({ type: 'text' }) anonymity: SurveyAnonymity;
  @Column({ type: 'text' }) resultsVisibility: ResultsVisibility;
  @Column({ type: 'boolean', default: false }) shuffle: boolean;
}

@Entity()
@Index(['activityId', 'position'])
export class SurveyQuestion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) activityId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) prompt: string;
  @Column({ type: 'jsonb' }) config: QuestionConfig;
  @Column({ type: 'text', default: 'draft' }) state: QuestionState;
  @Column({ type: 'timestamptz', nullable: true }) openedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  /** Members connected when the question closed: the turnout denominator once voting is over. */
  @Column({ type: 'integer', nullable: true }) presentAtClose: number | null;
}

/** A named ballot: who voted what. One per member per question, by constraint. */
@Entity()
@Index(['questionId', 'participantId'], { unique: true })
export class Ballot {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) questionId: string;
  @Column({ type: 'uuid' }) participantId: string;
  @Column({ type: 'jsonb' }) value: unknown;
  /** How it was cast (BallotChannel): the member's device, a proxy, paper, or assisted from the console. */
  @Column({ type: 'text', default: 'device' }) channel: string;
  /** Who cast it when not the member (proxy holder, teller, facilitator): a participant id. */
  @Column({ type: 'uuid', nullable: true }) castBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/**
 * Anonymous surveys, half one: that a member voted (turnout, one ballot per member). No time,
 * no value. `voterToken` = voterToken(question secret) (libs/domain): only the device holding
 * that secret may change the ballot; it cannot be matched to a ballot's commitment without the
 * secret. Null for ballots cast before commitments existed: those are final.
 */
@Entity()
export class BallotReceipt {
  @PrimaryColumn({ type: 'uuid' }) questionId: string;
  @PrimaryColumn({ type: 'uuid' }) participantId: string;
  @Column({ type: 'text', nullable: true }) voterToken: string | null;
  /** How it was cast (BallotChannel); a paper receipt (from a confirmed totals entry) has no voter token. */
  @Column({ type: 'text', default: 'device' }) channel: string;
  /** Who cast it when not the member (proxy holder): a participant id. */
  @Column({ type: 'uuid', nullable: true }) castBy: string | null;
}

/**
 * Anonymous surveys, half two: what was voted, with no participant and no time, written by
 * the mixer (BallotMixer) in shuffled batches apart from the receipt, with a random id.
 * `commitment` = ballotCommitment(question secret): the voter finds it on the sealed ballot
 * board through their receipt code; nothing the server keeps maps it to a participant.
 */
@Entity()
@Index('UQ_anonymous_ballot_commitment', ['questionId', 'commitment'], { unique: true })
export class AnonymousBallot {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) questionId: string;
  @Column({ type: 'text' }) commitment: string;
  @Column({ type: 'jsonb' }) value: unknown;
}

/** A survey saved for reuse by a staff account. */
@Entity()
@Index(['accountId', 'createdAt'])
export class SurveyTemplate {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) accountId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'jsonb' }) settings: SurveySettings;
  @Column({ type: 'jsonb' }) questions: QuestionDraft[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
