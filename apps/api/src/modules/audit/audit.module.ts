import { Global, Module } from '@nestjs/common';
import { AUDIT_TRAIL } from '../../common/commands/audit-trail';
import { AuditService } from './audit.service';

/**
 * The hash-chained audit trail. Global: every use case appends to it through `tx.audit` (the
 * TransactionRunner of common/ injects it as AUDIT_TRAIL), and the outcomes read and verify it.
 */
@Global()
@Module({
  providers: [AuditService, { provide: AUDIT_TRAIL, useExisting: AuditService }],
  exports: [AuditService, AUDIT_TRAIL],
})
export class AuditModule {}
