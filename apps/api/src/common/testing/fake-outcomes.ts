import { randomUUID } from 'node:crypto';
import { Gender, MemberCategory, OutcomeSection, TerritoryType, type OutcomeExport, type OutcomeSectionInput, type OutcomeParticipant } from '@palabre/contracts';
import { countCells } from '../../modules/outcomes/cells';

/**
 * Test-only contributions standing for what the survey and board features put in the outcomes,
 * so that the record, its documents and the follow-up are tested without running a vote: a
 * ranking survey with its tally table and named raw ballots, and an idea board.
 */
export function fakeSurveySection(activityId: string, voters: string[]): OutcomeSectionInput {
  return {
    schemaVersion: 1,
    activityId,
    kind: 'survey',
    title: 'Priorités des contrats territoriaux',
    anonymity: 'named',
    summary: 'Classement des thèmes par les membres présents.',
    tables: [
      {
        title: 'Sur quels thèmes les contrats 2022-2027 doivent-ils se concentrer ?',
        method: 'Méthode de Borda',
        columns: ['Rang', 'Thème', 'Points'],
        rows: [
          [1, 'Mobilités du quotidien', 412],
          [2, 'Revitalisation des cœurs de ville', 388],
          [3, 'Transition écologique', 301],
        ],
        note: `${voters.length} votants`,
      },
    ],
    raw: [{ title: 'Bulletins', named: true, columns: ['Votant', 'Classement'], rows: voters.map((v) => [v, 'mobilites>coeurs>transition']) }],
    recompute: { question: { type: 'ranking', options: ['mobilites', 'coeurs', 'transition'] }, ballots: voters.map(() => ['mobilites', 'coeurs', 'transition']) },
  };
}

export function fakeBoardSection(activityId: string, author: string): OutcomeSectionInput {
  return {
    schemaVersion: 1,
    activityId,
    kind: 'board',
    title: 'Faire vivre les démarches contractuelles',
    ideas: [
      { id: 'i1', text: 'Créer un guichet unique pour les porteurs de projets', column: 'Animation', supports: 12, comments: 3, author },
      { id: 'i2', text: 'Réunir les élus chaque trimestre', column: 'Gouvernance', supports: 7, comments: 0, author },
    ],
    syntheses: [{ group: 'Solidarités territoriales', text: 'Le groupe demande une ingénierie partagée entre territoires.', author }],
    questions: [{ id: 'q1', text: 'Quel calendrier pour les avenants ?', upvotes: 9, answered: true, answer: 'Avant l’été 2027.', author }],
  };
}

/** A whole export for a plenary of `members` people, without a database (render benchmarks). */
export function fakeExport(members: number): OutcomeExport {
  const participants: OutcomeParticipant[] = Array.from({ length: members }, (_, i) => ({
    id: randomUUID(),
    displayName: `Membre ${i + 1}`,
    role: 'member',
    invited: true,
    perimeter: `Périmètre ${i % 58}`,
    territoryType: TerritoryType.options[i % 4],
    category: MemberCategory.options[i % 2],
    gender: Gender.options[i % 2],
    present: true,
  }));
  const activities = Array.from({ length: 8 }, (_, i) => ({ id: randomUUID(), kind: i % 2 === 0 ? ('survey' as const) : ('board' as const), title: `Atelier ${i + 1} — l’œuvre commune` }));
  const sections = activities.map((a) => {
    const section = a.kind === 'survey' ? fakeSurveySection(a.id, participants.map((p) => p.displayName)) : fakeBoardSection(a.id, 'Membre 1');
    return OutcomeSection.parse({ ...section, title: a.title });
  });
  return {
    schemaVersion: 1,
    session: { id: randomUUID(), title: 'Session plénière — contrats territoriaux', date: '2026-12-03', joinCode: 'OCCITANIE', accessMode: 'roster', assembly: 'Assemblée des Territoires' },
    agenda: activities.map((a, i) => ({ activityId: a.id, kind: a.kind, title: a.title, position: i, state: 'closed', groupId: null, startedAt: '2026-12-03T09:00:00.000Z', endedAt: '2026-12-03T09:40:00.000Z' })),
    attendance: {
      invited: members,
      present: members,
      turnout: 1,
      byRole: { member: members, facilitator: 2, organiser: 1, observer: 1 },
      breakdown: {
        minCell: 5,
        territoryType: countCells(TerritoryType.options, participants.map((p) => p.territoryType)),
        category: countCells(MemberCategory.options, participants.map((p) => p.category)),
        gender: countCells(Gender.options, participants.map((p) => p.gender)),
      },
    },
    participants,
    sections,
    audit: { length: 42, head: 'a'.repeat(64), types: { 'survey.opened': 4 } },
    export: { generatedAt: '2026-12-03T17:00:00.000Z', status: 'final', activityId: null, timeZone: 'Europe/Paris' },
  };
}

/** A deterministic pseudo-random generator (mulberry32), so a failing layout can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An option label of exactly `length` characters, words of French length, distinct per index. */
export function longLabel(i: number, length = 80): string {
  const base = `Option ${i + 1} : renforcer la coopération entre intercommunalités, bourgs-centres et métropoles pour les mobilités du quotidien`;
  return base.slice(0, length).padEnd(length, '.');
}
