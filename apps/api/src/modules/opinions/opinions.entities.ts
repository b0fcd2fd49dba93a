import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OpinionStatementStatus, OpinionVote } from '@palabre/contracts';

/** A statement of an opinion map: written by the staff, proposed by a member, or promoted from an idea. */
@Entity()
@Index(['activityId', 'status'])
// An idea is promoted to a map once, whatever two facilitators click at once.
@Index('UQ_opinion_statement_idea', ['activityId', 'originIdeaId'], { unique: true, where: '"origin_idea_id" IS NOT NULL' })
@Check(`char_length("text") <= 280`)
export class OpinionStatement {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'uuid' }) activityId: string;
  @Column({ type: 'uuid' }) authorId: string;
  @Column({ type: 'text' }) origin: 'facilitator' | 'member' | 'idea';
  @Column({ type: 'uuid', nullable: true }) originIdeaId: string | null;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'text' }) status: OpinionStatementStatus;
  /** How many members answered it (kept by the answer command): the next statement offered is the least answered. */
  @Column({ type: 'integer', default: 0 }) answers: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** One member's answer to a statement: the primary key makes "one per member" a database fact; answering again updates it. */
@Entity()
@Index(['activityId'])
// A member's own answers (the next statement to offer, the snapshot).
@Index('IDX_opinion_answer_participant', ['participantId', 'activityId'])
@Check(`"vote" IN ('agree', 'disagree', 'pass')`)
export class OpinionAnswer {
  @PrimaryColumn({ type: 'uuid' }) statementId: string;
  @PrimaryColumn({ type: 'uuid' }) participantId: string;
  @Column({ type: 'uuid' }) activityId: string;
  @Column({ type: 'text' }) vote: OpinionVote;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** The last computed map of an opinion map (what snapshots read): rebuilt from the answers after each burst. */
@Entity()
export class OpinionMapState {
  @PrimaryColumn({ type: 'uuid' }) activityId: string;
  @Column({ type: 'jsonb' }) map: unknown;
  /** Each placed participant's group on that map. */
  @Column({ type: 'jsonb' }) groups: unknown;
  /** What the phones show of that map (libs/domain `opinionAgreements`); null on maps stored before it existed. */
  @Column({ type: 'jsonb', nullable: true }) agreements: unknown;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
