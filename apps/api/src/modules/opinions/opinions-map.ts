import { createHash } from 'node:crypto';
import { OpinionsConfig, type OpinionMapView, type OpinionVote } from '@palabre/contracts';
import { opinionMap, type OpinionAnswer as DomainAnswer, type OpinionMap, type OpinionMemberProfile } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import { parseWith } from '../../common/validation';

/**
 * A member's pseudonym in an opinion map: stable for the map, unlinkable to other maps or to the
 * roster. The map is computed on pseudonyms, so the export's answers replay to the same JSON.
 */
export function pseudonym(activityId: string, participantId: string): string {
  return `m-${createHash('sha256').update(`${activityId}:${participantId}`).digest('hex').slice(0, 12)}`;
}

/** The answers the map counts (those to statements still visible), by pseudonym, and who each pseudonym is. */
export async function mapInputs(
  manager: EntityManager,
  activityId: string,
): Promise<{ answers: DomainAnswer[]; profiles: Map<string, OpinionMemberProfile>; participantOf: Map<string, string>; config: OpinionsConfig }> {
  const config: { config: unknown }[] = await manager.query('SELECT config FROM activity WHERE id = $1', [activityId]);
  const rows: { participant_id: string; statement_id: string; vote: OpinionVote; category: string | null; gender: string | null; territory_type: string | null }[] = await manager.query(
    `SELECT a.participant_id, a.statement_id, a.vote, m.category, m.gender, m.territory_type
       FROM opinion_answer a JOIN opinion_statement s ON s.id = a.statement_id
       JOIN participant p ON p.id = a.participant_id LEFT JOIN member m ON m.id = p.member_id
      WHERE a.activity_id = $1 AND s.status = 'visible'`,
    [activityId],
  );
  const profiles = new Map<string, OpinionMemberProfile>();
  const participantOf = new Map<string, string>();
  const pseudonymOf = new Map<string, string>();
  for (const r of rows) {
    if (pseudonymOf.has(r.participant_id)) continue;
    const id = pseudonym(activityId, r.participant_id);
    pseudonymOf.set(r.participant_id, id);
    participantOf.set(id, r.participant_id);
    // Room or remote is not recorded by Palabre: that lens stays empty (decisions, "Opinion maps").
    profiles.set(id, { category: r.category, gender: r.gender, territoryType: r.territory_type, presence: null });
  }
  return {
    answers: rows.map((r) => ({ memberId: pseudonymOf.get(r.participant_id)!, statementId: r.statement_id, vote: r.vote })),
    profiles,
    participantOf,
    config: parseWith(OpinionsConfig, config[0]?.config ?? {}),
  };
}

/** The map of an activity's current answers (deterministic: the seal and the replay rely on it). */
export async function computeMap(manager: EntityManager, activityId: string): Promise<{ map: OpinionMap; answers: DomainAnswer[]; participantOf: Map<string, string>; config: OpinionsConfig }> {
  const { answers, profiles, participantOf, config } = await mapInputs(manager, activityId);
  return { map: opinionMap(answers, profiles, { consensusThreshold: config.consensusThreshold }), answers, participantOf, config };
}

/** What everybody may see: the dots lose their member ids. */
export function publicMap(activityId: string, map: OpinionMap): OpinionMapView {
  return {
    activityId,
    members: map.members,
    answers: map.answers,
    points: map.points.map((p) => ({ x: p.x, y: p.y, group: p.group })),
    groups: map.groups,
    consensus: map.consensus,
    divisive: map.divisive,
    lenses: map.lenses,
    silhouette: map.silhouette,
  };
}
