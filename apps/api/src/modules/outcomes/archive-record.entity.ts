import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A sealed session: its canonical JSON record, that record's SHA-256 and the audit chain head. */
@Entity()
export class ArchiveRecord {
  @PrimaryColumn({ type: 'uuid' }) sessionId: string;
  /** Canonical JSON (keys sorted, no whitespace) of the OutcomeRecord; replaced only by pseudonymisation. */
  @Column({ type: 'text' }) canonicalJson: string;
  @Column({ type: 'text' }) digest: string;
  /** Hash of the audit link that recorded `digest` (session.sealed, then archive.pseudonymised). */
  @Column({ type: 'text' }) auditHead: string;
  @Column({ type: 'timestamptz' }) sealedAt: Date;
  /** Staff account that sealed it. */
  @Column({ type: 'uuid', nullable: true }) sealedBy: string | null;
  @Column({ type: 'boolean', default: false }) public: boolean;
  @Column({ type: 'timestamptz', nullable: true }) pseudonymisedAt: Date | null;
}
