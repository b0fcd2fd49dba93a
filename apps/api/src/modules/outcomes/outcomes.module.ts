import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { ArchiveService } from './archive.service';
import { ExportsService } from './exports.service';
import { OutcomeRecordService } from './outcome-record.service';
import { ArchiveController, ExportsController, PublicResultsController } from './outcomes.controller';

/** Exports, sealing and the archive. */
@Module({
  imports: [SessionsModule],
  controllers: [ExportsController, ArchiveController, PublicResultsController],
  providers: [OutcomeRecordService, ExportsService, ArchiveService],
  exports: [OutcomeRecordService],
})
export class OutcomesModule {}
