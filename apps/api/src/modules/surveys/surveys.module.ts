import { ACTIVITY_STATES } from '@palabre/domain';
import { ActivityKinds } from '../sessions/activity-kinds';
import { Module, type OnModuleInit } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { SessionsModule } from '../sessions/sessions.module';
import { BallotBatcher } from './ballot-batcher';
import { BallotMixer } from './ballot-mixer';
import { BallotsService } from './ballots.service';
import { LiveResultsService } from './live-results.service';
import { SurveyLifecycleService } from './survey-lifecycle.service';
import { SurveyOutcomes } from './survey-outcomes';
import { SurveySeeding } from './survey-seeding';
import { SurveyReader } from './survey-reader';
import { SurveysController } from './surveys.controller';
import { SurveysCommands } from './surveys.commands';
import { SurveysService } from './surveys.service';
import { ChannelsCommands } from './channels.commands';
import { PaperService } from './paper.service';
import { RollCallService } from './rollcall.service';
import { ProxiesService } from './proxies.service';
import { SnapshotRegistry } from '../../common/live/snapshot-registry';
import { isStaffRole } from '@palabre/domain';

@Module({
  imports: [SessionsModule, GroupsModule],
  controllers: [SurveysController],
  providers: [BallotMixer, SurveysService, BallotsService, BallotBatcher, LiveResultsService, SurveyLifecycleService, SurveyReader, SurveyOutcomes, SurveySeeding, SurveysCommands, ProxiesService, PaperService, RollCallService, ChannelsCommands],
  // The amendments put each vote to a yes/no/abstain question of a companion survey.
  exports: [SurveysService, SurveyLifecycleService, BallotsService],
})
export class SurveysModule implements OnModuleInit {
  constructor(
    private readonly kinds: ActivityKinds,
    private readonly surveys: SurveysService,
    private readonly lifecycle: SurveyLifecycleService,
    private readonly reader: SurveyReader,
    private readonly surveyOutcomes: SurveyOutcomes,
    private readonly seeding: SurveySeeding,
    private readonly snapshots: SnapshotRegistry,
    private readonly proxies: ProxiesService,
    private readonly paper: PaperService,
  ) {}

  onModuleInit(): void {
    // Proxies (members see their own) and, for staff, the paper entries (docs/proxies.md).
    this.snapshots.register('channels', async (actor, manager) => ({
      ...(await this.proxies.snapshot(actor, manager)),
      paper: isStaffRole(actor.role) ? await this.paper.entries(manager, actor.sessionId) : [],
    }));
    this.kinds.register('survey', {
      feature: 'surveys',
      states: ACTIVITY_STATES.survey,
      ...this.surveys.kind,
      open: (tx, activity) => this.lifecycle.openActivity(tx, activity),
      close: async (tx, activity, actorId) => {
        await this.lifecycle.closeActivity(tx, activity, actorId);
        return 'closed';
      },
      reopen: (tx, activity) => this.lifecycle.openActivity(tx, activity),
      snapshot: (actor, manager) => this.reader.snapshot(actor, manager),
      outcomes: (sessionId, manager) => this.surveyOutcomes.sections(sessionId, manager),
      group: {
        topResults: (tx, sessionId, activityId, questionId, count) => this.seeding.topResults(tx, sessionId, activityId, questionId, count),
        createFinal: (tx, actor, survey) => this.seeding.createFinal(tx, actor, survey),
      },
    });
  }
}
