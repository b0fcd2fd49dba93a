import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Texts put to amendment (issue #22): the numbered text, its amendments and their co-signatures. */
export class Amendments1764500000001 implements MigrationInterface {
  name = 'Amendments1764500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "amendment_text" ("activity_id" uuid NOT NULL, "session_id" uuid NOT NULL, "lines" jsonb NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE, "survey_activity_id" uuid NOT NULL, "final_question_id" uuid, "final_votes" jsonb, CONSTRAINT "PK_amendment_text" PRIMARY KEY ("activity_id"))`);
    await q.query(`CREATE TABLE "amendment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "number" integer NOT NULL, "parent_id" uuid, "kind" text NOT NULL, "line_from" integer NOT NULL, "line_to" integer NOT NULL, "wording" text NOT NULL, "reason" text NOT NULL, "author_id" uuid, "author_name" text NOT NULL, "status" text NOT NULL DEFAULT 'filed', "moderation_reason" text, "fate" text, "pinned" integer, "question_id" uuid, "votes" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_amendment" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_amendment_activity_number" ON "amendment" ("activity_id", "number") `);
    await q.query(`CREATE TABLE "amendment_cosign" ("amendment_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_amendment_cosign" PRIMARY KEY ("amendment_id", "participant_id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "amendment_cosign"`);
    await q.query(`DROP INDEX "public"."IDX_amendment_activity_number"`);
    await q.query(`DROP TABLE "amendment"`);
    await q.query(`DROP TABLE "amendment_text"`);
  }
}
