import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A proxy (« pouvoir »): `giverId` is represented by `holderId` (participant ids of one session),
 * recorded by staff from the signed form. Lapses (for good) when the giver joins in person.
 */
@Entity('proxy')
@Index('UQ_proxy_live_giver', ['sessionId', 'giverId'], { unique: true, where: '"lapsed_at" IS NULL AND "revoked_at" IS NULL' })
@Index(['sessionId', 'holderId'])
export class MemberProxy {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'uuid' }) giverId: string;
  @Column({ type: 'uuid' }) holderId: string;
  /** The signed form's reference (scan name or register number). */
  @Column({ type: 'text' }) formRef: string;
  @Column({ type: 'uuid' }) recordedBy: string;
  @Column({ type: 'timestamptz', nullable: true }) lapsedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/**
 * A teller's paper entry for a question: one named paper ballot (named surveys) or per-option
 * totals with the members who voted on paper (anonymous surveys). Counted only once a second,
 * different staff account confirms it (`confirmedBy`).
 */
@Entity()
@Index(['questionId'])
export class PaperEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'uuid' }) questionId: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'uuid', nullable: true }) memberId: string | null;
  @Column({ type: 'jsonb', nullable: true }) value: unknown;
  @Column({ type: 'jsonb', nullable: true }) totals: Record<string, number> | null;
  @Column({ type: 'uuid', array: true, default: '{}' }) voterIds: string[];
  @Column({ type: 'uuid' }) enteredBy: string;
  @Column({ type: 'uuid', nullable: true }) confirmedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/**
 * A roll call (« appel nominal ») started on a named yes / no question: the members called who
 * did not answer (`passed`). Answers are assisted ballots (`ballot`), so the progress is read from both.
 */
@Entity()
export class RollCall {
  @PrimaryColumn({ type: 'uuid' }) questionId: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'uuid' }) startedBy: string;
  @Column({ type: 'uuid', array: true, default: '{}' }) passed: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/**
 * A member's request, from their phone, to be represented by `holderId` (they are leaving):
 * `pending` until the organiser approves (a proxy is recorded, `proxy.record`'s rules) or declines it.
 */
@Entity()
@Index(['sessionId', 'giverId'])
export class ProxyRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) sessionId: string;
  @Column({ type: 'uuid' }) giverId: string;
  @Column({ type: 'uuid' }) holderId: string;
  @Column({ type: 'text', default: 'pending' }) status: string;
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
