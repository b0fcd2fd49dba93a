import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '../../common/db/transaction';
import type { DemoSeeder } from '../../seed/seeders';
import type { SurveyCreateConfig } from '@palabre/contracts';
import { ActivitiesService } from '../sessions/activities.service';
import { ProxiesService } from './proxies.service';
import { surveysRepository } from './surveys.repository';
import { demoFacilitator } from '../sessions/sessions.demo';

export const FINAL_VOTE_TITLE = 'Vote final — feuille de route partagée';

/**
 * The demo plenary's proxies (docs/proxies.md): enabled (one per holder), and the first roster
 * member in name order, who cannot attend, represented by the second (who joins with their
 * invitation link). The third has no smartphone: the tellers enter their paper ballot on the
 * final vote (a named yes / no question, at the end of the agenda), where a facilitator can also
 * cast an assisted ballot.
 */
export const seedChannelsDemo: DemoSeeder = async (app, ctx) => {
  const actor = await demoFacilitator(app, ctx.facilitatorAccountId, ctx.sessionId);
  const members = await surveysRepository.firstTwoRosterMembers(app.get(DataSource).manager, ctx.sessionId);
  if (members.length < 2) return;
  const proxies = app.get(ProxiesService);
  const config: SurveyCreateConfig = {
    anonymity: 'named',
    resultsVisibility: 'live',
    shuffle: false,
    questions: [{ type: 'yesno', prompt: 'Adoptez-vous la feuille de route partagée des contrats territoriaux ?', eligibility: 'present' }],
  };
  await app.get(TransactionRunner).run(async (tx) => {
    await proxies.settings(tx, actor, { opId: randomUUID(), settings: { enabled: true, maxPerHolder: 1 } });
    await proxies.record(tx, actor, { opId: randomUUID(), giverId: members[0].id, holderId: members[1].id, formRef: 'Pouvoir n° 1 (registre des procurations)' });
    await app.get(ActivitiesService).createActivity(tx, actor, { opId: randomUUID(), kind: 'survey', title: FINAL_VOTE_TITLE, config });
  });
};
