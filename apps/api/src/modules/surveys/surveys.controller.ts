import { Controller, Get, Param } from '@nestjs/common';
import type { ParticipantActor, StaffActor } from '../../common/auth/actor';
import { CurrentParticipant, CurrentStaff, Route } from '../../common/auth/route.guard';
import { UuidParam } from '../../common/http/uuid-param';
import { RollCallService } from './rollcall.service';
import { SurveyReader } from './survey-reader';
import { SurveysService } from './surveys.service';

@Controller('api')
export class SurveysController {
  constructor(
    private readonly reader: SurveyReader,
    private readonly surveys: SurveysService,
    private readonly rollCall: RollCallService,
  ) {}

  @Get('sessions/:id/survey-questions/:questionId/voters') @Route('surveys.voters')
  voters(@CurrentParticipant() actor: ParticipantActor, @Param('id', UuidParam) _id: string, @Param('questionId', UuidParam) questionId: string) {
    return this.rollCall.voters(actor, questionId);
  }

  @Get('sessions/:id/survey-questions/:questionId/results') @Route('surveys.results')
  results(@CurrentParticipant() actor: ParticipantActor, @Param('id', UuidParam) _id: string, @Param('questionId', UuidParam) questionId: string) {
    return this.reader.questionResults(actor, questionId);
  }

  @Get('survey-templates') @Route('surveys.templates')
  templates(@CurrentStaff() actor: StaffActor) {
    return this.surveys.templates(actor.accountId);
  }
}
