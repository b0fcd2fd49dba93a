import { OPINION_AGREEMENTS_LIMITS, type OpinionAgreements } from '@palabre/contracts';

/** What `opinionAgreements` reads of a map: libs/domain's `OpinionMap` and the contracts' `OpinionMapView` both fit. */
export interface AgreementsSource {
  members: number;
  groups: readonly { index: number; size: number; representative: readonly { statementId: string; direction: 'agree' | 'disagree'; share: number }[] }[];
  consensus: readonly { statementId: string; direction: 'agree' | 'disagree'; share: number; groupShares: readonly number[] }[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byShareThenId = (a: { statementId: string; share: number }, b: { statementId: string; share: number }) => b.share - a.share || byId(a.statementId, b.statementId);

/**
 * What the phones show of a map, small whatever its size: per opinion group, the statements it
 * agrees with most — its representative statements in the agree direction and the consensus
 * statements it agrees with, each once at its highest share — and the strongest consensus
 * statements of the assembly. Highest share first, ties broken by statement id: the same map gives
 * the same JSON. Ids only: the phone has the statements' text.
 */
export function opinionAgreements(map: AgreementsSource, limits: { perGroup: number; consensus: number } = OPINION_AGREEMENTS_LIMITS): OpinionAgreements {
  const groups = map.groups.map((group, position) => {
    const shares = new Map<string, number>();
    for (const r of group.representative) if (r.direction === 'agree') shares.set(r.statementId, r.share);
    for (const c of map.consensus) {
      // groupShares is in group order: the group's position in `groups`.
      const share = c.groupShares[position];
      if (c.direction === 'agree' && share !== undefined) shares.set(c.statementId, Math.max(share, shares.get(c.statementId) ?? 0));
    }
    const agreesMost = [...shares].map(([statementId, share]) => ({ statementId, share })).sort(byShareThenId).slice(0, limits.perGroup);
    return { index: group.index, size: group.size, agreesMost };
  });
  const consensus = map.consensus
    .map((c) => ({ statementId: c.statementId, direction: c.direction, share: c.share }))
    .sort(byShareThenId)
    .slice(0, limits.consensus);
  return { members: map.members, groups, consensus };
}
