import { Module, type OnModuleInit } from '@nestjs/common';
import { ActivityKindRegistry } from '../../common/realtime/activity-kinds';
import { SnapshotRegistry } from '../../common/realtime/snapshot-registry';
import { OutcomeRegistry } from '../outcomes/outcome-registry';
import { SessionsModule } from '../sessions/sessions.module';
import { BallotKeys } from './ballot-key';
import { BallotsService } from './ballots.service';
import { LiveResultsService } from './live-results.service';
import { SurveyLifecycleService } from './survey-lifecycle.service';
import { SurveyOutcomes } from './survey-outcomes';
import { SurveyReader } from './survey-snapshot';
import { SurveyStore } from './survey.store';
import { SurveysController } from './surveys.controller';
import { SurveysGateway } from './surveys.gateway';
import { SurveysService } from './surveys.service';

@Module({
  imports: [SessionsModule],
  controllers: [SurveysController],
  providers: [SurveyStore, BallotKeys, SurveysService, BallotsService, LiveResultsService, SurveyLifecycleService, SurveyReader, SurveyOutcomes, SurveysGateway],
})
export class SurveysModule implements OnModuleInit {
  constructor(
    private readonly kinds: ActivityKindRegistry,
    private readonly snapshots: SnapshotRegistry,
    private readonly surveys: SurveysService,
    private readonly reader: SurveyReader,
    private readonly outcomes: OutcomeRegistry,
    private readonly surveyOutcomes: SurveyOutcomes,
  ) {}

  onModuleInit(): void {
    this.kinds.register('survey', this.surveys.kind);
    this.snapshots.register('surveys', (actor, manager) => this.reader.snapshot(actor, manager));
    this.outcomes.register('surveys', (sessionId, manager) => this.surveyOutcomes.sections(sessionId, manager));
  }
}
