import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Working groups: the groups of a `groups` activity, synthesis comments, seed cards; group_id foreign keys on participant and activity. */
export class WorkingGroups1764230000000 implements MigrationInterface {
  name = 'WorkingGroups1764230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "working_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "session_id" uuid NOT NULL, "name" text NOT NULL, "position" integer NOT NULL, "capacity" integer NOT NULL, "rapporteur_participant_id" uuid, "facilitator_participant_ids" jsonb NOT NULL DEFAULT '[]', "synthesis" jsonb NOT NULL DEFAULT '{"findings":"","proposals":[],"disagreements":""}', "synthesis_state" text NOT NULL DEFAULT 'draft', "synthesis_updated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9cbcc6e96966bec27f605e3c9f4" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_97a6b9a9d32ca200563b08381c" ON "working_group"  ("session_id") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_6067404ca7464becfc13d783aa" ON "working_group"  ("activity_id", "position") `);
    await q.query(`CREATE TABLE "synthesis_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5719a360a895915a285d14e5270" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_a357c443ab97de09104c7666bd" ON "synthesis_comment"  ("group_id", "created_at") `);
    await q.query(`CREATE TABLE "group_seed_card" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "title" text NOT NULL, "body" text NOT NULL DEFAULT '', "origin" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cb02d84bd924fbcd931ce8f307d" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_16b19d15ab80591334dffaf7a5" ON "group_seed_card"  ("group_id", "created_at") `);
    await q.query(`ALTER TABLE "activity" ADD CONSTRAINT "FK_747139e8e5ba564d0edc7652f77" FOREIGN KEY ("group_id") REFERENCES "working_group"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "participant" ADD CONSTRAINT "FK_60ce7cd88e79e5181b9e6d61703" FOREIGN KEY ("group_id") REFERENCES "working_group"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "working_group" ADD CONSTRAINT "FK_582ad82f1a8b13319242506541b" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "synthesis_comment" ADD CONSTRAINT "FK_0e9595361b48ec61a9f20a70f07" FOREIGN KEY ("group_id") REFERENCES "working_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "group_seed_card" ADD CONSTRAINT "FK_eb325d6f05ffd60ba5caff50ccd" FOREIGN KEY ("group_id") REFERENCES "working_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "group_seed_card" DROP CONSTRAINT "FK_eb325d6f05ffd60ba5caff50ccd"`);
    await q.query(`ALTER TABLE "synthesis_comment" DROP CONSTRAINT "FK_0e9595361b48ec61a9f20a70f07"`);
    await q.query(`ALTER TABLE "working_group" DROP CONSTRAINT "FK_582ad82f1a8b13319242506541b"`);
    await q.query(`ALTER TABLE "participant" DROP CONSTRAINT "FK_60ce7cd88e79e5181b9e6d61703"`);
    await q.query(`ALTER TABLE "activity" DROP CONSTRAINT "FK_747139e8e5ba564d0edc7652f77"`);
    await q.query(`DROP INDEX "public"."IDX_16b19d15ab80591334dffaf7a5"`);
    await q.query(`DROP TABLE "group_seed_card"`);
    await q.query(`DROP INDEX "public"."IDX_a357c443ab97de09104c7666bd"`);
    await q.query(`DROP TABLE "synthesis_comment"`);
    await q.query(`DROP INDEX "public"."IDX_6067404ca7464becfc13d783aa"`);
    await q.query(`DROP INDEX "public"."IDX_97a6b9a9d32ca200563b08381c"`);
    await q.query(`DROP TABLE "working_group"`);
  }
}
