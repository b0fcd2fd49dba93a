import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Ballot channels (issue #25): proxies, paper entries, and the channel / caster of each ballot and receipt. */
export class BallotChannels1764430000001 implements MigrationInterface {
  name = 'BallotChannels1764430000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "proxy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "giver_id" uuid NOT NULL, "holder_id" uuid NOT NULL, "form_ref" text NOT NULL, "recorded_by" uuid NOT NULL, "lapsed_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_581edf779fc90b8d2687c658276" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_c5857e7bab791782509abde4fc" ON "proxy"  ("session_id", "holder_id") `);
    await q.query(`CREATE UNIQUE INDEX "UQ_proxy_live_giver" ON "proxy"  ("session_id", "giver_id") WHERE "lapsed_at" IS NULL AND "revoked_at" IS NULL`);
    await q.query(`CREATE TABLE "paper_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "question_id" uuid NOT NULL, "kind" text NOT NULL, "member_id" uuid, "value" jsonb, "totals" jsonb, "voter_ids" uuid array NOT NULL DEFAULT '{}', "entered_by" uuid NOT NULL, "confirmed_by" uuid, "confirmed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea9892badf60ba56efe6b3807dd" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_6256bac5846987a67ff98d307a" ON "paper_entry"  ("question_id") `);
    await q.query(`ALTER TABLE "ballot" ADD "channel" text NOT NULL DEFAULT 'device'`);
    await q.query(`ALTER TABLE "ballot" ADD "cast_by" uuid`);
    await q.query(`ALTER TABLE "ballot_receipt" ADD "channel" text NOT NULL DEFAULT 'device'`);
    await q.query(`ALTER TABLE "ballot_receipt" ADD "cast_by" uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "ballot_receipt" DROP COLUMN "cast_by"`);
    await q.query(`ALTER TABLE "ballot_receipt" DROP COLUMN "channel"`);
    await q.query(`ALTER TABLE "ballot" DROP COLUMN "cast_by"`);
    await q.query(`ALTER TABLE "ballot" DROP COLUMN "channel"`);
    await q.query(`DROP INDEX "public"."IDX_6256bac5846987a67ff98d307a"`);
    await q.query(`DROP TABLE "paper_entry"`);
    await q.query(`DROP INDEX "public"."UQ_proxy_live_giver"`);
    await q.query(`DROP INDEX "public"."IDX_c5857e7bab791782509abde4fc"`);
    await q.query(`DROP TABLE "proxy"`);
  }
}
