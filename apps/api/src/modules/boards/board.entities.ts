import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { BoardColumn, Eligibility, IdeaStatus, ModerationMode, SupportMode } from '@palabre/contracts';

/** Settings of a board activity (its state lives in activity.state). */
@Entity()
export class Board {
  @PrimaryColumn('uuid') activityId: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'jsonb' }) columns: BoardColumn[];
  @Column({ type: 'text' }) moderation: ModerationMode;
  @Column({ type: 'text' }) supportMode: SupportMode;
  @Column({ type: 'integer' }) dotsPerMember: number;
  @Column({ type: 'integer' }) dotsPerIdeaMax: number;
  @Column({ type: 'boolean', default: false }) supportsHidden: boolean;
  @Column({ type: 'boolean', default: false }) anonymousAllowed: boolean;
  /** Who may support ideas (resolveEligibility); null: the session's default. */
  @Column({ type: 'text', nullable: true }) supportEligibility: Eligibility | null;
  /** Committed changes to the board's content (ideas, comments, supports, authors' names), counted by the database's triggers (migration BoardRevisions): never written by the API. */
  @Column({ type: 'integer', default: 0, insert: false, update: false }) revision: number;
}

@Entity()
@Index(['activityId', 'status'])
@Index(['mergedInto'])
export class Idea {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) activityId: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'text' }) columnId: string;
  /** Kept for anonymous ideas too (the author's own view, blocking); never sent when anonymous. */
  @Column({ type: 'uuid' }) authorId: string;
  @Column({ type: 'boolean', default: false }) anonymous: boolean;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', default: '' }) body: string;
  @Column({ type: 'text' }) status: IdeaStatus;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'boolean', default: false }) pinned: boolean;
  @Column({ type: 'boolean', default: false }) editedByStaff: boolean;
  /** A facilitator acted on it: the author may no longer edit or withdraw it. */
  @Column({ type: 'boolean', default: false }) staffActed: boolean;
  @Column({ type: 'uuid', nullable: true }) mergedInto: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags: string[];
  @Column({ type: 'text', nullable: true }) cluster: string | null;
  @Column({ type: 'integer', default: 1 }) rev: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** One member's support of one idea: the unique key makes a retried support count once. */
@Entity()
@Index(['ideaId', 'participantId'], { unique: true })
@Index(['activityId', 'participantId'])
export class IdeaSupport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) ideaId: string;
  @Column({ type: 'uuid' }) activityId: string;
  @Column({ type: 'uuid' }) participantId: string;
  /** 1 in single mode; the number of dots in dots mode. */
  @Column({ type: 'integer', default: 1 }) dots: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity()
@Index(['activityId'])
@Index(['ideaId'])
export class IdeaComment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) ideaId: string;
  @Column({ type: 'uuid' }) activityId: string;
  @Column({ type: 'uuid', nullable: true }) parentId: string | null;
  @Column({ type: 'uuid' }) authorId: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'boolean', default: false }) deleted: boolean;
  @Column({ type: 'boolean', default: false }) edited: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
