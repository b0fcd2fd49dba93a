import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ParticipantRole } from '@palabre/contracts';

/** A person in one session: a roster member, a staff account, an anonymous guest or a screen. */
@Entity()
@Index(['sessionId', 'memberId'], { unique: true })
@Index(['sessionId', 'accountId'], { unique: true })
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
}
