import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Ack, CommandName, CommandResult } from '@palabre/contracts';
import { CommandRunner, type CommandHandler } from '../../common/realtime/command-runner';
import type { LiveSocket } from '../../common/realtime/live-socket';
import { AttendanceService } from './attendance.service';
import { RoomTimerScheduler } from './room-timer.scheduler';
import { RoomService } from './room.service';

@WebSocketGateway({ namespace: '/live' })
export class RoomGateway {
  constructor(
    private readonly commands: CommandRunner,
    private readonly room: RoomService,
    private readonly attendance: AttendanceService,
    private readonly scheduler: RoomTimerScheduler,
  ) {}

  @SubscribeMessage('activity.plan')
  plan(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'activity.plan', body, ({ tx, actor, payload }) => this.room.plan(tx, actor, payload));
  }

  @SubscribeMessage('agenda.startNext')
  startNext(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.timed(s, 'agenda.startNext', body, ({ tx, actor, payload }) => this.room.startNext(tx, actor, payload));
  }

  @SubscribeMessage('activity.start')
  start(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.timed(s, 'activity.start', body, ({ tx, actor, payload }) => this.room.start(tx, actor, payload));
  }

  @SubscribeMessage('activity.open')
  open(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'activity.open', body, ({ tx, actor, payload }) => this.room.open(tx, actor, payload.activityId));
  }

  @SubscribeMessage('activity.close')
  close(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.timed(s, 'activity.close', body, ({ tx, actor, payload }) => this.room.close(tx, actor, payload.activityId));
  }

  @SubscribeMessage('timer.extend')
  extend(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.timed(s, 'timer.extend', body, ({ tx, actor, payload }) => this.room.extend(tx, actor, payload.seconds));
  }

  @SubscribeMessage('timer.pause')
  pause(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.timed(s, 'timer.pause', body, ({ tx, actor }) => this.room.pause(tx, actor));
  }

  @SubscribeMessage('timer.resume')
  resume(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.timed(s, 'timer.resume', body, ({ tx, actor }) => this.room.resume(tx, actor));
  }

  @SubscribeMessage('screen.show')
  show(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'screen.show', body, ({ tx, actor, payload }) => this.room.showScreen(tx, actor, payload.screen));
  }

  @SubscribeMessage('room.setQuorum')
  setQuorum(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'room.setQuorum', body, ({ tx, actor, payload }) => this.room.setQuorum(tx, actor, payload.quorumPercent));
  }

  @SubscribeMessage('presence.confirm')
  confirm(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'presence.confirm', body, ({ tx, actor }) => this.attendance.confirm(tx, actor));
  }

  /** Commands that change a countdown re-arm this node's scheduler once committed. */
  private async timed<C extends CommandName>(s: LiveSocket, name: C, body: unknown, handler: CommandHandler<C>): Promise<Ack<CommandResult<C>>> {
    const ack = await this.commands.run(s, name, body, handler);
    if (ack.ok) await this.scheduler.arm(s.data.actor.sessionId).catch(() => undefined);
    return ack;
  }
}
