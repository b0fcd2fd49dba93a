import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The organiser's projector theme (colours and logo), per assembly. */
export class AssemblyTheme1764340000001 implements MigrationInterface {
  name = 'AssemblyTheme1764340000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "assembly" ADD "theme" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "assembly" DROP COLUMN "theme"`);
  }
}
