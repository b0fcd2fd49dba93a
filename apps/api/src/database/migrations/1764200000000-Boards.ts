import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idea boards: settings, ideas with their moderation trail, supports (one row per member and idea), comments. */
export class Boards1764200000000 implements MigrationInterface {
  name = 'Boards1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "board" ("activity_id" uuid NOT NULL, "session_id" uuid NOT NULL, "columns" jsonb NOT NULL, "moderation" text NOT NULL, "support_mode" text NOT NULL, "dots_per_member" integer NOT NULL, "dots_per_idea_max" integer NOT NULL, "supports_hidden" boolean NOT NULL DEFAULT false, "anonymous_allowed" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_6893c0c7fd953c00b6564ff601b" PRIMARY KEY ("activity_id"))`);
    await q.query(`CREATE TABLE "idea" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "session_id" uuid NOT NULL, "column_id" text NOT NULL, "author_id" uuid NOT NULL, "anonymous" boolean NOT NULL DEFAULT false, "title" text NOT NULL, "body" text NOT NULL DEFAULT '', "status" text NOT NULL, "reason" text, "pinned" boolean NOT NULL DEFAULT false, "edited_by_staff" boolean NOT NULL DEFAULT false, "staff_acted" boolean NOT NULL DEFAULT false, "merged_into" uuid, "tags" text array NOT NULL DEFAULT '{}', "cluster" text, "rev" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5096f543c484b349f5234da9d97" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_0ae33e2ed4a4b45996948cd236" ON "idea"  ("merged_into") `);
    await q.query(`CREATE INDEX "IDX_cf34e3e0e5a8471613980903a2" ON "idea"  ("activity_id", "status") `);
    await q.query(`CREATE TABLE "idea_support" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "idea_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "dots" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_37ee1cc22ad630f2dd9fd8537f8" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_aec0f429f52037d062a6c7d1f8" ON "idea_support"  ("activity_id", "participant_id") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_847db035a63baebc71d0b02174" ON "idea_support"  ("idea_id", "participant_id") `);
    await q.query(`CREATE TABLE "idea_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "idea_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "parent_id" uuid, "author_id" uuid NOT NULL, "body" text NOT NULL, "deleted" boolean NOT NULL DEFAULT false, "edited" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_49010117d35e40d8eeaf9369022" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_bb695865beaa0e305fbe464351" ON "idea_comment"  ("idea_id") `);
    await q.query(`CREATE INDEX "IDX_ecc84ac56d7e2db4bab1f279fe" ON "idea_comment"  ("activity_id") `);
    // Similar-idea suggestions use trigram similarity when the server has the contrib extension;
    // without it (or without the right to create it) Palabre falls back to word overlap.
    await q.query(`DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm; EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'pg_trgm unavailable: %', SQLERRM; END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // pg_trgm is left installed: other objects may use it.
    await q.query(`DROP INDEX "public"."IDX_ecc84ac56d7e2db4bab1f279fe"`);
    await q.query(`DROP INDEX "public"."IDX_bb695865beaa0e305fbe464351"`);
    await q.query(`DROP TABLE "idea_comment"`);
    await q.query(`DROP INDEX "public"."IDX_847db035a63baebc71d0b02174"`);
    await q.query(`DROP INDEX "public"."IDX_aec0f429f52037d062a6c7d1f8"`);
    await q.query(`DROP TABLE "idea_support"`);
    await q.query(`DROP INDEX "public"."IDX_cf34e3e0e5a8471613980903a2"`);
    await q.query(`DROP INDEX "public"."IDX_0ae33e2ed4a4b45996948cd236"`);
    await q.query(`DROP TABLE "idea"`);
    await q.query(`DROP TABLE "board"`);
  }
}
