import { Injectable } from '@nestjs/common';
import type { OutcomeQuestion, OutcomeSectionInput } from '@palabre/contracts';
import type { EntityManager } from 'typeorm';

interface QnaRow { id: string; title: string }
interface QuestionRow { id: string; activity_id: string; text: string; status: string; votes: number; author: string | null }

/**
 * The Q&A sections of the outcomes: per Q&A the questions the floor saw, most upvoted first,
 * answered or not. Pending, hidden, rejected and merged questions stay out; an anonymous
 * question has no author. Deterministic for the same rows: sealing hashes the result.
 */
@Injectable()
export class QnaOutcomes {
  async sections(sessionId: string, manager: EntityManager): Promise<OutcomeSectionInput[]> {
    const activities: QnaRow[] = await manager.query(
      `SELECT id, title FROM activity WHERE session_id = $1 AND kind = 'qna' ORDER BY position, id`,
      [sessionId],
    );
    if (activities.length === 0) return [];
    const rows: QuestionRow[] = await manager.query(
      // Upvotes are counted from the vote rows, not the cached counter: the seal then covers
      // the rows themselves, and a vote row deleted afterwards is seen by verification.
      `SELECT q.id, q.activity_id, q.text, q.status,
              (SELECT count(*)::int FROM qna_vote v WHERE v.question_id = q.id) AS votes,
              CASE WHEN q.anonymous THEN NULL ELSE p.display_name END AS author
         FROM qna_question q JOIN participant p ON p.id = q.author_id
        WHERE q.activity_id = ANY($1::uuid[]) AND q.status IN ('visible', 'answering', 'answered')`,
      [activities.map((a) => a.id)],
    );
    return activities.map((a) => {
      const questions: OutcomeQuestion[] = rows
        .filter((q) => q.activity_id === a.id)
        .sort((x, y) => y.votes - x.votes || compare(x.text, y.text) || compare(x.id, y.id))
        .map((q) => ({ id: q.id, text: q.text, upvotes: q.votes, answered: q.status === 'answered', answer: null, author: q.author }));
      const answered = questions.filter((q) => q.answered).length;
      return {
        schemaVersion: 1,
        activityId: a.id,
        kind: 'qna',
        title: a.title,
        summary: `${questions.length} question${questions.length > 1 ? 's' : ''} posée${questions.length > 1 ? 's' : ''}, dont ${answered} traitée${answered > 1 ? 's' : ''} en séance.`,
        questions,
      } satisfies OutcomeSectionInput;
    });
  }
}

// Code-point order, not locale order: the same on every server, so the sealed digest is stable.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
