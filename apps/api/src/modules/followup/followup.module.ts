import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { FollowUpController, FollowUpLinksController, FollowUpSubscriptionController, PublicFollowUpController } from './followup.controller';
import { FollowUpService } from './followup.service';
import { FollowUpMailer } from './followup-mailer';
import { FollowUpReport } from './followup-report';

/** « Droit de suite »: recommendations from sealed sessions, the Region's answers, their public tracking. */
@Module({
  imports: [SessionsModule],
  controllers: [FollowUpController, PublicFollowUpController, FollowUpSubscriptionController, FollowUpLinksController],
  providers: [FollowUpService, FollowUpMailer, FollowUpReport],
})
export class FollowUpModule {}
