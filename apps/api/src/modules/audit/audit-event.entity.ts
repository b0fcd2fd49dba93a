import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Append-only, hash-chained log of every state change that matters (UPDATE/DELETE refused by a trigger). */
@Entity()
export class AuditEvent {
  @PrimaryColumn({ type: 'uuid' }) sessionId: string;
  @PrimaryColumn({ type: 'integer' }) seq: number;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ type: 'text' }) prevHash: string;
  @Column({ type: 'text' }) hash: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
