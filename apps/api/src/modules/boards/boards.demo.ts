import type { INestApplication } from '@nestjs/common';
import type { BoardConfigInput } from '@palabre/contracts';
import { TransactionRunner } from '../../common/db/transaction';
import type { DemoSeeder } from '../../seed/seeders';
import { ActivitiesService } from '../sessions/activities.service';
import type { Idea } from './board.entities';
import { boardsRepository } from './boards.repository';
import { demoFacilitator } from '../sessions/sessions.demo';

const CONFIG: BoardConfigInput = {
  columns: [{ title: 'Gouvernance' }, { title: 'Financement' }, { title: 'Animation' }, { title: 'Évaluation' }],
  moderation: 'post',
  supportMode: 'single',
  // Joined « with the code and any name » (README): everyone present may support, as a facilitator chooses it.
  supportEligibility: 'present',
};

/** column, title, body, number of supporters */
const IDEAS: [string, string, string, number][] = [
  ['gouvernance', 'Un comité de suivi par contrat, ouvert aux citoyens', 'Élus, techniciens et habitants tirés au sort, réunis deux fois par an pour faire le point.', 9],
  ['gouvernance', 'Associer les conseils de développement à chaque revue de projet', '', 6],
  ['gouvernance', 'Une conférence territoriale annuelle par bassin de vie', 'Pour présenter les avancées et réajuster les priorités.', 4],
  ['financement', 'Un fonds d’amorçage pour les petites communes', 'Les bourgs-centres n’ont pas l’ingénierie pour monter les dossiers : avancer 20 % des montants.', 11],
  ['financement', 'Simplifier les dossiers de demande de subvention', 'Un dossier unique Région / Département / État.', 8],
  ['financement', 'Réserver une part des crédits aux projets portés par des associations', '', 3],
  ['animation', 'Financer un poste de chargé de mission dans chaque territoire de projet', 'Sans animateur, les contrats restent sur le papier.', 10],
  ['animation', 'Des rencontres entre territoires pour partager les réussites', 'Visites de terrain, « vis ma vie » d’élu.', 5],
  ['animation', 'Une lettre d’information trimestrielle sur les projets soutenus', '', 2],
  ['evaluation', 'Des indicateurs simples et partagés dès la signature', 'Trois ou quatre indicateurs par contrat, suivis publiquement.', 7],
  ['evaluation', 'Une évaluation à mi-parcours avec les habitants', '', 4],
  ['evaluation', 'Publier une carte des projets financés', 'Accessible à tous, mise à jour chaque trimestre.', 6],
];

const COMMENTS: [number, string][] = [
  [0, 'Le tirage au sort a bien marché pour notre conseil de développement.'],
  [3, 'Indispensable pour les communes de moins de 2 000 habitants.'],
  [6, 'Mutualisé entre deux EPCI si besoin ?'],
];

/** Workshop 2: the « faire vivre les contrats » board, open, with a dozen ideas from demo members. */
export const seedBoardsDemo: DemoSeeder = async (app: INestApplication, ctx) => {
  const actor = await demoFacilitator(app, ctx.facilitatorAccountId, ctx.sessionId);
  await app.get(TransactionRunner).run(async (tx) => {
    const activity = await app.get(ActivitiesService).createActivity(tx, actor, {
      opId: '00000000-0000-4000-8000-000000000002',
      kind: 'board',
      title: 'Atelier 2 — Comment faire vivre ces démarches contractuelles ?',
      config: CONFIG as Record<string, unknown>,
    });
    await boardsRepository.setActivityState(tx.manager, activity.id, 'open');
    const members = await boardsRepository.members(tx.manager, ctx.sessionId, 40);
    if (members.length === 0) return;
    const ideas: Idea[] = [];
    for (const [index, [columnId, title, body]] of IDEAS.entries()) {
      const idea = await boardsRepository.createIdea(tx.manager, {
        activityId: activity.id,
        sessionId: ctx.sessionId,
        columnId,
        authorId: members[(index * 3) % members.length].id,
        title,
        body,
        status: 'visible',
        pinned: index === 3,
        staffActed: index === 3,
      });
      ideas.push(idea);
    }
    const supports = IDEAS.flatMap(([, , , count], index) =>
      Array.from({ length: Math.min(count, members.length) }, (_, k) => ({ ideaId: ideas[index].id, activityId: activity.id, participantId: members[(index + k * 2) % members.length].id, dots: 1 })),
    );
    const unique = [...new Map(supports.map((support) => [`${support.ideaId}:${support.participantId}`, support])).values()];
    await boardsRepository.insertSupports(tx.manager, unique);
    for (const [k, [ideaIndex, body]] of COMMENTS.entries()) {
      await boardsRepository.insertComment(tx.manager, { ideaId: ideas[ideaIndex].id, activityId: activity.id, authorId: members[(k * 7 + 5) % members.length].id, body });
    }
  });
};
