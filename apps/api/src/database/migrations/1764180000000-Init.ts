import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Core tables: accounts, assemblies and rosters, sessions, participants, agenda, idempotency, audit log. */
export class Init1764180000000 implements MigrationInterface {
  name = 'Init1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "audit_event" ("session_id" uuid NOT NULL, "seq" integer NOT NULL, "type" text NOT NULL, "actor_id" uuid, "payload" jsonb NOT NULL, "prev_hash" text NOT NULL, "hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d38f4c76c2a184e1c9083f0e79" PRIMARY KEY ("session_id", "seq"))`);
    await q.query(`CREATE TABLE "staff_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "password_hash" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_124714a3689c2d39adad291388f" UNIQUE ("email"), CONSTRAINT "PK_4d2399aabd15dae3014759ae87d" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "activity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "position" integer NOT NULL, "state" text NOT NULL DEFAULT 'draft', "config" jsonb NOT NULL DEFAULT '{}', "group_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_24625a1d6b1b089c8ae206fe467" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_9ef772f8ca468a3e04cec43715" ON "activity"  ("session_id", "position") `);
    await q.query(`CREATE TABLE "assembly" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0090e0222a7d1b882e4f0379f5c" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assembly_id" uuid NOT NULL, "roster_key" text NOT NULL, "name" text NOT NULL, "email" text, "perimeter" text NOT NULL, "territory_type" text NOT NULL, "category" text NOT NULL, "gender" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_97cbbe986ce9d14ca5894fdc072" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_11ab59b25e28505ffc1745bb92" ON "member"  ("assembly_id", "roster_key") `);
    await q.query(`CREATE TABLE "participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "member_id" uuid, "account_id" uuid, "display_name" text NOT NULL, "role" text NOT NULL, "invitation_hash" text, "group_id" uuid, "joined_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "blocked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_05077ac8389fe48b24edd202f90" UNIQUE ("invitation_hash"), CONSTRAINT "PK_64da4237f502041781ca15d4c41" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_cbe5703d9d29cee10deae19cc5" ON "participant"  ("session_id", "account_id") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_b6a2c103173f8e2da6ea5a376b" ON "participant"  ("session_id", "member_id") `);
    await q.query(`CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assembly_id" uuid, "title" text NOT NULL, "date" date NOT NULL, "join_code" text NOT NULL, "access_mode" text NOT NULL, "state" text NOT NULL DEFAULT 'draft', "version" integer NOT NULL DEFAULT '0', "settings" jsonb NOT NULL DEFAULT '{}', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_58218950ec0d266a2049a0a86ef" UNIQUE ("join_code"), CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "processed_op" ("participant_id" uuid NOT NULL, "op_id" uuid NOT NULL, "command" text NOT NULL, "result" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1e311c8eef49b6ac4ece9ec4716" PRIMARY KEY ("participant_id", "op_id"))`);
    // The audit log is append-only in the database itself, whatever the application does.
    await q.query(`CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$`);
    await q.query(`CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON "audit_event"
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_event_no_change ON "audit_event"`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    await q.query(`DROP TABLE "processed_op"`);
    await q.query(`DROP TABLE "session"`);
    await q.query(`DROP INDEX "public"."IDX_b6a2c103173f8e2da6ea5a376b"`);
    await q.query(`DROP INDEX "public"."IDX_cbe5703d9d29cee10deae19cc5"`);
    await q.query(`DROP TABLE "participant"`);
    await q.query(`DROP INDEX "public"."IDX_11ab59b25e28505ffc1745bb92"`);
    await q.query(`DROP TABLE "member"`);
    await q.query(`DROP TABLE "assembly"`);
    await q.query(`DROP INDEX "public"."IDX_9ef772f8ca468a3e04cec43715"`);
    await q.query(`DROP TABLE "activity"`);
    await q.query(`DROP TABLE "staff_account"`);
    await q.query(`DROP TABLE "audit_event"`);
  }
}
