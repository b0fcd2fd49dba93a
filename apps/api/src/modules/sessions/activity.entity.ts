import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ActivityKind } from '@palabre/contracts';

/** An agenda item; kind-specific tables hang off its id. */
@Entity()
@Index(['sessionId', 'position'])
export class Activity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'text' }) kind: ActivityKind;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text', default: 'draft' }) state: string;
  @Column({ type: 'jsonb', default: {} }) config: Record<string, unknown>;
  @Column({ type: 'uuid', nullable: true }) groupId: string | null;
  // A group keeps its activities: the groups activity refuses deletion while they exist.
  @ManyToOne('WorkingGroup') @JoinColumn({ name: 'group_id' }) group?: unknown;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
