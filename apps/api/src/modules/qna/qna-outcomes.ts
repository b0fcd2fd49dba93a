import { Injectable } from '@nestjs/common';
import type { OutcomeQuestion, OutcomeSectionInput } from '@palabre/contracts';
import type { EntityManager } from 'typeorm';
import { qnaRepository } from './qna.repository';

/**
 * The Q&A sections of the outcomes: per Q&A the questions the floor saw, most upvoted first,
 * answered or not. Pending, hidden, rejected and merged questions stay out; an anonymous
 * question has no author. Deterministic for the same rows: sealing hashes the result.
 */
@Injectable()
export class QnaOutcomes {
  async sections(sessionId: string, manager: EntityManager): Promise<OutcomeSectionInput[]> {
    const activities = await qnaRepository.outcomeQnas(manager, sessionId);
    if (activities.length === 0) return [];
    const rows = await qnaRepository.outcomeQuestions(manager, activities.map((activity) => activity.id));
    return activities.map((activity) => {
      const questions: OutcomeQuestion[] = rows
        .filter((row) => row.activity_id === activity.id)
        .sort((x, y) => y.votes - x.votes || compare(x.text, y.text) || compare(x.id, y.id))
        .map((row) => ({ id: row.id, text: row.text, upvotes: row.votes, answered: row.status === 'answered', answer: null, author: row.author }));
      const answered = questions.filter((question) => question.answered).length;
      return {
        schemaVersion: 1,
        activityId: activity.id,
        kind: 'qna',
        title: activity.title,
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
