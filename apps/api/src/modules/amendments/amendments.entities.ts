import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AmendmentFate, AmendmentKind, AmendmentStatus, TextLineView } from '@palabre/contracts';

/** A text put to amendment (one per activity of kind `amendments`): its numbered lines and its votes. */
@Entity()
export class AmendmentText {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_amendment_text' }) activityId: string;
  @Column({ type: 'uuid' }) sessionId: string;
  /** The text as tabled, numbered (libs/domain numberLines). */
  @Column({ type: 'jsonb' }) lines: TextLineView[];
  @Column({ type: 'timestamptz', nullable: true }) deadline: Date | null;
  /** The companion survey: one yes/no/abstain question per amendment voted, and one for the whole text. */
  @Column({ type: 'uuid' }) surveyActivityId: string;
  @Column({ type: 'uuid', nullable: true }) finalQuestionId: string | null;
  /** The final vote on the whole text, counted at its close. */
  @Column({ type: 'jsonb', nullable: true }) finalVotes: { yes: number; no: number; abstain: number } | null;
}

/** An amendment (or sub-amendment) anchored to tabled lines. */
@Entity()
@Index('IDX_amendment_activity_number', ['activityId', 'number'], { unique: true })
export class Amendment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_amendment' }) id: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'uuid' }) activityId: string;
  @Column({ type: 'integer' }) number: number;
  @Column({ type: 'uuid', nullable: true }) parentId: string | null;
  @Column({ type: 'text' }) kind: AmendmentKind;
  @Column({ type: 'integer' }) lineFrom: number;
  @Column({ type: 'integer' }) lineTo: number;
  @Column({ type: 'text' }) wording: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'uuid', nullable: true }) authorId: string | null;
  /** Copied when filed: the record keeps the name the room saw. */
  @Column({ type: 'text' }) authorName: string;
  /** Filed in the name of this working group by its rapporteur (the author). */
  @Column({ type: 'text', nullable: true }) groupName: string | null;
  @Column({ type: 'text', default: 'filed' }) status: AmendmentStatus;
  @Column({ type: 'text', nullable: true }) moderationReason: string | null;
  @Column({ type: 'text', nullable: true }) fate: AmendmentFate | null;
  @Column({ type: 'integer', nullable: true }) pinned: number | null;
  /** The yes/no/abstain question of the companion survey, once put to the vote. */
  @Column({ type: 'uuid', nullable: true }) questionId: string | null;
  /** Counted at the close: { yes, no, abstain }. */
  @Column({ type: 'jsonb', nullable: true }) votes: { yes: number; no: number; abstain: number } | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** A co-signature: one per member and amendment, by constraint. */
@Entity()
export class AmendmentCosign {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_amendment_cosign' }) amendmentId: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_amendment_cosign' }) participantId: string;
  @Column({ type: 'text' }) name: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
