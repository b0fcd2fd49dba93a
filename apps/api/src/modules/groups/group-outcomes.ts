import { Injectable } from '@nestjs/common';
import type { OutcomeSectionInput, OutcomeSynthesis, SynthesisContent } from '@palabre/contracts';
import type { EntityManager } from 'typeorm';

interface GroupsRow { id: string; title: string }
interface GroupRow { id: string; activity_id: string; name: string; synthesis: SynthesisContent; synthesis_state: string; rapporteur: string | null; members: number }

const STATES: Record<string, string> = { draft: 'Brouillon', submitted: 'Soumise', validated: 'Validée' };

/**
 * The working-group sections of the outcomes: per groups activity, a table of the groups (name,
 * members, synthesis state) and the validated syntheses with their rapporteur as author (the
 * only place a name may appear). Deterministic for the same rows: sealing hashes the result.
 */
@Injectable()
export class GroupOutcomes {
  async sections(sessionId: string, manager: EntityManager): Promise<OutcomeSectionInput[]> {
    const activities: GroupsRow[] = await manager.query(
      `SELECT id, title FROM activity WHERE session_id = $1 AND kind = 'groups' ORDER BY position, id`,
      [sessionId],
    );
    if (activities.length === 0) return [];
    const groups: GroupRow[] = await manager.query(
      `SELECT g.id, g.activity_id, g.name, g.synthesis, g.synthesis_state, r.display_name AS rapporteur,
              (SELECT count(*)::int FROM participant m WHERE m.group_id = g.id AND m.revoked_at IS NULL) AS members
         FROM working_group g LEFT JOIN participant r ON r.id = g.rapporteur_participant_id
        WHERE g.activity_id = ANY($1::uuid[]) ORDER BY g.position, g.id`,
      [activities.map((a) => a.id)],
    );
    return activities.map((a) => {
      const mine = groups.filter((g) => g.activity_id === a.id);
      const syntheses: OutcomeSynthesis[] = mine
        .filter((g) => g.synthesis_state === 'validated')
        .map((g) => ({ group: g.name, text: synthesisText(g.synthesis), author: g.rapporteur }));
      return {
        schemaVersion: 1,
        activityId: a.id,
        kind: 'groups',
        title: a.title,
        summary: `${mine.length} groupe${mine.length > 1 ? 's' : ''} de travail, ${syntheses.length} synthèse${syntheses.length > 1 ? 's' : ''} validée${syntheses.length > 1 ? 's' : ''}.`,
        tables: [{ title: 'Groupes de travail', method: null, columns: ['Groupe', 'Membres', 'Rapporteur désigné', 'Synthèse'], rows: mine.map((g) => [g.name, g.members, g.rapporteur !== null, STATES[g.synthesis_state] ?? g.synthesis_state]), note: null }],
        syntheses,
      } satisfies OutcomeSectionInput;
    });
  }
}

/** The three parts of a synthesis as one text, in the order of the minutes. */
export function synthesisText(s: SynthesisContent): string {
  const parts: string[] = [];
  if (s.findings.trim()) parts.push(`Constats : ${s.findings.trim()}`);
  if (s.proposals.length > 0) parts.push(`Propositions : ${s.proposals.map((p, i) => `${i + 1}. ${p}`).join(' ; ')}`);
  if (s.disagreements.trim()) parts.push(`Points de désaccord : ${s.disagreements.trim()}`);
  return parts.join('\n');
}
