import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { seedBoardsDemo } from '../modules/boards/demo-seed';
import { seedSurveyDemo } from '../modules/surveys/survey-demo';
import { seedQnaDemo } from '../modules/qna/qna.seed';
import { seedDemoGroups } from '../modules/groups/groups.demo';
import { seedChannelsDemo } from '../modules/surveys/channels-demo';

export interface DemoContext {
  sessionId: string;
  facilitatorAccountId: string;
  config: AppConfig;
}

export type DemoSeeder = (app: INestApplication, ctx: DemoContext) => Promise<void>;

/** Each feature adds the demo content of its workshop here (survey, board, groups, Q&A), in agenda order. */
export const DEMO_SEEDERS: DemoSeeder[] = [seedSurveyDemo, seedBoardsDemo, seedDemoGroups, seedQnaDemo, seedChannelsDemo];
