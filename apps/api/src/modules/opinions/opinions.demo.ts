import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { OpinionVote } from '@palabre/contracts';
import { seededRandom } from '@palabre/domain';
import { TransactionRunner } from '../../common/db/transaction';
import type { DemoSeeder } from '../../seed/seeders';
import { ActivitiesService } from '../sessions/activities.service';
import { demoFacilitator } from '../sessions/sessions.demo';
import { OpinionsMapBroadcaster } from './opinions-map.broadcaster';
import { opinionsRepository } from './opinions.repository';
import { OpinionsService } from './opinions.service';

export const DEMO_OPINIONS_TITLE = 'Carte des opinions — faire vivre les contrats';

/**
 * How each camp answers each idea of the Atelier 2 board (share agreeing, share disagreeing; the
 * rest pass). Camp « participation » leans citizen, camp « ingénierie » leans élu; three ideas
 * unite everybody, so the projector has consensus statements to show.
 */
const STANCES: Record<string, { participation: [number, number]; ingenierie: [number, number] }> = {
  'Simplifier les dossiers de demande de subvention': { participation: [0.9, 0.05], ingenierie: [0.95, 0.03] },
  'Financer un poste de chargé de mission dans chaque territoire de projet': { participation: [0.8, 0.1], ingenierie: [0.88, 0.06] },
  'Des indicateurs simples et partagés dès la signature': { participation: [0.85, 0.05], ingenierie: [0.75, 0.12] },
  'Un comité de suivi par contrat, ouvert aux citoyens': { participation: [0.92, 0.04], ingenierie: [0.2, 0.7] },
  'Une évaluation à mi-parcours avec les habitants': { participation: [0.85, 0.08], ingenierie: [0.25, 0.6] },
  'Réserver une part des crédits aux projets portés par des associations': { participation: [0.8, 0.1], ingenierie: [0.15, 0.75] },
  'Un fonds d’amorçage pour les petites communes': { participation: [0.45, 0.35], ingenierie: [0.92, 0.04] },
  'Une conférence territoriale annuelle par bassin de vie': { participation: [0.2, 0.65], ingenierie: [0.8, 0.1] },
  'Associer les conseils de développement à chaque revue de projet': { participation: [0.75, 0.1], ingenierie: [0.4, 0.4] },
  'Des rencontres entre territoires pour partager les réussites': { participation: [0.6, 0.15], ingenierie: [0.65, 0.15] },
  'Une lettre d’information trimestrielle sur les projets soutenus': { participation: [0.4, 0.3], ingenierie: [0.35, 0.35] },
  'Publier une carte des projets financés': { participation: [0.8, 0.05], ingenierie: [0.5, 0.25] },
};

/** Members who answered before the plenary reached the map: enough for groups, consensus and every lens. */
const ANSWERING = 90;

/**
 * The opinion map fed by the Atelier 2 board: every idea promoted to a statement (the same use case
 * as the console's « Reprendre des idées »), answers from 90 demo members, the map computed. The
 * map waits as a draft after the morning's Q&A; launching it shows the groups and consensus at once.
 */
export const seedOpinionsDemo: DemoSeeder = async (app: INestApplication, ctx) => {
  const actor = await demoFacilitator(app, ctx.facilitatorAccountId, ctx.sessionId);
  const activityId = await app.get(TransactionRunner).run(async (tx) => {
    const activity = await app.get(ActivitiesService).createActivity(tx, actor, { opId: randomUUID(), kind: 'opinions', title: DEMO_OPINIONS_TITLE, config: { consensusThreshold: 0.6, memberStatements: 'pre' } });
    const ideaIds = await opinionsRepository.demoIdeas(tx.manager, ctx.sessionId);
    if (ideaIds.length === 0) return activity.id;
    const statements = await app.get(OpinionsService).promote(tx, actor, { opId: randomUUID(), activityId: activity.id, ideaIds });
    const members = await opinionsRepository.demoMembers(tx.manager, ctx.sessionId, ANSWERING);
    const random = seededRandom(2023);
    const rows: { statement: string; participant: string; vote: OpinionVote }[] = [];
    for (const member of members) {
      const camp = random() < (member.category === 'citoyen' ? 0.75 : 0.3) ? 'participation' : 'ingenierie';
      for (const statement of statements) {
        const stance = STANCES[statement.text];
        // Most members answered most statements, not all.
        if (!stance || random() < 0.1) continue;
        const [agree, disagree] = stance[camp];
        const draw = random();
        rows.push({ statement: statement.id, participant: member.id, vote: draw < agree ? 'agree' : draw < agree + disagree ? 'disagree' : 'pass' });
      }
    }
    await opinionsRepository.insertDemoAnswers(tx.manager, activity.id, rows);
    return activity.id;
  });
  await app.get(OpinionsMapBroadcaster).recompute(activityId);
};
