import type { INestApplication } from '@nestjs/common';
import type { DemoSeeder } from '../../seed/seeders';
import { TransactionRunner } from '../../common/db/transaction';
import { ActivitiesService } from '../sessions/activities.service';
import { qnaRepository } from './qna.repository';
import { QnaService } from './qna.service';
import { demoFacilitator } from '../sessions/sessions.demo';

/** Demo: the "Échange avec la présidente", pre-moderated, with two published questions. */
export const seedQnaDemo: DemoSeeder = async (app: INestApplication, ctx) => {
  const actor = await demoFacilitator(app, ctx.facilitatorAccountId, ctx.sessionId);
  await app.get(TransactionRunner).run(async (tx) => {
    const activity = await app.get(ActivitiesService).createActivity(tx, actor, {
      opId: '00000000-0000-4000-8000-000000000000',
      kind: 'qna',
      title: 'Échange avec la présidente',
      config: { anonymousAllowed: true, moderation: 'pre' },
    });
    // Questions need an open Q&A; the demo Q&A goes back to draft so the facilitator starts it.
    await qnaRepository.openForDemo(tx.manager, activity.id);
    const qna = app.get(QnaService);
    for (const text of ['Comment les petites communes seront-elles accompagnées dans les contrats ?', 'Quel calendrier pour la révision à mi-parcours ?']) {
      await qna.ask(tx, actor, { opId: '00000000-0000-4000-8000-000000000001', activityId: activity.id, text, anonymous: false });
    }
    await qnaRepository.draftForDemo(tx.manager, activity.id);
  });
};
