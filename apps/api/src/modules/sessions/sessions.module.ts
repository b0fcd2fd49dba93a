import { ActivityKinds } from './activity-kinds';
import { ActivityLifecycle } from './activity-lifecycle';
import { Module } from '@nestjs/common';
import { ActivitiesService } from './activities.service';
import { ParticipantsService } from './participants.service';
import { RosterService } from './roster.service';
import { SessionsController } from './sessions.controller';
import { SessionsCommands } from './sessions.commands';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController],
  providers: [ActivityKinds, ActivityLifecycle, SessionsService, ActivitiesService, RosterService, ParticipantsService, SessionsCommands],
  exports: [ActivityKinds, ActivityLifecycle, SessionsService, ActivitiesService, ParticipantsService],
})
export class SessionsModule {}
