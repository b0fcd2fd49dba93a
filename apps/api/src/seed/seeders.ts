import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { seedBoardsDemo } from '../modules/boards/boards.demo';
import { seedSurveyDemo } from '../modules/surveys/surveys.demo';
import { seedQnaDemo } from '../modules/qna/qna.demo';
import { seedFloorDemo } from '../modules/floor/floor.demo';
import { seedGroupsDemo } from '../modules/groups/groups.demo';
import { seedOpinionsDemo } from '../modules/opinions/opinions.demo';
import { seedChannelsDemo } from '../modules/surveys/channels.demo';
import { seedAmendmentsDemo } from '../modules/amendments/amendments.demo';
import { seedFollowUpDemo } from '../modules/followup/followup.demo';

export interface DemoContext {
  sessionId: string;
  facilitatorAccountId: string;
  config: AppConfig;
}

export type DemoSeeder = (app: INestApplication, ctx: DemoContext) => Promise<void>;

/**
 * Each feature adds the demo content of its workshop here, in agenda order: the morning's survey,
 * board, working groups and Q&A with the president, then the opinion map (fed by the board's ideas),
 * the shared roadmap the assembly amends, the speakers' list of the plenary debate, and the final
 * vote (proxies, paper and assisted ballots). Last, the assembly's earlier plenary (June, sealed) and
 * the follow-up of its recommendations.
 */
export const DEMO_SEEDERS: DemoSeeder[] = [seedSurveyDemo, seedBoardsDemo, seedGroupsDemo, seedQnaDemo, seedOpinionsDemo, seedAmendmentsDemo, seedFloorDemo, seedChannelsDemo, seedFollowUpDemo];
