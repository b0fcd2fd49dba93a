import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Q&A questions and upvotes (one per participant by primary key), room state (agenda, screen, timer), presence confirmations. */
export class QnaRoom1764210000000 implements MigrationInterface {
  name = 'QnaRoom1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "qna_question" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "author_id" uuid NOT NULL, "anonymous" boolean NOT NULL DEFAULT false, "text" text NOT NULL, "status" text NOT NULL, "merged_into" uuid, "votes" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_e917bd8b3ead1f663351e94b8e" CHECK (char_length("text") <= 500), CONSTRAINT "PK_6b1f2c4ef7517500a655d81e9f4" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "UQ_qna_question_answering" ON "qna_question"  ("activity_id") WHERE "status" = 'answering'`);
    await q.query(`CREATE INDEX "IDX_8d385d4f8ff74149e5e980cf89" ON "qna_question"  ("activity_id", "status") `);
    await q.query(`CREATE TABLE "qna_vote" ("question_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c01f0d2516f442bc664ba1b2e79" PRIMARY KEY ("question_id", "participant_id"))`);
    await q.query(`CREATE TABLE "room_state" ("session_id" uuid NOT NULL, "current_activity_id" uuid, "screen" jsonb NOT NULL DEFAULT '{"view":"welcome"}', "plan" jsonb NOT NULL DEFAULT '{}', "quorum_percent" integer, "timer_activity_id" uuid, "timer_ends_at" TIMESTAMP WITH TIME ZONE, "timer_paused_ms" integer, "timer_duration_ms" integer, "timer_auto_close" boolean NOT NULL DEFAULT false, "timer_warned" boolean NOT NULL DEFAULT false, "timer_seq" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_47019b14474bc9bfd9653189099" PRIMARY KEY ("session_id"))`);
    await q.query(`CREATE TABLE "attendance_confirmation" ("participant_id" uuid NOT NULL, "session_id" uuid NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_941a81d36956e93293872b529dc" PRIMARY KEY ("participant_id"))`);
    await q.query(`CREATE INDEX "IDX_1edbf83a3fa269fc30429366e1" ON "attendance_confirmation"  ("session_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_1edbf83a3fa269fc30429366e1"`);
    await q.query(`DROP TABLE "attendance_confirmation"`);
    await q.query(`DROP TABLE "room_state"`);
    await q.query(`DROP TABLE "qna_vote"`);
    await q.query(`DROP INDEX "public"."IDX_8d385d4f8ff74149e5e980cf89"`);
    await q.query(`DROP INDEX "public"."UQ_qna_question_answering"`);
    await q.query(`DROP TABLE "qna_question"`);
  }
}
