import { Injectable } from '@nestjs/common';
import type { ActivityKind } from '@palabre/contracts';
import { AppError } from '../errors/app-error';
import type { Activity } from '../../modules/sessions/activity.entity';
import type { ParticipantActor } from '../auth/actor';
import type { Tx } from './transaction';

/** What a kind of activity does when it is created or removed (its own tables, its own state). */
export interface ActivityKindHandler {
  /** Validates `config` with the kind's schema and creates the kind's rows. Returns the stored config. */
  onCreate(tx: Tx, activity: Activity, config: Record<string, unknown> | undefined, actor: ParticipantActor): Promise<Record<string, unknown>>;
  onDelete?(tx: Tx, activity: Activity): Promise<void>;
}

const PLAIN_ITEM: ActivityKindHandler = {
  async onCreate(_tx, _activity, config) {
    if (config && Object.keys(config).length > 0) throw new AppError('VALIDATION_FAILED', [{ path: 'config', message: 'no settings for this kind' }]);
    return {};
  },
};

@Injectable()
export class ActivityKindRegistry {
  private readonly handlers = new Map<ActivityKind, ActivityKindHandler>();

  register(kind: ActivityKind, handler: ActivityKindHandler): void {
    this.handlers.set(kind, handler);
  }

  /** A kind whose feature has not registered yet is a plain agenda item without settings. */
  get(kind: ActivityKind): ActivityKindHandler {
    return this.handlers.get(kind) ?? PLAIN_ITEM;
  }
}
