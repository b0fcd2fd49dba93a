import { createHash } from 'node:crypto';
import { OpinionsConfig, type OpinionMapView } from '@palabre/contracts';
import { opinionMap, unpackOpinionAnswers, type OpinionAnswer as DomainAnswer, type OpinionMap, type PackedOpinionAnswers, type PackedOpinionMember } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import { parseWith } from '../../common/validation';
import { opinionsRepository } from './opinions.repository';

/**
 * A member's pseudonym in an opinion map: stable for the map, unlinkable to other maps or to the
 * roster. The map is computed on pseudonyms, so the export's answers replay to the same JSON.
 */
export function pseudonym(activityId: string, participantId: string): string {
  return `m-${createHash('sha256').update(`${activityId}:${participantId}`).digest('hex').slice(0, 12)}`;
}

/**
 * The answers the map counts (those to statements still visible) in libs/domain's packed form, by
 * pseudonym, and who each pseudonym is. One query (`opinionsRepository.mapInputs`), so one
 * snapshot: the visible statements by position, and one entry per member who answered one of them,
 * with its profile and its votes packed into one string (the statement's position, then the vote's
 * first letter; in no particular order, which lets PostgreSQL aggregate by hash: the map does not
 * depend on the answers' order).
 * About 250 small objects for an assembly's 100,000 answers: the API's event loop reads them at
 * once, and the worker thread unpacks them (the seal's `computeMap` unpacks the same form).
 */
export async function mapInputs(manager: EntityManager, activityId: string): Promise<{ packed: PackedOpinionAnswers; participantOf: Map<string, string>; config: OpinionsConfig }> {
  const row = await opinionsRepository.mapInputs(manager, activityId);
  const participantOf = new Map<string, string>();
  const members = row.members.map((m): PackedOpinionMember => {
    const memberId = pseudonym(activityId, m.participantId);
    participantOf.set(memberId, m.participantId);
    // Room or remote is not recorded by Palabre: that lens stays empty (decisions, "Opinion maps").
    return { memberId, profile: { category: m.category, gender: m.gender, territoryType: m.territoryType, presence: null }, votes: m.votes };
  });
  return { packed: { statements: row.statements, members }, participantOf, config: parseWith(OpinionsConfig, row.config ?? {}) };
}

/** The map of an activity's current answers (deterministic: the seal and the replay rely on it), and those answers. */
export async function computeMap(manager: EntityManager, activityId: string): Promise<{ map: OpinionMap; answers: DomainAnswer[]; participantOf: Map<string, string>; config: OpinionsConfig }> {
  const { packed, participantOf, config } = await mapInputs(manager, activityId);
  const { answers, profiles } = unpackOpinionAnswers(packed);
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
