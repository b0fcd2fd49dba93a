import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CreateRecommendationBody, RespondBody, type OutcomeCandidate, type SurveyCreateConfig } from '@palabre/contracts';
import type { StaffActor } from '../../common/auth/actor';
import { TransactionRunner } from '../../common/db/transaction';
import { demoRoster } from '../../seed/roster-data';
import type { DemoSeeder } from '../../seed/seeders';
import { ArchiveService } from '../outcomes/archive.service';
import { ActivitiesService } from '../sessions/activities.service';
import { ActivityLifecycle } from '../sessions/activity-lifecycle';
import { RosterService } from '../sessions/roster.service';
import { SessionsService } from '../sessions/sessions.service';
import { BallotsService } from '../surveys/ballots.service';
import { SurveyLifecycleService } from '../surveys/survey-lifecycle.service';
import { followUpRepository } from './followup.repository';
import { FollowUpService } from './followup.service';
import { demoFacilitator } from '../sessions/sessions.demo';

/**
 * The demo's follow-up (docs/follow-up.md, "The demo"): an earlier plenary of the same assembly,
 * held in June and sealed, whose board's top idea and survey's adopted priority became published
 * recommendations; the instructing service answered the first and reported its progress.
 */
export const FOLLOW_UP_DEMO = {
  joinCode: 'OCCITANIE-JUIN',
  title: 'Plénière de juin — bilan d’étape des démarches contractuelles',
  date: '2026-06-18',
  board: 'Atelier — Ce que les contrats doivent changer',
  survey: 'Priorité de l’année',
  question: 'Quelle priorité pour la dernière année des contrats 2022-2027 ?',
  topIdea: 'Un guichet unique pour les petites communes',
  priority: 'Mobilités du quotidien',
  response: 'Retenue : un guichet unique par département, adossé aux contrats de territoire, ouvre en 2027.',
  contractRef: 'CT-2027-014',
  progress: 'Guichet pilote ouvert à Millau et à Figeac ; recrutement de deux chargés d’accueil.',
} as const;

/** Members of the June plenary: the first of the demo roster (the same people sit in December). */
const MEMBERS = 24;

/** column, title, number of supporters */
const IDEAS: [string, string, number][] = [
  ['propositions', FOLLOW_UP_DEMO.topIdea, 14],
  ['propositions', 'Des bilans annuels présentés dans chaque territoire', 9],
  ['propositions', 'Un calendrier commun des appels à projets', 5],
];

/** Option ids and how many of the members chose each (the first is adopted). */
const OPTIONS: [string, string, number][] = [
  ['mobilites', FOLLOW_UP_DEMO.priority, 11],
  ['soins', 'Accès aux soins de proximité', 7],
  ['centres', 'Revitalisation des centres-bourgs', 4],
  ['energie', 'Rénovation énergétique des bâtiments publics', 2],
];

/**
 * Seeds the June plenary, seals it and draws the follow-up from it, each step through the service
 * its user calls (the seal, the organiser's recommendations, the service's answer and progress).
 * Idempotent: keyed by the June session's join code.
 */
export const seedFollowUpDemo: DemoSeeder = async (app: INestApplication, ctx) => {
  const { manager } = app.get(DataSource);
  if (await followUpRepository.sessionExists(manager, FOLLOW_UP_DEMO.joinCode)) return;
  const plenary = await followUpRepository.sessionOrFail(manager, ctx.sessionId);
  const organiser = await followUpRepository.staffAccountByEmail(manager, 'organiser', 'organisation@palabre.test');
  const instructor = await followUpRepository.staffAccountByEmail(manager, 'instructor', 'instruction@palabre.test');
  if (!plenary.assemblyId || !organiser || !instructor) return;

  const june = await followUpRepository.insertSession(manager, {
    title: FOLLOW_UP_DEMO.title,
    date: FOLLOW_UP_DEMO.date,
    joinCode: FOLLOW_UP_DEMO.joinCode,
    accessMode: 'roster',
    state: 'live',
    assemblyId: plenary.assemblyId,
    createdBy: ctx.facilitatorAccountId,
  });
  const roster = demoRoster().slice(0, MEMBERS);
  const csv = ['name;email;perimeter;territoryType;category;gender', ...roster.map((m) => [m.name, m.email, m.perimeter, m.territoryType, m.category, m.gender].join(';'))].join('\n');
  await app.get(RosterService).importCsv(june.id, csv);
  const actor = await demoFacilitator(app, ctx.facilitatorAccountId, june.id);

  // The day, in one transaction (the embedded database has one connection: nothing here takes another).
  let board = '';
  await app.get(TransactionRunner).run(async (tx) => {
    const activities = app.get(ActivitiesService);
    const lifecycle = app.get(ActivityLifecycle);
    const members = await followUpRepository.members(tx.manager, june.id);

    const created = await activities.createActivity(tx, actor, {
      opId: randomUUID(),
      kind: 'board',
      title: FOLLOW_UP_DEMO.board,
      config: { columns: [{ title: 'Propositions' }], moderation: 'post', supportMode: 'single' },
    });
    board = created.id;
    await lifecycle.open(tx, board, actor.participantId);
    for (const [index, [columnId, title, supporters]] of IDEAS.entries()) {
      const idea = await followUpRepository.insertIdea(tx.manager, { activityId: board, sessionId: june.id, columnId, authorId: members[index * 5].id, title, body: '', status: 'visible' });
      await followUpRepository.insertSupports(tx.manager, members.slice(0, supporters).map((member) => ({ ideaId: idea.id, activityId: board, participantId: member.id, dots: 1 })));
    }
    await lifecycle.close(tx, board, actor.participantId);

    // The survey, counted like any vote: the tellers entered the room's paper ballots.
    const config: SurveyCreateConfig = {
      anonymity: 'named',
      resultsVisibility: 'live',
      shuffle: false,
      questions: [{ type: 'single', prompt: FOLLOW_UP_DEMO.question, options: OPTIONS.map(([id, label]) => ({ id, label })) }],
    };
    const survey = await activities.createActivity(tx, actor, { opId: randomUUID(), kind: 'survey', title: FOLLOW_UP_DEMO.survey, config });
    await lifecycle.open(tx, survey.id, actor.participantId);
    const question = await followUpRepository.surveyQuestion(tx.manager, survey.id);
    const surveys = app.get(SurveyLifecycleService);
    await surveys.moveQuestion(tx, actor, question.id, 'open');
    const voters = OPTIONS.flatMap(([optionId, , count]) => Array.from({ length: count }, () => optionId));
    await app.get(BallotsService).castMany(
      tx.manager,
      voters.map((optionId, i) => ({
        questionId: question.id,
        activityId: survey.id,
        participantId: members[i].id,
        anonymity: 'named',
        value: { type: 'single', optionId },
        channel: 'paper',
        castBy: actor.participantId,
      })),
    );
    await surveys.moveQuestion(tx, actor, question.id, 'close');
    await surveys.moveQuestion(tx, actor, question.id, 'publish');
    await lifecycle.close(tx, survey.id, actor.participantId);
    await app.get(SessionsService).transition(tx, june.id, 'closed', actor.participantId);
  });

  // The organiser seals it and publishes its results page (the evidence the follow-up links to).
  const asOrganiser: StaffActor = { kind: 'staff', accountId: organiser.id, role: 'organiser' };
  const archive = app.get(ArchiveService);
  await archive.seal(asOrganiser, june.id);
  await archive.setPublic(june.id, true);

  // The organiser turns the top idea and the adopted priority into recommendations (docs/follow-up.md, "For organisers").
  const followUp = app.get(FollowUpService);
  const candidates = await followUp.candidates(june.id, { minSupports: 10 });
  const pick = (kind: OutcomeCandidate['ref']['kind'], text: string) => candidates.find((c) => c.ref.kind === kind && c.evidence.text === text) as OutcomeCandidate;
  const idea = pick('idea', FOLLOW_UP_DEMO.topIdea);
  const priority = pick('survey', FOLLOW_UP_DEMO.priority);
  const create = (candidate: OutcomeCandidate, extra: { theme: string; territories: string[]; deadline: string }) =>
    followUp.create(asOrganiser, CreateRecommendationBody.parse({ sessionId: june.id, source: candidate.ref, minSupports: 10, title: candidate.evidence.text, assigneeId: instructor.id, ...extra }));
  const first = await create(idea, { theme: 'Ingénierie et accompagnement', territories: ['Millau', 'Figeac'], deadline: '2027-06-30' });
  const second = await create(priority, { theme: 'Mobilités', territories: ['PETR Pays Sud Toulousain', 'Pays Cœur d’Hérault'], deadline: '2027-03-31' });
  for (const rec of [first, second]) await followUp.update(asOrganiser, rec.id, { published: true });

  // The instructing service answers the first and reports its progress; the second awaits its answer.
  const asService: StaffActor = { kind: 'staff', accountId: instructor.id, role: 'instructor' };
  await followUp.respond(asService, first.id, RespondBody.parse({ decision: 'accepted', reasons: FOLLOW_UP_DEMO.response, contractRef: FOLLOW_UP_DEMO.contractRef }));
  await followUp.progress(asService, first.id, { date: '2026-11-11', status: 'in_progress', percent: 40, note: FOLLOW_UP_DEMO.progress });
};
