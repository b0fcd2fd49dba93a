import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SimilarIdea } from '@palabre/contracts';
import { rankSimilar } from '@palabre/domain';
import { boardsRepository } from './boards.repository';

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
      const rows = await boardsRepository.trigramMatches(manager, activityId, text, statuses, excludeId, TRGM_THRESHOLD, LIMIT);
      return rows.map((row) => ({ id: row.id, title: row.title, columnId: row.column_id, score: round(row.score) }));
    }
    const rows = await boardsRepository.ideaTexts(manager, activityId, statuses, excludeId);
    return rankSimilar(text, rows.map((row) => ({ id: row.id, title: row.title, columnId: row.column_id, text: `${row.title} ${row.body}` })), 0.5, LIMIT).map((ranked) => ({
      id: ranked.id,
      title: ranked.title,
      columnId: ranked.columnId,
      score: round(ranked.score),
    }));
  }

  /** Checked once per process: the extension does not come and go while Palabre runs. */
  private hasTrgm(manager: EntityManager): Promise<boolean> {
    this.trgm ??= boardsRepository.trgmInstalled(manager).then((installed) => {
      if (!installed) this.logger.warn('pg_trgm is not installed: similar ideas use word overlap');
      return installed;
    });
    return this.trgm;
  }
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}
