import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '../../common/db/transaction';
import type { DemoSeeder } from '../../seed/seeders';
import { ActivitiesService } from '../sessions/activities.service';
import { demoFacilitator } from '../sessions/sessions.demo';

export const ROADMAP_TITLE = 'Feuille de route partagée — mobilités du quotidien';

/** A short roadmap for the demo plenary to amend and adopt live (docs/amendments.md). */
export const ROADMAP = `# Feuille de route partagée\u00a0: mobilités du quotidien
Les territoires de l’Assemblée partagent un constat\u00a0: se déplacer reste difficile hors des métropoles.
Cette feuille de route fixe trois engagements pour les contrats territoriaux 2022-2027.

Premier engagement\u00a0: relier chaque bourg-centre à une gare ou à un pôle d’échanges.
Les contrats financent les lignes de car express et le rabattement vers les gares.
Les horaires sont construits avec les usagers, territoire par territoire.

Deuxième engagement\u00a0: développer le covoiturage et l’autopartage en zone rurale.
Chaque territoire de projet désigne un référent mobilité.
Les aires de covoiturage sont équipées de bornes de recharge.

Troisième engagement\u00a0: sécuriser les déplacements à vélo entre communes voisines.
La Région cofinance les itinéraires cyclables structurants.
Les collectivités s’engagent sur l’entretien des aménagements\u00a0!

L’Assemblée des Territoires suivra la mise en œuvre de ces engagements chaque année.`;

/** Adds the roadmap (a draft text put to amendment, named votes) after the other workshops. */
export const seedAmendmentsDemo: DemoSeeder = async (app, ctx) => {
  const actor = await demoFacilitator(app, ctx.facilitatorAccountId, ctx.sessionId);
  await app.get(TransactionRunner).run((tx) =>
    app.get(ActivitiesService).createActivity(tx, actor, { opId: randomUUID(), kind: 'amendments', title: ROADMAP_TITLE, config: { source: ROADMAP, anonymity: 'named' } }),
  );
};
