import type { Type } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BoardsModule } from './boards/boards.module';
import { DocsModule } from './docs/docs.module';
import { OutcomesModule } from './outcomes/outcomes.module';
import { QnaModule } from './qna/qna.module';
import { OpinionsModule } from './opinions/opinions.module';
import { RoomModule } from './room/room.module';
import { GroupsModule } from './groups/groups.module';
import { FloorModule } from './floor/floor.module';
import { AmendmentsModule } from './amendments/amendments.module';
import { SessionsModule } from './sessions/sessions.module';
import { SurveysModule } from './surveys/surveys.module';
import { FollowUpModule } from './followup/followup.module';

/** Every feature module; a new feature adds its module here. */
export const FEATURE_MODULES: Type[] = [AuditModule, AuthModule, SessionsModule, DocsModule, BoardsModule, SurveysModule, OutcomesModule, QnaModule, RoomModule, GroupsModule, FollowUpModule, OpinionsModule, FloorModule, AmendmentsModule];
