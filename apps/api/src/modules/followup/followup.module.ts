import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { FollowUpController, FollowUpSubscriptionController, PublicFollowUpController } from './followup.controller';
import { FollowUpService } from './followup.service';
import { FollowUpMailer } from './mailer';
import { FollowUpReport } from './report';

/** « Droit de suite »: recommendations from sealed sessions, the Region's answers, their public tracking. */
@Module({
  imports: [SessionsModule],
  controllers: [FollowUpController, PublicFollowUpController, FollowUpSubscriptionController],
  providers: [FollowUpService, FollowUpMailer, FollowUpReport],
})
export class FollowUpModule {}
