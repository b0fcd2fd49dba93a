import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Opinion maps: statements, answers (one per member and statement, by primary key), the last computed map. */
export class OpinionMaps1764410000001 implements MigrationInterface {
  name = 'OpinionMaps1764410000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "opinion_statement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "author_id" uuid NOT NULL, "origin" text NOT NULL, "origin_idea_id" uuid, "text" text NOT NULL, "status" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_63b5342a7ce72bc013b472560c" CHECK (char_length("text") <= 280), CONSTRAINT "PK_b5af9484ed23e1fae8837a8802f" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "UQ_opinion_statement_idea" ON "opinion_statement"  ("activity_id", "origin_idea_id") WHERE "origin_idea_id" IS NOT NULL`);
    await q.query(`CREATE INDEX "IDX_3c86ba409104a34b04ec5bb581" ON "opinion_statement"  ("activity_id", "status") `);
    await q.query(`CREATE TABLE "opinion_answer" ("statement_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "vote" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_c55f47398e8e20d4a698412eeb" CHECK ("vote" IN ('agree', 'disagree', 'pass')), CONSTRAINT "PK_b0674ab127676af7b3d5d5a0c2e" PRIMARY KEY ("statement_id", "participant_id"))`);
    await q.query(`CREATE INDEX "IDX_ffdf0586ff227694cdc8b1c978" ON "opinion_answer"  ("activity_id") `);
    await q.query(`CREATE TABLE "opinion_map_state" ("activity_id" uuid NOT NULL, "map" jsonb NOT NULL, "groups" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_53a4b182117f3c05cafedfed50d" PRIMARY KEY ("activity_id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "opinion_map_state"`);
    await q.query(`DROP INDEX "public"."IDX_ffdf0586ff227694cdc8b1c978"`);
    await q.query(`DROP TABLE "opinion_answer"`);
    await q.query(`DROP INDEX "public"."IDX_3c86ba409104a34b04ec5bb581"`);
    await q.query(`DROP INDEX "public"."UQ_opinion_statement_idea"`);
    await q.query(`DROP TABLE "opinion_statement"`);
  }
}
