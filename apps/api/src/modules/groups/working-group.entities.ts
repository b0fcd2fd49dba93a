import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { SeedOrigin, SynthesisContent, SynthesisState } from '@palabre/contracts';
import { Activity } from '../sessions/activity.entity';

/** One working group of a `groups` activity: its place, capacity, rapporteur and synthesis. */
@Entity()
@Index(['activityId', 'position'], { unique: true })
export class WorkingGroup {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) activityId: string;
  @ManyToOne(() => Activity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'activity_id' }) activity?: Activity;
  @Index() @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'integer' }) capacity: number;
  @Column({ type: 'uuid', nullable: true }) rapporteurParticipantId: string | null;
  @Column({ type: 'jsonb', default: [] }) facilitatorParticipantIds: string[];
  @Column({ type: 'jsonb', default: { findings: '', proposals: [], disagreements: '' } }) synthesis: SynthesisContent;
  @Column({ type: 'text', default: 'draft' }) synthesisState: SynthesisState;
  @Column({ type: 'timestamptz', nullable: true }) synthesisUpdatedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** A comment of a group member on the draft synthesis; it stays in the group if its author moves. */
@Entity()
@Index(['groupId', 'createdAt'])
export class SynthesisComment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) groupId: string;
  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'group_id' }) group?: WorkingGroup;
  @Column({ type: 'uuid' }) participantId: string;
  @Column({ type: 'text' }) body: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** A starting card pushed into a group, kept here while no board module takes it. */
@Entity()
@Index(['groupId', 'createdAt'])
export class GroupSeedCard {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) groupId: string;
  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'group_id' }) group?: WorkingGroup;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', default: '' }) body: string;
  @Column({ type: 'jsonb' }) origin: SeedOrigin;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
