import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff sessions (revocable staff tokens) and directory (OIDC) identities on staff accounts. */
export class StaffSessions1764310000001 implements MigrationInterface {
  name = 'StaffSessions1764310000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "staff_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "method" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f6ff7fdf4bb47ace7981adbcdee" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_245cce0662d78e1858eadba4d5" ON "staff_session"  ("account_id") `);
    await q.query(`ALTER TABLE "staff_account" ADD "oidc_issuer" text`);
    await q.query(`ALTER TABLE "staff_account" ADD "oidc_subject" text`);
    await q.query(`ALTER TABLE "staff_account" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "IDX_1c7c641b2e660eade782185d62" ON "staff_account"  ("oidc_issuer", "oidc_subject") WHERE "oidc_subject" IS NOT NULL`);
    await q.query(`ALTER TABLE "staff_session" ADD CONSTRAINT "FK_245cce0662d78e1858eadba4d5b" FOREIGN KEY ("account_id") REFERENCES "staff_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "staff_session" DROP CONSTRAINT "FK_245cce0662d78e1858eadba4d5b"`);
    await q.query(`DROP INDEX "public"."IDX_1c7c641b2e660eade782185d62"`);
    // Directory-only accounts have no password: they cannot survive the NOT NULL.
    await q.query(`DELETE FROM "staff_account" WHERE "password_hash" IS NULL`);
    await q.query(`ALTER TABLE "staff_account" ALTER COLUMN "password_hash" SET NOT NULL`);
    await q.query(`ALTER TABLE "staff_account" DROP COLUMN "oidc_subject"`);
    await q.query(`ALTER TABLE "staff_account" DROP COLUMN "oidc_issuer"`);
    await q.query(`DROP INDEX "public"."IDX_245cce0662d78e1858eadba4d5"`);
    await q.query(`DROP TABLE "staff_session"`);
  }
}
