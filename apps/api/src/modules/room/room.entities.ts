import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ScreenState } from '@palabre/contracts';

/**
 * The live state of a session's room: current agenda item, projector screen, countdown.
 * One row per session, locked by every command that changes it, so that two facilitators
 * acting at once produce one transition.
 */
@Entity()
export class RoomState {
  @PrimaryColumn({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'uuid', nullable: true }) currentActivityId: string | null;
  @Column({ type: 'jsonb', default: { view: 'welcome' } }) screen: ScreenState;
  /** Planned minutes by activity id. */
  @Column({ type: 'jsonb', default: {} }) plan: Record<string, number>;
  @Column({ type: 'integer', nullable: true }) quorumPercent: number | null;
  @Column({ type: 'uuid', nullable: true }) timerActivityId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) timerEndsAt: Date | null;
  @Column({ type: 'integer', nullable: true }) timerPausedMs: number | null;
  @Column({ type: 'integer', nullable: true }) timerDurationMs: number | null;
  @Column({ type: 'boolean', default: false }) timerAutoClose: boolean;
  @Column({ type: 'boolean', default: false }) timerWarned: boolean;
  /** Bumped by every timer change: a scheduler callback armed for an older run does nothing. */
  @Column({ type: 'integer', default: 0 }) timerSeq: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A member's confirmed presence (self check-in from the personal link or the desk QR code). */
@Entity()
@Index(['sessionId'])
export class AttendanceConfirmation {
  @PrimaryColumn({ type: 'uuid' }) participantId: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @CreateDateColumn({ type: 'timestamptz' }) confirmedAt: Date;
}
