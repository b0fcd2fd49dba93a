import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SimilarIdea } from '@palabre/contracts';
import { rankSimilar } from '@palabre/domain';

const TRGM_THRESHOLD = 0.4;
const LIMIT = 5;

/**
 * Similar ideas: PostgreSQL trigram similarity when pg_trgm is installed (the migration tries,
 * PGlite loads it), else the word-overlap fallback of libs/domain over the board's ideas.
 */
@Injectable()
export class SimilarityService {
  private readonly logger = new Logger('Similarity');
  private trgm?: Promise<boolean>;
  /** Tests force the fallback to check it on a database that has the extension. */
  forceFallback = false;

  async similar(manager: EntityManager, activityId: string, text: string, statuses: string[], excludeId: string | null): Promise<SimilarIdea[]> {
    if (!this.forceFallback && (await this.hasTrgm(manager))) {
      const rows: { id: string; title: string; column_id: string; score: number }[] = await manager.query(
        `SELECT id, title, column_id, score FROM (
           SELECT id, title, column_id, created_at,
                  GREATEST(word_similarity($2, title || ' ' || body), similarity($2, title))::float8 AS score
             FROM idea WHERE activity_id = $1 AND status = ANY($3) AND ($4::uuid IS NULL OR id <> $4::uuid)) s
          WHERE score >= $5 ORDER BY score DESC, created_at ASC LIMIT ${LIMIT}`,
        [activityId, text, statuses, excludeId, TRGM_THRESHOLD],
      );
      return rows.map((r) => ({ id: r.id, title: r.title, columnId: r.column_id, score: round(r.score) }));
    }
    const rows: { id: string; title: string; body: string; column_id: string }[] = await manager.query(
      `SELECT id, title, body, column_id FROM idea WHERE activity_id = $1 AND status = ANY($2) AND ($3::uuid IS NULL OR id <> $3::uuid) ORDER BY created_at`,
      [activityId, statuses, excludeId],
    );
    return rankSimilar(text, rows.map((r) => ({ id: r.id, title: r.title, columnId: r.column_id, text: `${r.title} ${r.body}` })), 0.5, LIMIT).map((r) => ({
      id: r.id,
      title: r.title,
      columnId: r.columnId,
      score: round(r.score),
    }));
  }

  /** Checked once per process: the extension does not come and go while Palabre runs. */
  private hasTrgm(manager: EntityManager): Promise<boolean> {
    this.trgm ??= manager.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`).then((rows: unknown[]) => {
      if (rows.length === 0) this.logger.warn('pg_trgm is not installed: similar ideas use word overlap');
      return rows.length > 0;
    });
    return this.trgm;
  }
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}
