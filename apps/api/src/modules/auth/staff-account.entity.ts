import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { StaffRole } from '@palabre/contracts';

@Entity()
export class StaffAccount {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) email: string;
  @Column({ type: 'text' }) passwordHash: string;
  @Column({ type: 'text' }) displayName: string;
  @Column({ type: 'text' }) role: StaffRole;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
