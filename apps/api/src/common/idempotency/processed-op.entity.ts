import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A command already applied: a retry with the same opId gets the stored answer. */
@Entity()
export class ProcessedOp {
  @PrimaryColumn({ type: 'uuid' }) participantId: string;
  @PrimaryColumn({ type: 'uuid' }) opId: string;
  @Column({ type: 'text' }) command: string;
  @Column({ type: 'jsonb', nullable: true }) result: unknown;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
