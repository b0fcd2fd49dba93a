import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { FloorStance } from '@palabre/contracts';
import type { ParticipantActor } from '../../common/auth/actor';
import { TransactionRunner } from '../../common/db/transaction';
import type { DemoSeeder } from '../../seed/seeders';
import { ActivitiesService } from '../sessions/activities.service';
import { floorRepository } from './floor.repository';
import { FloorService } from './floor.service';
import { demoFacilitator } from '../sessions/sessions.demo';

export const DEMO_FLOOR_TITLE = 'Débat en plénière : la parole aux membres';

/**
 * Demo: the plenary's speakers' list, last on the agenda, in draft with requests already made —
 * members of the roster of every college, gender and territory type (one remote, one against),
 * the general rapporteur as a priority speaker, and a person without a phone the facilitator
 * added. Opening it from the console shows the balanced order and why each person is there.
 */
export const seedFloorDemo: DemoSeeder = async (app: INestApplication, ctx) => {
  const staff = await demoFacilitator(app, ctx.facilitatorAccountId, ctx.sessionId);
  const floor = app.get(FloorService);
  await app.get(TransactionRunner).run(async (tx) => {
    const activity = await app.get(ActivitiesService).createActivity(tx, staff, { opId: randomUUID(), kind: 'floor', title: DEMO_FLOOR_TITLE, config: {} });
    // Requests need an open list; the demo list goes back to draft so the facilitator opens it.
    await floorRepository.setActivityState(tx.manager, activity.id, 'open');
    // Six roster members, in arrival order: two élus men first, so the rule visibly reorders them.
    const profiles = await floorRepository.demoSpeakers(tx.manager, ctx.sessionId);
    const wanted = [
      ['homme', 'elu', 'agglomeration'],
      ['homme', 'elu', 'bourg_centre'],
      ['femme', 'elu', 'metropole'],
      ['femme', 'citoyen', 'territoire_projet'],
      ['homme', 'citoyen', 'agglomeration'],
      ['femme', 'elu', 'bourg_centre'],
    ];
    const members = wanted.map(([g, c, t]) => profiles.find((m) => m.gender === g && m.category === c && m.territory_type === t)).filter((m) => m !== undefined);
    const stances: (FloorStance | null)[] = ['for', 'question', 'against', null, 'for', 'question'];
    for (const [i, m] of members.entries()) {
      const actor: ParticipantActor = { kind: 'participant', participantId: m.id, sessionId: ctx.sessionId, role: 'member', displayName: m.display_name, groupId: m.group_id, blocked: false };
      await floor.request(tx, actor, { opId: randomUUID(), activityId: activity.id, stance: stances[i], remote: i === 3 });
    }
    await floor.add(tx, staff, { opId: randomUUID(), activityId: activity.id, name: 'Rapporteure générale', stance: null, remote: false, priority: true });
    await floor.add(tx, staff, {
      opId: randomUUID(),
      activityId: activity.id,
      name: 'Josiane Bousquet',
      gender: 'femme',
      category: 'citoyen',
      territory: 'PNR de l’Aubrac',
      territoryType: 'territoire_projet',
      stance: 'question',
      remote: false,
      priority: false,
    });
    await floorRepository.setActivityState(tx.manager, activity.id, 'draft');
  });
};
