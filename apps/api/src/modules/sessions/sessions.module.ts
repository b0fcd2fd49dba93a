import { ActivityKinds } from './activity-kinds';
import { ActivityLifecycle } from './activity-lifecycle';
import { Module } from '@nestjs/common';
import { ActivitiesService } from './activities.service';
import { ParticipantsService } from './participants.service';
import { RosterService } from './roster.service';
import { DuplicatesService } from './duplicates.service';
import { JoinThrottle } from './join-throttle';
import { ScreensService } from './screens.service';
import { PublicJoinController, SessionsController } from './sessions.controller';
import { SessionsCommands } from './sessions.commands';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController, PublicJoinController],
  providers: [ActivityKinds, ActivityLifecycle, SessionsService, ActivitiesService, RosterService, ParticipantsService, SessionsCommands, JoinThrottle, DuplicatesService, ScreensService],
  exports: [ActivityKinds, ActivityLifecycle, SessionsService, ActivitiesService, ParticipantsService],
})
export class SessionsModule {}
