import { Injectable } from '@nestjs/common';
import type { Ack, CommandName, CommandResult } from '@palabre/contracts';
import { CommandRunner, type CommandHandler } from '../../common/realtime/command-runner';
import type { LiveSocket } from '../../common/realtime/live-socket';
import { OnCommand } from '../../common/realtime/on-command';
import { AttendanceService } from './attendance.service';
import { RoomTimerScheduler } from './room-timer.scheduler';
import { RoomService } from './room.service';

@Injectable()
export class RoomGateway {
  constructor(
    private readonly commands: CommandRunner,
    private readonly room: RoomService,
    private readonly attendance: AttendanceService,
    private readonly scheduler: RoomTimerScheduler,
  ) {}

  @OnCommand('activity.plan')
  plan(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'activity.plan', body, ({ tx, actor, payload }) => this.room.plan(tx, actor, payload));
  }

  @OnCommand('agenda.startNext')
  startNext(s: LiveSocket, body: unknown) {
    return this.timed(s, 'agenda.startNext', body, ({ tx, actor, payload }) => this.room.startNext(tx, actor, payload));
  }

  @OnCommand('activity.start')
  start(s: LiveSocket, body: unknown) {
    return this.timed(s, 'activity.start', body, ({ tx, actor, payload }) => this.room.start(tx, actor, payload));
  }

  @OnCommand('activity.open')
  open(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'activity.open', body, ({ tx, actor, payload }) => this.room.open(tx, actor, payload.activityId));
  }

  @OnCommand('activity.close')
  close(s: LiveSocket, body: unknown) {
    return this.timed(s, 'activity.close', body, ({ tx, actor, payload }) => this.room.close(tx, actor, payload.activityId));
  }

  @OnCommand('timer.extend')
  extend(s: LiveSocket, body: unknown) {
    return this.timed(s, 'timer.extend', body, ({ tx, actor, payload }) => this.room.extend(tx, actor, payload.seconds));
  }

  @OnCommand('timer.pause')
  pause(s: LiveSocket, body: unknown) {
    return this.timed(s, 'timer.pause', body, ({ tx, actor }) => this.room.pause(tx, actor));
  }

  @OnCommand('timer.resume')
  resume(s: LiveSocket, body: unknown) {
    return this.timed(s, 'timer.resume', body, ({ tx, actor }) => this.room.resume(tx, actor));
  }

  @OnCommand('screen.show')
  show(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'screen.show', body, ({ tx, actor, payload }) => this.room.showScreen(tx, actor, payload.screen));
  }

  @OnCommand('room.setQuorum')
  setQuorum(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'room.setQuorum', body, ({ tx, actor, payload }) => this.room.setQuorum(tx, actor, payload.quorumPercent));
  }

  @OnCommand('presence.confirm')
  confirm(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'presence.confirm', body, ({ tx, actor }) => this.attendance.confirm(tx, actor));
  }

  /** Commands that change a countdown re-arm this node's scheduler once committed. */
  private async timed<C extends CommandName>(s: LiveSocket, name: C, body: unknown, handler: CommandHandler<C>): Promise<Ack<CommandResult<C>>> {
    const ack = await this.commands.run(s, name, body, handler);
    if (ack.ok) await this.scheduler.arm(s.data.actor.sessionId).catch(() => undefined);
    return ack;
  }
}
