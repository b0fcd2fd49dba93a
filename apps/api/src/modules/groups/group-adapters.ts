import { Injectable } from '@nestjs/common';
import type { ActivitySummary, QuestionDraft, SeedCard } from '@palabre/contracts';
import type { ParticipantActor } from '../../common/auth/actor';
import type { Tx } from '../../common/realtime/transaction';

/**
 * What the working groups need from boards and surveys, which live in their own modules.
 * Those modules register an implementation in their onModuleInit; until then seeding keeps
 * the cards in `group_seed_card` and the final survey is a plain survey agenda item
 * carrying its questions in `config.pendingQuestions`.
 */

/** Top results of a plenary survey question, best first, as starting cards (origin kind 'survey'). */
export interface SurveyTopResultsSource {
  topResults(tx: Tx, sessionId: string, surveyActivityId: string, questionId: string, count: number): Promise<SeedCard[]>;
}

/** Chosen plenary ideas as starting cards (origin kind 'idea'); ideas of another session or group answer NOT_FOUND. */
export interface IdeaSeedSource {
  ideas(tx: Tx, sessionId: string, ideaIds: string[]): Promise<SeedCard[]>;
}

/** Puts starting cards on a group's board (boardActivityId is a `board` activity of that group, already checked). */
export interface BoardSeeder {
  seed(tx: Tx, actor: ParticipantActor, boardActivityId: string, cards: SeedCard[]): Promise<void>;
}

/** Creates a plenary survey (draft) with these questions, publishing its own events; returns its summary. */
export interface FinalSurveyFactory {
  create(tx: Tx, actor: ParticipantActor, survey: { title: string; questions: QuestionDraft[] }): Promise<ActivitySummary>;
}

@Injectable()
export class GroupAdapters {
  surveyTop?: SurveyTopResultsSource;
  ideas?: IdeaSeedSource;
  boardSeeder?: BoardSeeder;
  finalSurvey?: FinalSurveyFactory;

  register(adapters: Partial<Pick<GroupAdapters, 'surveyTop' | 'ideas' | 'boardSeeder' | 'finalSurvey'>>): void {
    Object.assign(this, adapters);
  }
}
