import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { TransactionRunner } from '../../common/db/transaction';
import type { DemoSeeder } from '../../seed/seeders';
import { ActivityLifecycle } from '../sessions/activity-lifecycle';
import { ActivitiesService } from '../sessions/activities.service';
import { PlacementService } from './placement.service';
import { ReportBackService } from './report-back.service';
import { groupsRepository } from './groups.repository';
import { SynthesisService } from './synthesis.service';
import { demoFacilitator } from '../sessions/sessions.demo';

/** Workshop 1's three top themes, pushed into every group board as starting cards. */
export const DEMO_WORKSHOP1_TOP = ['Mobilités du quotidien', 'Revitalisation des centres-bourgs', 'Transition énergétique des territoires'];

/** The four thematic groups, the demo roster drawn over them (balanced), a board per group seeded from workshop 1. */
export const seedGroupsDemo: DemoSeeder = async (app: INestApplication, ctx) => {
  const actor = await demoFacilitator(app, ctx.facilitatorAccountId, ctx.sessionId);
  const activities = app.get(ActivitiesService);
  await app.get(TransactionRunner).run(async (tx) => {
    const groupsActivity = await activities.createActivity(tx, actor, { opId: randomUUID(), kind: 'groups', title: 'Groupes de travail thématiques', config: { placement: 'auto' } });
    await app.get(ReportBackService).start(tx, actor, { opId: randomUUID(), activityId: groupsActivity.id });
    const { groups } = await app.get(PlacementService).autoAssign(tx, actor, { opId: randomUUID(), activityId: groupsActivity.id, seed: 2026, onlyUnplaced: false });
    for (const group of groups) {
      const board = await activities.createActivity(tx, actor, { opId: randomUUID(), kind: 'board', title: `Tableau — ${group.name}`, groupId: group.id });
      // The working time is on: each group's board is open to its members (a draft is the staff's).
      await app.get(ActivityLifecycle).open(tx, board.id, actor.participantId);
      const cards = DEMO_WORKSHOP1_TOP.map((title, rank) => ({ title, body: '', origin: { kind: 'survey' as const, label: `Atelier 1 — thème classé ${rank + 1}${rank === 0 ? 'er' : 'e'}` } }));
      await app.get(ReportBackService).seed(tx, actor, { opId: randomUUID(), groupId: group.id, boardActivityId: board.id, source: { kind: 'cards', cards } });
      // A rapporteur per group (the first member by name) so the synthesis can be shown at once.
      const first = await groupsRepository.firstMember(tx.manager, group.id);
      if (first) await app.get(SynthesisService).setRapporteur(tx, actor, { opId: randomUUID(), groupId: group.id, participantId: first.id });
    }
    // The groups item stays last on the agenda, after its groups' boards: it is what the room follows.
    const agenda = await groupsRepository.activityCount(tx.manager, ctx.sessionId);
    await activities.moveActivity(tx, actor, { opId: randomUUID(), activityId: groupsActivity.id, position: agenda - 1 });
  });
};
