import { Injectable } from '@nestjs/common';
import type { OutcomeSectionInput, OutcomeSynthesis, SynthesisContent } from '@palabre/contracts';
import type { EntityManager } from 'typeorm';
import { groupsRepository } from './groups.repository';

const STATES: Record<string, string> = { draft: 'Brouillon', submitted: 'Soumise', validated: 'Validée' };

/**
 * The working-group sections of the outcomes: per groups activity, a table of the groups (name,
 * members, synthesis state) and the validated syntheses with their rapporteur as author (the
 * only place a name may appear). Deterministic for the same rows: sealing hashes the result.
 */
@Injectable()
export class GroupOutcomes {
  async sections(sessionId: string, manager: EntityManager): Promise<OutcomeSectionInput[]> {
    const activities = await groupsRepository.outcomeGroupsActivities(manager, sessionId);
    if (activities.length === 0) return [];
    const groups = await groupsRepository.outcomeGroups(manager, activities.map((activity) => activity.id));
    return activities.map((activity) => {
      const mine = groups.filter((group) => group.activity_id === activity.id);
      const syntheses: OutcomeSynthesis[] = mine
        .filter((group) => group.synthesis_state === 'validated')
        .map((group) => ({ group: group.name, text: synthesisText(group.synthesis), author: group.rapporteur }));
      return {
        schemaVersion: 1,
        activityId: activity.id,
        kind: 'groups',
        title: activity.title,
        summary: `${mine.length} groupe${mine.length > 1 ? 's' : ''} de travail, ${syntheses.length} synthèse${syntheses.length > 1 ? 's' : ''} validée${syntheses.length > 1 ? 's' : ''}.`,
        tables: [{ title: 'Groupes de travail', method: null, columns: ['Groupe', 'Membres', 'Rapporteur désigné', 'Synthèse'], rows: mine.map((group) => [group.name, group.members, group.rapporteur !== null, STATES[group.synthesis_state] ?? group.synthesis_state]), note: null }],
        syntheses,
      } satisfies OutcomeSectionInput;
    });
  }
}

/** The three parts of a synthesis as one text, in the order of the minutes. */
export function synthesisText(synthesis: SynthesisContent): string {
  const parts: string[] = [];
  if (synthesis.findings.trim()) parts.push(`Constats : ${synthesis.findings.trim()}`);
  if (synthesis.proposals.length > 0) parts.push(`Propositions : ${synthesis.proposals.map((proposal, index) => `${index + 1}. ${proposal}`).join(' ; ')}`);
  if (synthesis.disagreements.trim()) parts.push(`Points de désaccord : ${synthesis.disagreements.trim()}`);
  return parts.join('\n');
}
