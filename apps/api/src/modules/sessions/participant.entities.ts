import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ParticipantRole } from '@palabre/contracts';

/** A person in one session: a roster member, a staff account, an anonymous guest or a screen. */
@Entity()
@Index(['sessionId', 'memberId'], { unique: true })
@Index(['sessionId', 'accountId'], { unique: true })
@Index(['sessionId', 'deviceHash'])
export class Participant {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'uuid', nullable: true }) memberId: string | null;
  @Column({ type: 'uuid', nullable: true }) accountId: string | null;
  @Column({ type: 'text' }) displayName: string;
  @Column({ type: 'text' }) role: ParticipantRole;
  /** SHA-256 of the personal invitation token; the token itself is never stored. */
  @Column({ type: 'text', nullable: true, unique: true }) invitationHash: string | null;
  @Column({ type: 'uuid', nullable: true }) groupId: string | null;
  // By name: the working-groups module owns the entity. Removing a group leaves its members unplaced.
  @ManyToOne('WorkingGroup', { onDelete: 'SET NULL' }) @JoinColumn({ name: 'group_id' }) group?: unknown;
  @Column({ type: 'timestamptz', nullable: true }) joinedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) blockedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  /** SHA-256 of the browser's device id (code and invitation joins): resuming, duplicates, blocking. */
  @Column({ type: 'text', nullable: true }) deviceHash: string | null;
  /** HMAC of the address a code joiner came from: bursts of joins are flagged; the address itself is not kept. */
  @Column({ type: 'text', nullable: true }) joinAddress: string | null;
  /** The roster member a code joiner says they are, until a facilitator confirms it (then memberId). */
  @Column({ type: 'uuid', nullable: true }) claimedMemberId: string | null;
}

/** A browser a facilitator removed from an open session: it cannot join it again. */
@Entity()
export class BlockedDevice {
  @PrimaryColumn({ type: 'uuid' }) sessionId: string;
  @PrimaryColumn({ type: 'text' }) deviceHash: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** A projector page waiting for a facilitator to approve the code it shows. */
@Entity()
export class ScreenPairing {
  /** The page's secret: only it polls with it. */
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) code: string;
  @Column({ type: 'uuid', nullable: true }) participantId: string | null;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
