import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Opinion maps (issue #23, performance): each statement keeps its count of answers, so the next
 * statement offered to a member is read without counting every answer of the map; and a member's
 * own answers are found by index.
 */
export class OpinionAnswerCounts1764440000001 implements MigrationInterface {
  name = 'OpinionAnswerCounts1764440000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "opinion_statement" ADD "answers" integer NOT NULL DEFAULT 0`);
    await q.query(`UPDATE "opinion_statement" s SET "answers" = (SELECT count(*) FROM "opinion_answer" a WHERE a."statement_id" = s."id")`);
    await q.query(`CREATE INDEX "IDX_opinion_answer_participant" ON "opinion_answer" ("participant_id", "activity_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_opinion_answer_participant"`);
    await q.query(`ALTER TABLE "opinion_statement" DROP COLUMN "answers"`);
  }
}
