import { Injectable } from '@nestjs/common';
import type { OutcomeIdea, OutcomeSectionInput } from '@palabre/contracts';
import type { EntityManager } from 'typeorm';
import { boardsRepository, type OutcomeBoardRow, type OutcomeIdeaRow } from './boards.repository';

/**
 * The board sections of the outcomes: per board the visible ideas, top supported first, each
 * carrying the titles of the duplicates merged into it (their supports were moved onto it by
 * the merge). Pending, rejected, withdrawn and hidden ideas stay out; an anonymous idea has no
 * author. Deterministic for the same rows: sealing hashes the result.
 */
@Injectable()
export class BoardOutcomes {
  async sections(sessionId: string, manager: EntityManager): Promise<OutcomeSectionInput[]> {
    const boards = await boardsRepository.outcomeBoards(manager, sessionId);
    if (boards.length === 0) return [];
    const ideas = await boardsRepository.outcomeIdeas(manager, boards.map((board) => board.id));
    return boards.map((board) => this.section(board, ideas.filter((idea) => idea.activity_id === board.id)));
  }

  private section(board: OutcomeBoardRow, ideas: OutcomeIdeaRow[]): OutcomeSectionInput {
    const columns = new Map(board.columns.map((column) => [column.id, column.title]));
    const visible = ideas.filter((idea) => idea.status === 'visible');
    const trail = (id: string) =>
      ideas.filter((idea) => idea.status === 'merged' && idea.merged_into === id).map((idea) => idea.title).sort(compare);
    const out: OutcomeIdea[] = visible.map((idea) => {
      const merged = trail(idea.id);
      const text = [idea.title, idea.body.trim(), merged.length > 0 ? `(regroupe : ${merged.join(' ; ')})` : ''].filter((part) => part !== '').join(' — ');
      return { id: idea.id, text, column: columns.get(idea.column_id) ?? idea.column_id, supports: idea.supports, comments: idea.comments, author: idea.author };
    });
    const order = new Map(visible.map((idea) => [idea.id, idea.title]));
    out.sort((a, b) => b.supports - a.supports || compare(order.get(a.id)!, order.get(b.id)!) || compare(a.id, b.id));
    return {
      schemaVersion: 1,
      activityId: board.id,
      kind: 'board',
      title: board.title,
      summary: `${out.length} idée${out.length > 1 ? 's' : ''} retenue${out.length > 1 ? 's' : ''}, des plus soutenues aux moins soutenues.`,
      ideas: out,
    };
  }
}

// Code-point order, not locale order: the same on every server, so the sealed digest is stable.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
