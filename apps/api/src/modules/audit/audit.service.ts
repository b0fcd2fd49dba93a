import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity';
import { firstBrokenLink, GENESIS_HASH, linkHash } from './hash-chain';

@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  /**
   * Appends one link to the session's chain inside the caller's transaction.
   * The session row lock serialises appends, so seq and prevHash never race.
   */
  async append(manager: EntityManager, sessionId: string, type: string, actorId: string | null, payload: Record<string, unknown>): Promise<AuditEvent> {
    await manager.query('SELECT 1 FROM session WHERE id = $1 FOR UPDATE', [sessionId]);
    const last = await manager.getRepository(AuditEvent).findOne({ where: { sessionId }, order: { seq: 'DESC' } });
    const base = { sessionId, seq: (last?.seq ?? 0) + 1, type, actorId, payload, prevHash: last?.hash ?? GENESIS_HASH };
    return manager.getRepository(AuditEvent).save({ ...base, hash: linkHash(base) });
  }

  list(sessionId: string): Promise<AuditEvent[]> {
    return this.db.getRepository(AuditEvent).find({ where: { sessionId }, order: { seq: 'ASC' } });
  }

  async verify(sessionId: string): Promise<{ intact: boolean; head: string; length: number; brokenAt: number | null }> {
    const links = await this.list(sessionId);
    const brokenAt = firstBrokenLink(links);
    return { intact: brokenAt === null, head: links.at(-1)?.hash ?? GENESIS_HASH, length: links.length, brokenAt };
  }
}
