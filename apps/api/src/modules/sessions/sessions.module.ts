import { Module } from '@nestjs/common';
import { ActivitiesService } from './activities.service';
import { ParticipantsService } from './participants.service';
import { RosterService } from './roster.service';
import { DuplicatesService } from './duplicates.service';
import { JoinThrottle } from './join-throttle';
import { ScreensService } from './screens.service';
import { PublicJoinController, SessionsController } from './sessions.controller';
import { SessionsGateway } from './sessions.gateway';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController, PublicJoinController],
  providers: [SessionsService, ActivitiesService, RosterService, ParticipantsService, SessionsGateway, JoinThrottle, DuplicatesService, ScreensService],
  exports: [SessionsService, ActivitiesService, ParticipantsService],
})
export class SessionsModule {}
