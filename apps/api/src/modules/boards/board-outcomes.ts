import { Injectable } from '@nestjs/common';
import type { BoardColumn, OutcomeIdea, OutcomeSectionInput } from '@palabre/contracts';
import type { EntityManager } from 'typeorm';

interface BoardRow { id: string; title: string; columns: BoardColumn[] }
interface IdeaRow {
  id: string; activity_id: string; column_id: string; title: string; body: string; status: string;
  merged_into: string | null; author: string | null; supports: number; comments: number;
}

/**
 * The board sections of the outcomes: per board the visible ideas, top supported first, each
 * carrying the titles of the duplicates merged into it (their supports were moved onto it by
 * the merge). Pending, rejected, withdrawn and hidden ideas stay out; an anonymous idea has no
 * author. Deterministic for the same rows: sealing hashes the result.
 */
@Injectable()
export class BoardOutcomes {
  async sections(sessionId: string, manager: EntityManager): Promise<OutcomeSectionInput[]> {
    const boards: BoardRow[] = await manager.query(
      `SELECT a.id, a.title, b.columns FROM activity a JOIN board b ON b.activity_id = a.id
        WHERE a.session_id = $1 ORDER BY a.position, a.id`,
      [sessionId],
    );
    if (boards.length === 0) return [];
    const ideas: IdeaRow[] = await manager.query(
      `SELECT i.id, i.activity_id, i.column_id, i.title, i.body, i.status, i.merged_into,
              CASE WHEN i.anonymous THEN NULL ELSE p.display_name END AS author,
              (SELECT coalesce(sum(s.dots), 0)::int FROM idea_support s WHERE s.idea_id = i.id) AS supports,
              (SELECT count(*)::int FROM idea_comment c WHERE c.idea_id = i.id AND NOT c.deleted) AS comments
         FROM idea i JOIN participant p ON p.id = i.author_id
        WHERE i.activity_id = ANY($1::uuid[]) AND i.status IN ('visible', 'merged')`,
      [boards.map((b) => b.id)],
    );
    return boards.map((board) => this.section(board, ideas.filter((i) => i.activity_id === board.id)));
  }

  private section(board: BoardRow, ideas: IdeaRow[]): OutcomeSectionInput {
    const columns = new Map(board.columns.map((c) => [c.id, c.title]));
    const visible = ideas.filter((i) => i.status === 'visible');
    const trail = (id: string) =>
      ideas.filter((i) => i.status === 'merged' && i.merged_into === id).map((i) => i.title).sort(compare);
    const out: OutcomeIdea[] = visible.map((i) => {
      const merged = trail(i.id);
      const text = [i.title, i.body.trim(), merged.length > 0 ? `(regroupe : ${merged.join(' ; ')})` : ''].filter((s) => s !== '').join(' — ');
      return { id: i.id, text, column: columns.get(i.column_id) ?? i.column_id, supports: i.supports, comments: i.comments, author: i.author };
    });
    const order = new Map(visible.map((i) => [i.id, i.title]));
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
