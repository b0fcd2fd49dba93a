import type { EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

/** The audit module's SQL and TypeORM queries: the session's hash chain (issue #20). */
export const auditRepository = {
  /** Locks the session row: appends to its chain are serialised, so seq and prevHash never race. */
  async lockSession(m: EntityManager, sessionId: string): Promise<void> {
    await m.query('SELECT 1 FROM session WHERE id = $1 FOR UPDATE', [sessionId]);
  },

  /** The chain's last link, or null for an empty chain. */
  lastLink(m: EntityManager, sessionId: string): Promise<AuditEvent | null> {
    return m.getRepository(AuditEvent).findOne({ where: { sessionId }, order: { seq: 'DESC' } });
  },

  saveLink(m: EntityManager, link: Omit<AuditEvent, 'createdAt'>): Promise<AuditEvent> {
    return m.getRepository(AuditEvent).save(link);
  },

  /** The session's chain in order. */
  links(m: EntityManager, sessionId: string): Promise<AuditEvent[]> {
    return m.getRepository(AuditEvent).find({ where: { sessionId }, order: { seq: 'ASC' } });
  },
};
