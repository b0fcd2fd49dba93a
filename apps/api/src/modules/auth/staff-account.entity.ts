import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { StaffRole } from '@palabre/contracts';

@Entity()
@Index(['oidcIssuer', 'oidcSubject'], { unique: true, where: '"oidc_subject" IS NOT NULL' })
export class StaffAccount {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) email: string;
  /** Null for an account that only signs in through the organisation's directory (OIDC). */
  @Column({ type: 'text', nullable: true }) passwordHash: string | null;
  @Column({ type: 'text' }) displayName: string;
  @Column({ type: 'text' }) role: StaffRole;
  /** The directory (OIDC issuer) and its stable subject, once the person signed in through it. */
  @Column({ type: 'text', nullable: true }) oidcIssuer: string | null;
  @Column({ type: 'text', nullable: true }) oidcSubject: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
