import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ParticipantActor } from '../auth/actor';

export type SnapshotContributor = (actor: ParticipantActor, manager: EntityManager) => Promise<unknown>;

/** Feature modules add their part of the session snapshot here (keyed by feature name). */
@Injectable()
export class SnapshotRegistry {
  private readonly contributors = new Map<string, SnapshotContributor>();

  register(feature: string, contributor: SnapshotContributor): void {
    this.contributors.set(feature, contributor);
  }

  async collect(actor: ParticipantActor, manager: EntityManager): Promise<Record<string, unknown>> {
    const parts: Record<string, unknown> = {};
    for (const [feature, contributor] of this.contributors) parts[feature] = await contributor(actor, manager);
    return parts;
  }
}
