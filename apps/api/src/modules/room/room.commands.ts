import { Injectable } from '@nestjs/common';
import type { CommandContext } from '../../common/commands/command-runner';
import { OnCommand } from '../../common/commands/on-command';
import { AttendanceService } from './attendance.service';
import { RoomService } from './room.service';

/** Room commands on /live: agenda, countdown, projector, presence. */
@Injectable()
export class RoomCommands {
  constructor(
    private readonly room: RoomService,
    private readonly attendance: AttendanceService,
  ) {}

  @OnCommand('activity.plan')
  plan({ tx, actor, payload }: CommandContext<'activity.plan'>) {
    return this.room.plan(tx, actor, payload);
  }

  @OnCommand('agenda.startNext')
  startNext({ tx, actor, payload }: CommandContext<'agenda.startNext'>) {
    return this.room.startNext(tx, actor, payload);
  }

  @OnCommand('activity.start')
  start({ tx, actor, payload }: CommandContext<'activity.start'>) {
    return this.room.start(tx, actor, payload);
  }

  @OnCommand('activity.open')
  open({ tx, actor, payload }: CommandContext<'activity.open'>) {
    return this.room.open(tx, actor, payload.activityId);
  }

  @OnCommand('activity.close')
  close({ tx, actor, payload }: CommandContext<'activity.close'>) {
    return this.room.close(tx, actor, payload.activityId);
  }

  @OnCommand('timer.extend')
  extend({ tx, actor, payload }: CommandContext<'timer.extend'>) {
    return this.room.extend(tx, actor, payload.seconds);
  }

  @OnCommand('timer.pause')
  pause({ tx, actor }: CommandContext<'timer.pause'>) {
    return this.room.pause(tx, actor);
  }

  @OnCommand('timer.resume')
  resume({ tx, actor }: CommandContext<'timer.resume'>) {
    return this.room.resume(tx, actor);
  }

  @OnCommand('screen.show')
  show({ tx, actor, payload }: CommandContext<'screen.show'>) {
    return this.room.showScreen(tx, actor, payload.screen);
  }

  @OnCommand('room.setQuorum')
  setQuorum({ tx, actor, payload }: CommandContext<'room.setQuorum'>) {
    return this.room.setQuorum(tx, actor, payload.quorumPercent);
  }

  @OnCommand('presence.confirm')
  confirm({ tx, actor }: CommandContext<'presence.confirm'>) {
    return this.attendance.confirm(tx, actor);
  }
}
