import { Module } from '@nestjs/common';
import { ActivitiesService } from './activities.service';
import { RosterService } from './roster.service';
import { SessionsController } from './sessions.controller';
import { SessionsGateway } from './sessions.gateway';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController],
  providers: [SessionsService, ActivitiesService, RosterService, SessionsGateway],
  exports: [SessionsService, ActivitiesService],
})
export class SessionsModule {}
