import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEvent } from './audit-event.entity';
import { auditRepository } from './audit.repository';
import { firstBrokenLink, GENESIS_HASH, linkHash } from './hash-chain';

@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  /**
   * Appends one link to the session's chain inside the caller's transaction.
   * The session row lock serialises appends, so seq and prevHash never race.
   */
  async append(manager: EntityManager, sessionId: string, type: string, actorId: string | null, payload: Record<string, unknown>): Promise<AuditEvent> {
    await auditRepository.lockSession(manager, sessionId);
    const last = await auditRepository.lastLink(manager, sessionId);
    const base = { sessionId, seq: (last?.seq ?? 0) + 1, type, actorId, payload, prevHash: last?.hash ?? GENESIS_HASH };
    return auditRepository.saveLink(manager, { ...base, hash: linkHash(base) });
  }

  list(sessionId: string): Promise<AuditEvent[]> {
    return auditRepository.links(this.db.manager, sessionId);
  }

  async verify(sessionId: string): Promise<{ intact: boolean; head: string; length: number; brokenAt: number | null }> {
    const links = await this.list(sessionId);
    const brokenAt = firstBrokenLink(links);
    return { intact: brokenAt === null, head: links.at(-1)?.hash ?? GENESIS_HASH, length: links.length, brokenAt };
  }
}
