import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anonymous ballots keyed by a commitment to a secret only the voter's device holds (issue #17),
 * instead of a lookup key the server could recompute. Ballots already cast get a random
 * commitment: they stay counted, can no longer be linked by anyone, and become final
 * (their receipts have no voter token).
 */
export class SecretBallots1764330000001 implements MigrationInterface {
  name = 'SecretBallots1764330000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "ballot_receipt" ADD "voter_token" text`);
    await q.query(`ALTER TABLE "anonymous_ballot" ADD "commitment" text`);
    await q.query(`UPDATE "anonymous_ballot" SET "commitment" = encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex')`);
    await q.query(`ALTER TABLE "anonymous_ballot" ALTER COLUMN "commitment" SET NOT NULL`);
    await q.query(`ALTER TABLE "anonymous_ballot" DROP COLUMN "lookup_key"`);
    await q.query(`DROP INDEX "public"."IDX_d0853f30fe811d3918eb54c7a0"`);
    await q.query(`CREATE UNIQUE INDEX "UQ_anonymous_ballot_commitment" ON "anonymous_ballot" ("question_id", "commitment") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."UQ_anonymous_ballot_commitment"`);
    await q.query(`CREATE INDEX "IDX_d0853f30fe811d3918eb54c7a0" ON "anonymous_ballot" ("question_id") `);
    await q.query(`ALTER TABLE "anonymous_ballot" ADD "lookup_key" text`);
    await q.query(`UPDATE "anonymous_ballot" SET "lookup_key" = "commitment"`);
    await q.query(`ALTER TABLE "anonymous_ballot" ALTER COLUMN "lookup_key" SET NOT NULL`);
    await q.query(`ALTER TABLE "anonymous_ballot" ADD CONSTRAINT "UQ_b6ccd8cd6b7c77a71ccaa3cd412" UNIQUE ("lookup_key")`);
    await q.query(`ALTER TABLE "anonymous_ballot" DROP COLUMN "commitment"`);
    await q.query(`ALTER TABLE "ballot_receipt" DROP COLUMN "voter_token"`);
  }
}
