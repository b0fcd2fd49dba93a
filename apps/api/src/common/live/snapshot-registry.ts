import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ParticipantActor } from '../auth/actor';

export type SnapshotContributor = (actor: ParticipantActor, manager: EntityManager) => Promise<unknown>;

/**
 * Parts of the session snapshot that belong to no activity kind (the room: agenda, timer, screen),
 * keyed by name. Activity kinds give theirs through their contract (ActivityKinds).
 */
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
