import { ActivityKinds } from './activity-kinds';
import { ActivityLifecycle } from './activity-lifecycle';
import { Module } from '@nestjs/common';
import { ActivitiesService } from './activities.service';
import { ParticipantsService } from './participants.service';
import { RosterService } from './roster.service';
import { SessionsController } from './sessions.controller';
import { SessionsGateway } from './sessions.gateway';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController],
  providers: [ActivityKinds, ActivityLifecycle, SessionsService, ActivitiesService, RosterService, ParticipantsService, SessionsGateway],
  exports: [ActivityKinds, ActivityLifecycle, SessionsService, ActivitiesService, ParticipantsService],
})
export class SessionsModule {}
