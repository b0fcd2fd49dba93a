import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An amendment filed by a working group's rapporteur in the group's name (issue #22). */
export class AmendmentGroups1764600000001 implements MigrationInterface {
  name = 'AmendmentGroups1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "amendment" ADD "group_name" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "amendment" DROP COLUMN "group_name"`);
  }
}
