import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Opinion maps (issue #23, performance): the stored map keeps what the phones show of it (libs/domain
 * `opinionAgreements`), so a member's snapshot reads a few hundred bytes instead of the whole map.
 * Null on maps stored before: the snapshot derives it from the map until the next recompute.
 */
export class OpinionAgreements1764700000001 implements MigrationInterface {
  name = 'OpinionAgreements1764700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "opinion_map_state" ADD "agreements" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "opinion_map_state" DROP COLUMN "agreements"`);
  }
}
