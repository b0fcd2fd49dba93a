import { Module, type OnModuleInit } from '@nestjs/common';
import { ActivityKindRegistry } from '../../common/realtime/activity-kinds';
import { SnapshotRegistry } from '../../common/realtime/snapshot-registry';
import { GroupAdapters } from '../groups/group-adapters';
import { GroupsModule } from '../groups/groups.module';
import { OutcomeRegistry } from '../outcomes/outcome-registry';
import { SessionsModule } from '../sessions/sessions.module';
import { BallotBatcher } from './ballot-batcher';
import { BallotMixer } from './ballot-mixer';
import { BallotsService } from './ballots.service';
import { LiveResultsService } from './live-results.service';
import { SurveyLifecycleService } from './survey-lifecycle.service';
import { SurveyOutcomes } from './survey-outcomes';
import { SurveySeeding } from './survey-seeding';
import { SurveyReader } from './survey-snapshot';
import { SurveyStore } from './survey.store';
import { SurveysController } from './surveys.controller';
import { SurveysGateway } from './surveys.gateway';
import { SurveysService } from './surveys.service';

@Module({
  imports: [SessionsModule, GroupsModule],
  controllers: [SurveysController],
  providers: [SurveyStore, BallotMixer, SurveysService, BallotsService, BallotBatcher, LiveResultsService, SurveyLifecycleService, SurveyReader, SurveyOutcomes, SurveySeeding, SurveysGateway],
})
export class SurveysModule implements OnModuleInit {
  constructor(
    private readonly kinds: ActivityKindRegistry,
    private readonly snapshots: SnapshotRegistry,
    private readonly surveys: SurveysService,
    private readonly reader: SurveyReader,
    private readonly outcomes: OutcomeRegistry,
    private readonly surveyOutcomes: SurveyOutcomes,
    private readonly groupAdapters: GroupAdapters,
    private readonly seeding: SurveySeeding,
  ) {}

  onModuleInit(): void {
    this.kinds.register('survey', this.surveys.kind);
    this.snapshots.register('surveys', (actor, manager) => this.reader.snapshot(actor, manager));
    this.outcomes.register('surveys', (sessionId, manager) => this.surveyOutcomes.sections(sessionId, manager));
    this.groupAdapters.register({
      surveyTop: { topResults: (tx, sessionId, activityId, questionId, count) => this.seeding.topResults(tx, sessionId, activityId, questionId, count) },
      finalSurvey: { create: (tx, actor, survey) => this.seeding.createFinal(tx, actor, survey) },
    });
  }
}
