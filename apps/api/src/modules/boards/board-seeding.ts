import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BOARD_LIMITS, type SeedCard } from '@palabre/contracts';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { Tx } from '../../common/db/transaction';
import { boardsRepository } from './boards.repository';
import { IdeasService } from './ideas.service';

/**
 * What the working groups ask of boards: starting cards become ideas on a group's board (in
 * its first column, posted by the facilitator who seeds, their origin written under the text
 * so every member sees where they come from), and chosen plenary ideas become starting cards.
 */
@Injectable()
export class BoardSeeding {
  constructor(private readonly ideas: IdeasService) {}

  async seed(tx: Tx, actor: ParticipantActor, boardActivityId: string, cards: SeedCard[]): Promise<void> {
    const board = await boardsRepository.findBoard(tx.manager, boardActivityId);
    if (!board) throw new AppError('NOT_FOUND');
    for (const card of cards) {
      const origin = `Origine : ${card.origin.label}`;
      const body = card.body ? `${card.body}\n\n${origin}` : origin;
      // The seed command's own opId guards the whole batch; each idea needs one of its own.
      await this.ideas.postIdea(tx, actor, {
        opId: randomUUID(),
        activityId: boardActivityId,
        columnId: board.columns[0].id,
        title: card.title.slice(0, BOARD_LIMITS.ideaTitle),
        body: body.slice(0, BOARD_LIMITS.ideaBody),
        anonymous: false,
      });
    }
  }

  /** Visible plenary ideas of this session as cards; any other id (another session, a group's board, hidden) is NOT_FOUND. */
  async ideaCards(tx: Tx, sessionId: string, ideaIds: string[]): Promise<SeedCard[]> {
    const rows = await boardsRepository.plenaryIdeas(tx.manager, sessionId, ideaIds);
    if (rows.length !== new Set(ideaIds).size) throw new AppError('NOT_FOUND');
    const byId = new Map(rows.map((row) => [row.id, row]));
    return [...new Set(ideaIds)].map((id) => {
      const row = byId.get(id)!;
      return { title: row.title, body: row.body, origin: { kind: 'idea' as const, label: `${row.board} — idée de la plénière`.slice(0, 200), sourceId: row.id } };
    });
  }
}
