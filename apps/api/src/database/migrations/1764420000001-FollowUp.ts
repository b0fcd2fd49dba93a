import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Follow-up of recommendations (issue #24): tables beside the archive, never inside it. */
export class FollowUp1764420000001 implements MigrationInterface {
  name = 'FollowUp1764420000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "recommendation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assembly_id" uuid NOT NULL, "session_id" uuid NOT NULL, "archive_digest" text NOT NULL, "item_kind" text NOT NULL, "activity_id" uuid NOT NULL, "item_id" text NOT NULL, "evidence" jsonb NOT NULL, "title" text NOT NULL, "body" text NOT NULL DEFAULT '', "theme" text, "territories" jsonb NOT NULL DEFAULT '[]', "contract_ref" text, "deadline" date, "assignee_id" uuid, "published" boolean NOT NULL DEFAULT false, "decision" text, "reasons" text, "answered_at" TIMESTAMP WITH TIME ZONE, "status" text NOT NULL DEFAULT 'pending', "percent" integer NOT NULL DEFAULT '0', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_17cb51984a6627ef2ce7370e23c" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_8a7f92d263da8c2b28b4aaf0d1" ON "recommendation"("assembly_id")`);
    await q.query(`CREATE TABLE "recommendation_progress" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recommendation_id" uuid NOT NULL, "date" date NOT NULL, "status" text NOT NULL, "percent" integer NOT NULL, "note" text NOT NULL, "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_94142a5101aa5b8a451d5fda430" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_deb8d790795d2b652d759d9a25" ON "recommendation_progress"("recommendation_id")`);
    await q.query(`CREATE TABLE "follow_up_subscription" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assembly_id" uuid NOT NULL, "email" text NOT NULL, "participant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ef5848a32dacd491aba17dc6af2" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_9534323792f5ab57cbe9e64623" ON "follow_up_subscription"("assembly_id", "email")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "follow_up_subscription"`);
    await q.query(`DROP TABLE "recommendation_progress"`);
    await q.query(`DROP TABLE "recommendation"`);
  }
}
