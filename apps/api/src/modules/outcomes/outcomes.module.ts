import { Global, Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { ArchiveService } from './archive.service';
import { ExportsService } from './exports.service';
import { OutcomeRecordService } from './outcome-record.service';
import { OutcomeRegistry } from './outcome-registry';
import { ArchiveController, ExportsController, PublicResultsController } from './outcomes.controller';

/** Exports, sealing and the archive. Global so that every feature module can inject OutcomeRegistry. */
@Global()
@Module({
  imports: [SessionsModule],
  controllers: [ExportsController, ArchiveController, PublicResultsController],
  providers: [OutcomeRegistry, OutcomeRecordService, ExportsService, ArchiveService],
  exports: [OutcomeRegistry, OutcomeRecordService],
})
export class OutcomesModule {}
