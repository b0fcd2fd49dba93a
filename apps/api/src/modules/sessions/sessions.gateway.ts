import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { CommandRunner } from '../../common/realtime/command-runner';
import type { LiveSocket } from '../../common/realtime/live-socket';
import { ActivitiesService } from './activities.service';
import { ParticipantsService } from './participants.service';
import { SessionsService } from './sessions.service';

@WebSocketGateway({ namespace: '/live' })
export class SessionsGateway {
  constructor(
    private readonly commands: CommandRunner,
    private readonly sessions: SessionsService,
    private readonly activities: ActivitiesService,
    private readonly participants: ParticipantsService,
  ) {}

  @SubscribeMessage('session.transition')
  transition(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'session.transition', body, ({ tx, actor, payload }) => this.sessions.transition(tx, actor.sessionId, payload.to, actor.participantId));
  }

  @SubscribeMessage('activity.create')
  create(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'activity.create', body, ({ tx, actor, payload }) => this.activities.createActivity(tx, actor, payload));
  }

  @SubscribeMessage('activity.update')
  update(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'activity.update', body, ({ tx, actor, payload }) => this.activities.renameActivity(tx, actor, payload));
  }

  @SubscribeMessage('activity.move')
  move(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'activity.move', body, ({ tx, actor, payload }) => this.activities.moveActivity(tx, actor, payload));
  }

  @SubscribeMessage('participant.revoke')
  revoke(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'participant.revoke', body, ({ tx, actor, payload }) => this.participants.revoke(tx, actor, payload.participantId));
  }

  @SubscribeMessage('activity.delete')
  remove(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'activity.delete', body, ({ tx, actor, payload }) => this.activities.deleteActivity(tx, actor, payload));
  }
}
