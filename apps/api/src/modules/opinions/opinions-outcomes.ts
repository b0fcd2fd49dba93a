import { Injectable } from '@nestjs/common';
import type { OutcomeSectionInput, OutcomeTable } from '@palabre/contracts';
import { OPINION_MAP_DEFAULTS } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import { computeMap } from './opinions-map';
import { opinionsRepository } from './opinions.repository';

const percent = (share: number) => Math.round(share * 1000) / 10;
const DIRECTION = { agree: 'D’accord', disagree: 'Pas d’accord' } as const;
const LENS = { category: 'Élu·e·s / citoyen·ne·s', gender: 'Genre', territoryType: 'Type de territoire', presence: 'Salle / à distance' } as const;
const groupName = (index: number) => `Groupe ${String.fromCharCode(65 + index)}`;

/**
 * The opinion-map sections of the outcomes: groups with their representative statements,
 * consensus and divisive statements, the consensus across the assembly's categories, and the
 * answer matrix with pseudonymous ids (`raw`, `recompute`) so anyone can recompute the map with
 * libs/domain `opinionMap`. Deterministic for the same rows: sealing hashes the result.
 */
@Injectable()
export class OpinionsOutcomes {
  async sections(sessionId: string, manager: EntityManager): Promise<OutcomeSectionInput[]> {
    const activities = await opinionsRepository.titledActivitiesOf(manager, sessionId);
    const sections: OutcomeSectionInput[] = [];
    for (const a of activities) {
      const statements = await opinionsRepository.visibleStatements(manager, a.id);
      const textOf = new Map(statements.map((s) => [s.id, s.text]));
      const { map, answers, config } = await computeMap(manager, a.id);
      const groupsColumns = map.groups.map((g) => groupName(g.index));
      const tables: OutcomeTable[] = [
        {
          title: 'Groupes d’opinion',
          method: 'Analyse en composantes principales et k-moyennes (silhouette)',
          columns: ['Groupe', 'Membres', 'Affirmations représentatives'],
          rows: map.groups.map((g) => [
            groupName(g.index),
            g.size,
            g.representative.map((r) => `${DIRECTION[r.direction]} : ${textOf.get(r.statementId) ?? r.statementId} (${percent(r.share)} % contre ${percent(r.othersShare)} % des autres)`).join(' ; '),
          ]),
          note: `${map.members} membres placés, ${map.answers} réponses`,
          figures: [{ label: 'Silhouette', value: map.silhouette }],
          chart: null,
        },
        {
          title: 'Affirmations consensuelles',
          method: `Au moins ${percent(config.consensusThreshold)} % dans chaque groupe et dans l’ensemble`,
          columns: ['Affirmation', 'Sens', 'Ensemble (%)', ...groupsColumns.map((g) => `${g} (%)`)],
          rows: map.consensus.map((c) => [textOf.get(c.statementId) ?? c.statementId, DIRECTION[c.direction], percent(c.share), ...c.groupShares.map(percent)]),
          note: null,
          figures: [],
          chart: null,
        },
        {
          title: 'Affirmations clivantes',
          method: 'Écart des soldes (d’accord − pas d’accord) entre groupes',
          columns: ['Affirmation', 'Écart', ...groupsColumns.map((g) => `${g} (solde)`)],
          rows: map.divisive.map((d) => [textOf.get(d.statementId) ?? d.statementId, d.spread, ...d.groupNet]),
          note: null,
          figures: [],
          chart: null,
        },
        ...map.lenses.filter((l) => l.comparable).map((l): OutcomeTable => {
          const shown = l.cells.filter((c) => !c.hidden);
          return {
            title: `Consensus par catégorie : ${LENS[l.dimension]}`,
            method: `Au moins ${percent(config.consensusThreshold)} % dans chaque catégorie (catégories de moins de ${OPINION_MAP_DEFAULTS.minCell} membres masquées)`,
            columns: ['Affirmation', 'Sens', ...shown.map((c) => `${c.value} (%)`)],
            rows: l.consensus.map((c) => [textOf.get(c.statementId) ?? c.statementId, DIRECTION[c.direction], ...c.cellShares.map(percent)]),
            note: l.cells.map((c) => `${c.value} : ${c.hidden ? (c.members ?? 'masqué') : c.members}`).join(', '),
            figures: [],
            chart: null,
          };
        }),
      ];
      const rows = answers
        .map((x) => [x.memberId, x.statementId, x.vote] as [string, string, string])
        .sort((x, y) => compare(x[0], y[0]) || compare(x[1], y[1]));
      sections.push({
        schemaVersion: 1,
        activityId: a.id,
        kind: 'opinions',
        title: a.title,
        anonymity: null,
        summary: `${statements.length} affirmation${statements.length > 1 ? 's' : ''}, ${map.members} membre${map.members > 1 ? 's' : ''} placé${map.members > 1 ? 's' : ''} en ${map.groups.length} groupe${map.groups.length > 1 ? 's' : ''} ; ${map.consensus.length} affirmation${map.consensus.length > 1 ? 's' : ''} consensuelle${map.consensus.length > 1 ? 's' : ''}, ${map.divisive.length} clivante${map.divisive.length > 1 ? 's' : ''}.`,
        tables,
        raw: [{ title: 'Réponses (pseudonymes)', named: false, columns: ['Membre (pseudonyme)', 'Affirmation', 'Réponse'], rows }],
        recompute: {
          method: 'opinionMap',
          options: { consensusThreshold: config.consensusThreshold },
          statements: statements.map((s) => ({ id: s.id, text: s.text })),
          answers: rows.map(([memberId, statementId, vote]) => ({ memberId, statementId, vote })),
        },
      });
    }
    return sections;
  }
}

// Code-point order, not locale order: the same on every server, so the sealed digest is stable.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
