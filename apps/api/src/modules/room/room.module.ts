import { Module, OnModuleInit } from '@nestjs/common';
import { SnapshotRegistry } from '../../common/live/snapshot-registry';
import { SessionsModule } from '../sessions/sessions.module';
import { AttendanceService } from './attendance.service';
import { RoomTimerScheduler } from './room-timer.scheduler';
import { RoomController } from './room.controller';
import { RoomCommands } from './room.commands';
import { RoomService } from './room.service';

/** Running the room: agenda and timers, projector control, presence. */
@Module({
  imports: [SessionsModule],
  controllers: [RoomController],
  providers: [RoomService, RoomTimerScheduler, AttendanceService, RoomCommands],
  exports: [RoomService],
})
export class RoomModule implements OnModuleInit {
  constructor(
    private readonly snapshots: SnapshotRegistry,
    private readonly room: RoomService,
  ) {}

  onModuleInit(): void {
    this.snapshots.register('room', (actor, manager) => this.room.snapshot(actor, manager));
  }
}
