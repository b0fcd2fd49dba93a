import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Board revisions (issue #26, big boards): `board.revision` counts the committed changes to what a
 * board's snapshot shows — its ideas, comments and supports, and its authors' names. The database
 * keeps it, so no write path can forget it: deferred triggers bump it once per changed row, at commit
 * (the board row is locked only while the transaction commits). A snapshot that reads the same
 * revision reads the same board, so the API builds a board's content once per revision
 * (modules/boards/board-content.cache.ts).
 */
export class BoardRevisions1764800000001 implements MigrationInterface {
  name = 'BoardRevisions1764800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "board" ADD "revision" integer NOT NULL DEFAULT 0`);
    await q.query(`CREATE FUNCTION palabre_board_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE board SET revision = revision + 1 WHERE activity_id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.activity_id ELSE NEW.activity_id END);
  RETURN NULL;
END $$`);
    await q.query(`CREATE FUNCTION palabre_board_author_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE board SET revision = revision + 1 WHERE session_id = NEW.session_id;
  RETURN NULL;
END $$`);
    for (const table of ['idea', 'idea_comment', 'idea_support']) {
      await q.query(
        `CREATE CONSTRAINT TRIGGER "${table}_board_changed" AFTER INSERT OR UPDATE OR DELETE ON "${table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION palabre_board_changed()`,
      );
    }
    await q.query(
      `CREATE CONSTRAINT TRIGGER "participant_board_author_renamed" AFTER UPDATE OF "display_name" ON "participant" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
         WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name) EXECUTE FUNCTION palabre_board_author_renamed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "participant_board_author_renamed" ON "participant"`);
    for (const table of ['idea', 'idea_comment', 'idea_support']) await q.query(`DROP TRIGGER "${table}_board_changed" ON "${table}"`);
    await q.query(`DROP FUNCTION palabre_board_author_renamed()`);
    await q.query(`DROP FUNCTION palabre_board_changed()`);
    await q.query(`ALTER TABLE "board" DROP COLUMN "revision"`);
  }
}
