import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Surveys: settings, questions, named ballots (one per member per question), and for anonymous
 * surveys a receipt of who voted kept apart from ballots that name nobody; survey templates.
 */
export class Surveys1764190000000 implements MigrationInterface {
  name = 'Surveys1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "survey" ("activity_id" uuid NOT NULL, "anonymity" text NOT NULL, "results_visibility" text NOT NULL, "shuffle" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_e292d84223dc4a01361f2845eae" PRIMARY KEY ("activity_id"))`);
    await q.query(`CREATE TABLE "survey_question" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "position" integer NOT NULL, "prompt" text NOT NULL, "config" jsonb NOT NULL, "state" text NOT NULL DEFAULT 'draft', "opened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "present_at_close" integer, CONSTRAINT "PK_ec6d65e83fd7217202178b79907" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_ee2297db3928b92adac323dee6" ON "survey_question"  ("activity_id", "position") `);
    await q.query(`CREATE TABLE "ballot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "question_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "value" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_20adac0e902c60e62fcb6f4cf9c" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_fc76f0f6d384e0b18e0c6c335b" ON "ballot"  ("question_id", "participant_id") `);
    await q.query(`CREATE TABLE "ballot_receipt" ("question_id" uuid NOT NULL, "participant_id" uuid NOT NULL, CONSTRAINT "PK_8ba4775ed2ac38f1c760697a952" PRIMARY KEY ("question_id", "participant_id"))`);
    await q.query(`CREATE TABLE "anonymous_ballot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "question_id" uuid NOT NULL, "lookup_key" text NOT NULL, "value" jsonb NOT NULL, CONSTRAINT "UQ_b6ccd8cd6b7c77a71ccaa3cd412" UNIQUE ("lookup_key"), CONSTRAINT "PK_adc61d8883550f4272ef931a6df" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_d0853f30fe811d3918eb54c7a0" ON "anonymous_ballot"  ("question_id") `);
    await q.query(`CREATE TABLE "survey_template" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "name" text NOT NULL, "settings" jsonb NOT NULL, "questions" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8b3e1033e973713d55f190b811d" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_0012384f1e3821ecb508436e54" ON "survey_template"  ("account_id", "created_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_0012384f1e3821ecb508436e54"`);
    await q.query(`DROP TABLE "survey_template"`);
    await q.query(`DROP INDEX "public"."IDX_d0853f30fe811d3918eb54c7a0"`);
    await q.query(`DROP TABLE "anonymous_ballot"`);
    await q.query(`DROP TABLE "ballot_receipt"`);
    await q.query(`DROP INDEX "public"."IDX_fc76f0f6d384e0b18e0c6c335b"`);
    await q.query(`DROP TABLE "ballot"`);
    await q.query(`DROP INDEX "public"."IDX_ee2297db3928b92adac323dee6"`);
    await q.query(`DROP TABLE "survey_question"`);
    await q.query(`DROP TABLE "survey"`);
  }
}
