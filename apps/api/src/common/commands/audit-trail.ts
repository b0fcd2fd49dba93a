import type { EntityManager } from 'typeorm';

/**
 * The audit trail a use case appends to inside its own transaction (`tx.audit`): one link of the
 * chain keyed by `chainId` (a session's id, or a recommendation's for the follow-up). The audit
 * feature provides it (modules/audit/audit.module.ts); common/ declares it so that it depends on
 * no feature module.
 */
export interface AuditTrail {
  append(manager: EntityManager, chainId: string, type: string, actorId: string | null, payload: Record<string, unknown>): Promise<unknown>;
}

/** The injection token of the AuditTrail. */
export const AUDIT_TRAIL = Symbol('AuditTrail');
