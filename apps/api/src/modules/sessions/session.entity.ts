import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AccessMode, SessionState } from '@palabre/contracts';

@Entity()
export class Session {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', nullable: true }) assemblyId: string | null;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'date' }) date: string;
  @Column({ type: 'text', unique: true }) joinCode: string;
  @Column({ type: 'text' }) accessMode: AccessMode;
  @Column({ type: 'text', default: 'draft' }) state: SessionState;
  /** Monotonic: bumped in the transaction of every session-wide fact. */
  @Column({ type: 'integer', default: 0 }) version: number;
  @Column({ type: 'jsonb', default: {} }) settings: Record<string, unknown>;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
