import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutcomeSection, type OutcomeSectionInput } from '@palabre/contracts';

/**
 * What a feature contributes to the outcomes of a session: one section per activity it owns.
 * Must be deterministic for the same rows (sort everything, no clock, no random): sealing
 * hashes the result and verification rebuilds it from the live tables. Read with `manager` only.
 */
export type OutcomeContributor = (sessionId: string, manager: EntityManager) => Promise<OutcomeSectionInput[]>;

/** Feature modules register here in `onModuleInit`; every export and the archive render what they return. */
@Injectable()
export class OutcomeRegistry {
  private readonly contributors = new Map<string, OutcomeContributor>();

  register(feature: string, contributor: OutcomeContributor): void {
    this.contributors.set(feature, contributor);
  }

  unregister(feature: string): void {
    this.contributors.delete(feature);
  }

  /** Every section, validated against the shared schema (defaults filled in), in feature-name order. */
  async collect(sessionId: string, manager: EntityManager): Promise<OutcomeSection[]> {
    const sections: OutcomeSection[] = [];
    for (const feature of [...this.contributors.keys()].sort()) {
      const parts = await this.contributors.get(feature)!(sessionId, manager);
      for (const part of parts) sections.push(OutcomeSection.parse(part));
    }
    return sections;
  }
}
