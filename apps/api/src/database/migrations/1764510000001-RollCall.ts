import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Roll call (« appel nominal », issue #25): a roll started on a question, with the members passed. */
export class RollCall1764510000001 implements MigrationInterface {
  name = 'RollCall1764510000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "roll_call" ("question_id" uuid NOT NULL, "session_id" uuid NOT NULL, "started_by" uuid NOT NULL, "passed" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e319a8f55b0aa71643468811e53" PRIMARY KEY ("question_id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "roll_call"`);
  }
}
