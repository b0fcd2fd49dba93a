import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The speakers' list (issue #21): requests for the floor and the facilitators' overrides. */
export class Floor1764400000001 implements MigrationInterface {
  name = 'Floor1764400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "floor_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "participant_id" uuid, "name" text NOT NULL, "gender" text, "category" text, "territory" text, "territory_type" text, "stance" text, "remote" boolean NOT NULL DEFAULT false, "priority" boolean NOT NULL DEFAULT false, "added_by" uuid, "state" text NOT NULL DEFAULT 'waiting', "seq" BIGSERIAL NOT NULL, "pinned" integer, "spoken_ms" integer NOT NULL DEFAULT '0', "duration_ms" integer NOT NULL DEFAULT '0', "running_since" TIMESTAMP WITH TIME ZONE, "heard_rank" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3b19df7ea116fbd06428819791" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "UQ_floor_request_speaking" ON "floor_request"  ("activity_id") WHERE "state" = 'speaking'`);
    await q.query(`CREATE INDEX "IDX_44e0f297080d2b4c6a8112626f" ON "floor_request"  ("session_id", "participant_id") `);
    await q.query(`CREATE INDEX "IDX_4b8742d5c42d65a06a6e795875" ON "floor_request"  ("activity_id", "state") `);
    await q.query(`CREATE TABLE "floor_override" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "request_id" uuid NOT NULL, "kind" text NOT NULL, "position" integer, "author_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b6b3d73ccbc9ce62c2c4ee2a199" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_55024388ab98bb60c083efc357" ON "floor_override"  ("activity_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_55024388ab98bb60c083efc357"`);
    await q.query(`DROP TABLE "floor_override"`);
    await q.query(`DROP INDEX "public"."IDX_4b8742d5c42d65a06a6e795875"`);
    await q.query(`DROP INDEX "public"."IDX_44e0f297080d2b4c6a8112626f"`);
    await q.query(`DROP INDEX "public"."UQ_floor_request_speaking"`);
    await q.query(`DROP TABLE "floor_request"`);
  }
}
