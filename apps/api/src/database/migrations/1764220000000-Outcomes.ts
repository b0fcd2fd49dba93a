import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The archive: one sealed record per session (canonical JSON, its digest, the audit head). */
export class Outcomes1764220000000 implements MigrationInterface {
  name = 'Outcomes1764220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "archive_record" ("session_id" uuid NOT NULL, "canonical_json" text NOT NULL, "digest" text NOT NULL, "audit_head" text NOT NULL, "sealed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sealed_by" uuid, "public" boolean NOT NULL DEFAULT false, "pseudonymised_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_81f3fd9b1360e8e60323b796211" PRIMARY KEY ("session_id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "archive_record"`);
  }
}
