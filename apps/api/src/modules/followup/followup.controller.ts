import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { CreateRecommendationBody, ProgressBody, PublicSubscribeBody, RespondBody, SubscribeBody, SubscriptionTokenBody, UpdateRecommendationBody } from '@palabre/contracts';
import type { ParticipantActor, StaffActor } from '../../common/auth/actor';
import { CurrentParticipant, CurrentStaff, Route } from '../../common/auth/route.guard';
import { UuidParam } from '../../common/http/uuid-param';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { contentDisposition } from '../outcomes/render/labels';
import { atomFeed, jsonFeed } from './feeds';
import { FollowUpService } from './followup.service';
import { FollowUpReport } from './followup-report';

const Id = UuidParam;

@Controller('api/follow-up')
export class FollowUpController {
  constructor(
    private readonly followUp: FollowUpService,
    private readonly report: FollowUpReport,
  ) {}

  @Get('sessions/:id/candidates') @Route('followup.candidates')
  candidates(@Param('id', Id) id: string, @Query() query: { minSupports?: number }) {
    return this.followUp.candidates(id, query);
  }

  @Get('instructors') @Route('followup.instructors')
  instructors() {
    return this.followUp.instructors();
  }

  @Get('recommendations') @Route('followup.list')
  list(@CurrentStaff() actor: StaffActor, @Query() query: { sessionId?: string; assemblyId?: string }) {
    return this.followUp.list(actor, query);
  }

  @Post('recommendations') @Route('followup.create')
  create(@CurrentStaff() actor: StaffActor, @Body() body: CreateRecommendationBody) {
    return this.followUp.create(actor, body);
  }

  @Get('recommendations/:id') @Route('followup.get')
  get(@CurrentStaff() actor: StaffActor, @Param('id', Id) id: string) {
    return this.followUp.get(actor, id);
  }

  @Patch('recommendations/:id') @Route('followup.update')
  update(@CurrentStaff() actor: StaffActor, @Param('id', Id) id: string, @Body() body: UpdateRecommendationBody) {
    return this.followUp.update(actor, id, body);
  }

  @Post('recommendations/:id/response') @HttpCode(200) @Route('followup.respond')
  respond(@CurrentStaff() actor: StaffActor, @Param('id', Id) id: string, @Body() body: RespondBody) {
    return this.followUp.respond(actor, id, body);
  }

  @Post('recommendations/:id/progress') @HttpCode(200) @Route('followup.progress')
  progress(@CurrentStaff() actor: StaffActor, @Param('id', Id) id: string, @Body() body: ProgressBody) {
    return this.followUp.progress(actor, id, body);
  }

  @Get('assemblies/:id/report') @Route('followup.report')
  async quarterly(@Param('id', Id) id: string, @Query() query: { format: 'pdf' | 'docx'; date?: string }, @Res() res: Response) {
    const file = await this.report.render(id, query.format, query.date);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', contentDisposition(file.fileName));
    res.setHeader('Cache-Control', 'no-store');
    res.end(file.body);
  }
}

@Controller('api/public/assemblies')
export class PublicFollowUpController {
  constructor(
    private readonly followUp: FollowUpService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':id/follow-up') @Route('followup.public')
  page(@Param('id', Id) id: string, @Query() query: { theme?: string; territory?: string }) {
    return this.followUp.publicFollowUp(id, query);
  }

  @Get(':id/follow-up.atom') @Route('followup.atom')
  async atom(@Param('id', Id) id: string, @Res() res: Response) {
    const data = await this.followUp.publicFollowUp(id);
    res.setHeader('Content-Type', 'application/atom+xml; charset=utf-8');
    res.end(atomFeed(data, this.pageUrl(id), `${this.config.publicUrl}/api/public/assemblies/${id}/follow-up.atom`));
  }

  @Get(':id/follow-up.json') @Route('followup.jsonFeed')
  async json(@Param('id', Id) id: string, @Res() res: Response) {
    const data = await this.followUp.publicFollowUp(id);
    res.setHeader('Content-Type', 'application/feed+json; charset=utf-8');
    res.end(JSON.stringify(jsonFeed(data, this.pageUrl(id), `${this.config.publicUrl}/api/public/assemblies/${id}/follow-up.json`)));
  }

  @Post(':id/follow-up/subscription') @HttpCode(202) @Route('followup.publicSubscribe')
  requestSubscription(@Param('id', Id) id: string, @Body() body: PublicSubscribeBody) {
    return this.followUp.requestSubscription(id, body.email);
  }

  private pageUrl(assemblyId: string): string {
    return this.followUp.pageUrl(assemblyId);
  }
}

/** The signed links of the follow-up emails: no account (docs/follow-up.md, "Notifications"). */
@Controller('api/public/follow-up/subscription')
export class FollowUpLinksController {
  constructor(private readonly followUp: FollowUpService) {}

  @Post('confirm') @HttpCode(200) @Route('followup.confirm')
  confirm(@Body() body: SubscriptionTokenBody) {
    return this.followUp.confirmSubscription(body.token);
  }

  @Post('unsubscribe') @HttpCode(200) @Route('followup.unsubscribe')
  unsubscribe(@Body() body: SubscriptionTokenBody) {
    return this.followUp.unsubscribe(body.token);
  }
}

@Controller('api/sessions')
export class FollowUpSubscriptionController {
  constructor(private readonly followUp: FollowUpService) {}

  /** Like the public form, it only sends the confirmation email: nothing is subscribed until its link is followed. */
  @Post(':id/follow-up/subscription') @HttpCode(202) @Route('followup.subscribe')
  subscribe(@CurrentParticipant() actor: ParticipantActor, @Body() body: SubscribeBody) {
    return this.followUp.requestSubscriptionAsMember(actor.participantId, actor.sessionId, body.email);
  }
}
