import { Injectable } from '@nestjs/common';
import { CommandRunner } from '../../common/realtime/command-runner';
import type { LiveSocket } from '../../common/realtime/live-socket';
import { OnCommand } from '../../common/realtime/on-command';
import { ActivitiesService } from './activities.service';
import { ParticipantsService } from './participants.service';
import { SessionsService } from './sessions.service';

@Injectable()
export class SessionsGateway {
  constructor(
    private readonly commands: CommandRunner,
    private readonly sessions: SessionsService,
    private readonly activities: ActivitiesService,
    private readonly participants: ParticipantsService,
  ) {}

  @OnCommand('session.transition')
  transition(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'session.transition', body, ({ tx, actor, payload }) => this.sessions.transition(tx, actor.sessionId, payload.to, actor.participantId));
  }

  @OnCommand('activity.create')
  create(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'activity.create', body, ({ tx, actor, payload }) => this.activities.createActivity(tx, actor, payload));
  }

  @OnCommand('activity.update')
  update(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'activity.update', body, ({ tx, actor, payload }) => this.activities.renameActivity(tx, actor, payload));
  }

  @OnCommand('activity.move')
  move(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'activity.move', body, ({ tx, actor, payload }) => this.activities.moveActivity(tx, actor, payload));
  }

  @OnCommand('participant.revoke')
  revoke(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'participant.revoke', body, ({ tx, actor, payload }) => this.participants.revoke(tx, actor, payload.participantId));
  }

  @OnCommand('participant.merge')
  merge(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'participant.merge', body, ({ tx, actor, payload }) => this.participants.merge(tx, actor, payload.participantId, payload.intoId));
  }

  @OnCommand('participant.confirm')
  confirm(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'participant.confirm', body, ({ tx, actor, payload }) => this.participants.confirm(tx, actor, payload.participantId));
  }

  @OnCommand('activity.delete')
  remove(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'activity.delete', body, ({ tx, actor, payload }) => this.activities.deleteActivity(tx, actor, payload));
  }
}
