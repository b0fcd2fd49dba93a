import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { FollowUpStatus, OutcomeEvidence, OutcomeItemKind, ResponseDecision } from '@palabre/contracts';

/**
 * A recommendation of the assembly drawn from a sealed session's record, and the Region's
 * follow-up of it. Lives beside the archive: `archiveDigest` + (`activityId`, `itemKind`,
 * `itemId`) point into the sealed record, which is never modified. Its audit chain is keyed by
 * its own id (docs/decisions.md, "Follow-up").
 */
@Entity()
@Index(['assemblyId'])
export class Recommendation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) assemblyId: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'text' }) archiveDigest: string;
  @Column({ type: 'text' }) itemKind: OutcomeItemKind;
  @Column({ type: 'uuid' }) activityId: string;
  @Column({ type: 'text' }) itemId: string;
  @Column({ type: 'jsonb' }) evidence: OutcomeEvidence;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', default: '' }) body: string;
  @Column({ type: 'text', nullable: true }) theme: string | null;
  @Column({ type: 'jsonb', default: [] }) territories: string[];
  @Column({ type: 'text', nullable: true }) contractRef: string | null;
  @Column({ type: 'date', nullable: true }) deadline: string | null;
  /** A staff account of role instructor. */
  @Column({ type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ type: 'boolean', default: false }) published: boolean;
  @Column({ type: 'text', nullable: true }) decision: ResponseDecision | null;
  @Column({ type: 'text', nullable: true }) reasons: string | null;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ type: 'text', default: 'pending' }) status: FollowUpStatus;
  @Column({ type: 'integer', default: 0 }) percent: number;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A dated progress entry posted by the instructing service. */
@Entity()
@Index(['recommendationId'])
export class RecommendationProgress {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) recommendationId: string;
  @Column({ type: 'date' }) date: string;
  @Column({ type: 'text' }) status: FollowUpStatus;
  @Column({ type: 'integer' }) percent: number;
  @Column({ type: 'text' }) note: string;
  @Column({ type: 'uuid', nullable: true }) authorId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** A member who took part asked to be told, by email, of changes on the assembly's recommendations. */
@Entity()
@Index(['assemblyId', 'email'], { unique: true })
export class FollowUpSubscription {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) assemblyId: string;
  @Column({ type: 'text' }) email: string;
  /** The participant who subscribed (a member of one of the assembly's sessions). */
  @Column({ type: 'uuid' }) participantId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
