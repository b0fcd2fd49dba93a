import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { QnaQuestionStatus } from '@palabre/contracts';

/** A question to the floor. The author is kept (own view, moderation) but never shown when anonymous. */
@Entity()
@Index(['activityId', 'status'])
// At most one question "en cours" per Q&A, whatever two facilitators click at once.
@Index('UQ_qna_question_answering', ['activityId'], { unique: true, where: `"status" = 'answering'` })
@Check(`char_length("text") <= 500`)
export class QnaQuestion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'uuid' }) activityId: string;
  @Column({ type: 'uuid' }) authorId: string;
  @Column({ type: 'boolean', default: false }) anonymous: boolean;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'text' }) status: QnaQuestionStatus;
  @Column({ type: 'uuid', nullable: true }) mergedInto: string | null;
  /** Count of qna_vote rows, kept in the same transaction as each vote (row lock: no lost update). */
  @Column({ type: 'integer', default: 0 }) votes: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** One upvote: the primary key makes "once per participant" a database fact. */
@Entity()
export class QnaVote {
  @PrimaryColumn({ type: 'uuid' }) questionId: string;
  @PrimaryColumn({ type: 'uuid' }) participantId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
