import { Injectable } from '@nestjs/common';
import type { CommandContext } from '../../common/commands/command-runner';
import { OnCommand } from '../../common/commands/on-command';
import { ActivitiesService } from './activities.service';
import { ParticipantsService } from './participants.service';
import { SessionsService } from './sessions.service';

@Injectable()
export class SessionsCommands {
  constructor(
    private readonly sessions: SessionsService,
    private readonly activities: ActivitiesService,
    private readonly participants: ParticipantsService,
  ) {}

  @OnCommand('session.transition')
  transition({ tx, actor, payload }: CommandContext<'session.transition'>) {
    return this.sessions.transition(tx, actor.sessionId, payload.to, actor.participantId);
  }

  @OnCommand('activity.create')
  create({ tx, actor, payload }: CommandContext<'activity.create'>) {
    return this.activities.createActivity(tx, actor, payload);
  }

  @OnCommand('activity.update')
  update({ tx, actor, payload }: CommandContext<'activity.update'>) {
    return this.activities.renameActivity(tx, actor, payload);
  }

  @OnCommand('activity.move')
  move({ tx, actor, payload }: CommandContext<'activity.move'>) {
    return this.activities.moveActivity(tx, actor, payload);
  }

  @OnCommand('participant.revoke')
  revoke({ tx, actor, payload }: CommandContext<'participant.revoke'>) {
    return this.participants.revoke(tx, actor, payload.participantId);
  }

  @OnCommand('participant.merge')
  merge({ tx, actor, payload }: CommandContext<'participant.merge'>) {
    return this.participants.merge(tx, actor, payload.participantId, payload.intoId);
  }

  @OnCommand('participant.confirm')
  confirm({ tx, actor, payload }: CommandContext<'participant.confirm'>) {
    return this.participants.confirm(tx, actor, payload.participantId);
  }

  @OnCommand('activity.delete')
  remove({ tx, actor, payload }: CommandContext<'activity.delete'>) {
    return this.activities.deleteActivity(tx, actor, payload);
  }
}
