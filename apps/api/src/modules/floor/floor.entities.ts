import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FloorRequestState, FloorStance, Gender, MemberCategory, TerritoryType } from '@palabre/contracts';

/**
 * A request for the floor in one speakers' list. The speaker's profile (gender, category,
 * territory) is copied from the roster when the request is made: the order and the fairness
 * report read the request alone, and a later roster change does not rewrite what happened.
 */
@Entity()
@Index(['activityId', 'state'])
@Index(['sessionId', 'participantId'])
// One speaker per list, whatever two facilitators click at once.
@Index('UQ_floor_request_speaking', ['activityId'], { unique: true, where: `"state" = 'speaking'` })
export class FloorRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'uuid' }) activityId: string;
  /** Null for a person a facilitator added without a device. */
  @Column({ type: 'uuid', nullable: true }) participantId: string | null;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) gender: Gender | null;
  @Column({ type: 'text', nullable: true }) category: MemberCategory | null;
  @Column({ type: 'text', nullable: true }) territory: string | null;
  @Column({ type: 'text', nullable: true }) territoryType: TerritoryType | null;
  @Column({ type: 'text', nullable: true }) stance: FloorStance | null;
  @Column({ type: 'boolean', default: false }) remote: boolean;
  @Column({ type: 'boolean', default: false }) priority: boolean;
  /** The staff member who added the request; null when the person asked themselves. */
  @Column({ type: 'uuid', nullable: true }) addedBy: string | null;
  @Column({ type: 'text', default: 'waiting' }) state: FloorRequestState;
  /** Arrival order in the list. */
  @Column({ type: 'bigint', generated: 'increment' }) seq: string;
  /** A facilitator's move: the 1-based position the request keeps. */
  @Column({ type: 'integer', nullable: true }) pinned: number | null;
  /** Actual speaking time, recorded when the turn ends (and while paused). */
  @Column({ type: 'integer', default: 0 }) spokenMs: number;
  /** Speaking time given, extensions included. */
  @Column({ type: 'integer', default: 0 }) durationMs: number;
  /** Set while the countdown runs. */
  @Column({ type: 'timestamptz', nullable: true }) runningSince: Date | null;
  /** Order in which speakers were heard in the list. */
  @Column({ type: 'integer', nullable: true }) heardRank: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** A facilitator override (a move, or the floor given out of order), for the fairness report. */
@Entity()
@Index(['activityId'])
export class FloorOverride {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) activityId: string;
  @Column({ type: 'uuid' }) requestId: string;
  @Column({ type: 'text' }) kind: 'move' | 'give';
  /** For a move, the position given (null: back to the rule); for a give, the position the request had. */
  @Column({ type: 'integer', nullable: true }) position: number | null;
  @Column({ type: 'uuid' }) authorId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
