import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Proxy requests (issue #25): a member asks from their phone to be represented; staff approve or decline. */
export class ProxyRequests1764510000002 implements MigrationInterface {
  name = 'ProxyRequests1764510000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "proxy_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "giver_id" uuid NOT NULL, "holder_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'pending', "decided_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ab615d8e5a3b763f7a05f17b45d" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_eafb8b108ea2a4daee73b49799" ON "proxy_request"  ("session_id", "giver_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_eafb8b108ea2a4daee73b49799"`);
    await q.query(`DROP TABLE "proxy_request"`);
  }
}
