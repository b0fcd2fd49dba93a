import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One person, one voice: participants' browser and join address, roster claims, blocked browsers, screen pairings, who may support a board's ideas. */
export class Identity1764320000001 implements MigrationInterface {
  name = 'Identity1764320000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "blocked_device" ("session_id" uuid NOT NULL, "device_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f237c4255bbcd22682273ca1239" PRIMARY KEY ("session_id", "device_hash"))`);
    await q.query(`CREATE TABLE "screen_pairing" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "participant_id" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ee18571470628cc99a2de0efd16" UNIQUE ("code"), CONSTRAINT "PK_df225613fd3c35be07c3949e4ac" PRIMARY KEY ("id"))`);
    await q.query(`ALTER TABLE "participant" ADD "device_hash" text`);
    await q.query(`ALTER TABLE "participant" ADD "join_address" text`);
    await q.query(`ALTER TABLE "participant" ADD "claimed_member_id" uuid`);
    await q.query(`CREATE INDEX "IDX_fdab879bce36b3ca6bf258958a" ON "participant"  ("session_id", "device_hash") `);
    await q.query(`ALTER TABLE "board" ADD "support_eligibility" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "board" DROP COLUMN "support_eligibility"`);
    await q.query(`DROP INDEX "public"."IDX_fdab879bce36b3ca6bf258958a"`);
    await q.query(`ALTER TABLE "participant" DROP COLUMN "claimed_member_id"`);
    await q.query(`ALTER TABLE "participant" DROP COLUMN "join_address"`);
    await q.query(`ALTER TABLE "participant" DROP COLUMN "device_hash"`);
    await q.query(`DROP TABLE "screen_pairing"`);
    await q.query(`DROP TABLE "blocked_device"`);
  }
}
