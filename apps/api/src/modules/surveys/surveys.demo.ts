import { randomUUID } from 'node:crypto';
import type { QuestionDraft, SurveyCreateConfig } from '@palabre/contracts';
import { TransactionRunner } from '../../common/db/transaction';
import type { DemoSeeder } from '../../seed/seeders';
import { ActivitiesService } from '../sessions/activities.service';
import { demoFacilitator } from '../sessions/sessions.demo';

const option = (id: string, label: string) => ({ id, label });

/** Workshop 1 of the demo plenary: the priority survey of DESIGN.md §1. */
export const WORKSHOP_1: QuestionDraft[] = [
  {
    type: 'ranking',
    prompt: 'Sur quels thèmes les contrats territoriaux 2022-2027 doivent-ils se concentrer ?',
    options: [
      option('attractivite', 'Attractivité et innovation'),
      option('qualite-vie', 'Qualité de vie et innovation sociale'),
      option('solidarites', 'Solidarités territoriales'),
      option('transition', 'Territoires en transition durable'),
      option('mobilites', 'Mobilités du quotidien'),
    ],
  },
  {
    type: 'points',
    prompt: 'Quels types de projets souhaitez-vous voir financés ? Répartissez 100 points.',
    budget: 100,
    options: [
      option('equipements', 'Équipements publics de proximité'),
      option('centres-bourgs', 'Revitalisation des centres-bourgs'),
      option('economie', 'Développement économique et emploi'),
      option('environnement', 'Transition écologique et énergétique'),
      option('culture', 'Culture, sport et patrimoine'),
      option('sante', 'Accès aux soins'),
    ],
  },
  {
    type: 'majority',
    prompt: 'Comment jugez-vous les contrats territoriaux actuels ?',
    gradeCount: 6,
    options: [
      option('lisibilite', 'Lisibilité des dispositifs'),
      option('accompagnement', 'Accompagnement par la Région'),
      option('adaptation', 'Adaptation aux besoins du territoire'),
      option('association', 'Association des citoyens'),
    ],
  },
  { type: 'text', prompt: "En un mot : l'avenir de nos territoires ?" },
];

export const WORKSHOP_1_TITLE = 'Atelier 1 — priorités des contrats territoriaux';

/** Adds the workshop-1 survey (questions as drafts, named, live results) to the demo plenary. */
export const seedSurveyDemo: DemoSeeder = async (app, ctx) => {
  const actor = await demoFacilitator(app, ctx.facilitatorAccountId, ctx.sessionId);
  // The demo is joined « with the code and any name » (README): its workshop is open to everyone present,
  // as a facilitator chooses it; a real session with a roster defaults to verified members.
  const questions = WORKSHOP_1.map((q) => ({ ...q, eligibility: 'present' as const }));
  const config: SurveyCreateConfig = { anonymity: 'named', resultsVisibility: 'live', shuffle: false, questions };
  await app.get(TransactionRunner).run((tx) =>
    app.get(ActivitiesService).createActivity(tx, actor, { opId: randomUUID(), kind: 'survey', title: WORKSHOP_1_TITLE, config }),
  );
};
