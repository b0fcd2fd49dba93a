import { Injectable } from '@nestjs/common';
import type { OutcomeSectionInput, OutcomeTable } from '@palabre/contracts';
import type { EntityManager } from 'typeorm';
import { floorRepository, type PresentRow } from './floor.repository';

const GENDERS: [string | null, string][] = [['femme', 'Femmes'], ['homme', 'Hommes'], ['autre', 'Autre'], [null, 'Non renseigné']];
const CATEGORIES: [string | null, string][] = [['elu', 'Élus'], ['citoyen', 'Citoyens'], [null, 'Non renseigné']];
const TYPES: [string | null, string][] = [
  ['metropole', 'Métropoles'],
  ['agglomeration', 'Agglomérations'],
  ['territoire_projet', 'Territoires de projet'],
  ['bourg_centre', 'Bourgs-centres'],
  [null, 'Non renseigné'],
];

const COLUMNS = ['Groupe', 'Demandes', 'Interventions', 'Temps de parole (min)', 'Part du temps (%)', 'Part des demandes (%)', 'Part des présents (%)'];

/** Shares to one decimal, as the minutes print them; null when there is nothing to share. */
function share(part: number, total: number): number | null {
  return total === 0 ? null : Math.round((1000 * part) / total) / 10;
}

/**
 * The fairness report of each speakers' list: speaking time and interventions by gender,
 * category, territory type and room / remote, against their share of requests and of the members
 * present; then the facilitators' overrides. Deterministic for the same rows (the seal hashes it).
 */
@Injectable()
export class FloorOutcomes {
  async sections(sessionId: string, manager: EntityManager): Promise<OutcomeSectionInput[]> {
    const lists = await floorRepository.outcomeLists(manager, sessionId);
    if (lists.length === 0) return [];
    const listIds = lists.map((list) => list.id);
    const requests = await floorRepository.outcomeRequests(manager, listIds);
    const present = await floorRepository.presentMembers(manager, sessionId);
    const overrides = await floorRepository.overrides(manager, listIds);
    return lists.map((list) => {
      const mine = requests.filter((r) => r.activity_id === list.id);
      const heard = mine.filter((r) => r.heard_rank !== null);
      const totalMs = heard.reduce((s, r) => s + Number(r.spoken_ms), 0);
      const table = (title: string, groups: [string | null, string][], key: (r: PresentRow & { remote?: boolean }) => string | null, withPresent: boolean): OutcomeTable => ({
        title,
        method: null,
        columns: COLUMNS,
        rows: groups
          .map(([value, label]) => {
            const req = mine.filter((r) => key(r) === value);
            const spoke = heard.filter((r) => key(r) === value);
            const ms = spoke.reduce((s, r) => s + Number(r.spoken_ms), 0);
            return [
              label,
              req.length,
              spoke.length,
              Math.round(ms / 6000) / 10,
              share(ms, totalMs),
              share(req.length, mine.length),
              withPresent ? share(present.filter((p) => key(p) === value).length, present.length) : null,
            ];
          })
          .filter((row) => row[1] !== 0 || (row[6] !== null && row[6] !== 0)),
        note: null,
        figures: [],
        chart: null,
      });
      const tables: OutcomeTable[] = [
        table('Par genre', GENDERS, (r) => r.gender, true),
        table('Par collège', CATEGORIES, (r) => r.category, true),
        table('Par type de territoire', TYPES, (r) => r.territory_type, true),
        table('En salle et à distance', [['room', 'En salle'], ['remote', 'À distance']], (r) => (r.remote ? 'remote' : 'room'), false),
      ];
      const mineOverrides = overrides.filter((o) => o.activity_id === list.id);
      tables.push({
        title: 'Interventions de la présidence de séance sur l’ordre',
        method: null,
        columns: ['N°', 'Décision', 'Orateur', 'Position', 'Par'],
        rows: mineOverrides.map((o, i) => [i + 1, o.kind === 'move' ? 'Déplacé' : 'Parole donnée hors rang', o.name, o.position, o.author]),
        note: mineOverrides.length === 0 ? 'Aucune : l’ordre de la règle a été suivi.' : null,
        figures: [],
        chart: null,
      });
      const minutes = Math.round(totalMs / 6000) / 10;
      return {
        schemaVersion: 1,
        activityId: list.id,
        kind: 'floor',
        title: list.title,
        summary: `${mine.length} demande${mine.length > 1 ? 's' : ''} de parole, ${heard.length} intervention${heard.length > 1 ? 's' : ''}, ${minutes} min de temps de parole ; ${mineOverrides.length} dérogation${mineOverrides.length > 1 ? 's' : ''} à l’ordre équilibré.`,
        tables,
        raw: [
          {
            title: 'Orateurs, dans l’ordre de parole',
            named: true,
            columns: ['Rang', 'Orateur', 'Genre', 'Collège', 'Type de territoire', 'À distance', 'Temps de parole (s)'],
            rows: [...heard]
              .sort((a, b) => (a.heard_rank ?? 0) - (b.heard_rank ?? 0))
              .map((r) => [r.heard_rank, r.name, r.gender, r.category, r.territory_type, r.remote, Math.round(Number(r.spoken_ms) / 1000)]),
          },
        ],
      } satisfies OutcomeSectionInput;
    });
  }
}
