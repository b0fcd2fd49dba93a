import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffAccount } from './staff-account.entity';

/**
 * One signed-in staff browser. The staff token names its row (`jti`): signing out, a password
 * reset or a role change sets `revokedAt`, and the token is refused from the next request on.
 */
@Entity()
@Index(['accountId'])
export class StaffSession {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) accountId: string;
  @ManyToOne(() => StaffAccount, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'account_id' }) account?: StaffAccount;
  /** How the person proved who they are: `password` or `oidc`. */
  @Column({ type: 'text' }) method: 'password' | 'oidc';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
