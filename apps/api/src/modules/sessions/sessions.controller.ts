import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ApprovePairingBody, CreateSessionBody, JoinBody, SetThemeBody, TransitionSessionBody, UpdateSessionBody } from '@palabre/contracts';
import { DuplicatesService } from './duplicates.service';
import { ScreensService } from './screens.service';
import type { ParticipantActor, StaffActor } from '../../common/auth/actor';
import { CurrentParticipant, CurrentStaff, Route } from '../../common/auth/route.guard';
import { toGzipJson, toJsonBuffer } from '../../common/http/preserialized-json';
import { UuidParam } from '../../common/http/uuid-param';
import { RosterService } from './roster.service';
import { SessionsService } from './sessions.service';

const Id = UuidParam;

@Controller('api/sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly roster: RosterService,
    private readonly screens: ScreensService,
    private readonly duplicates: DuplicatesService,
  ) {}

  @Get() @Route('sessions.list')
  list() {
    return this.sessions.list();
  }

  @Post() @Route('sessions.create')
  create(@CurrentStaff() actor: StaffActor, @Body() body: CreateSessionBody) {
    return this.sessions.create(actor, body);
  }

  @Post('join') @HttpCode(200) @Route('sessions.join')
  join(@Body() body: JoinBody, @Req() req: Request) {
    return this.sessions.join(body, req.ip);
  }

  @Get(':id') @Route('sessions.get')
  get(@Param('id', Id) id: string) {
    return this.sessions.get(id);
  }

  @Patch(':id') @Route('sessions.update')
  update(@Param('id', Id) id: string, @Body() body: UpdateSessionBody) {
    return this.sessions.update(id, body);
  }

  @Put(':id/theme') @Route('sessions.theme')
  setTheme(@Param('id', Id) id: string, @Body() body: SetThemeBody) {
    return this.sessions.setTheme(id, body.theme);
  }

  @Post(':id/transition') @HttpCode(200) @Route('sessions.transition')
  transition(@Param('id', Id) id: string, @Body() body: TransitionSessionBody) {
    return this.sessions.transitionAsStaff(id, body.to);
  }

  @Post(':id/enter') @HttpCode(200) @Route('sessions.enter')
  enter(@CurrentStaff() actor: StaffActor, @Param('id', Id) id: string) {
    return this.sessions.enter(actor, id);
  }

  /**
   * The big parts many snapshots share (a board's ideas) are serialised, encoded and compressed once:
   * a thousand phones reconnecting get the same bytes copied in. Gzipped for a client that accepts it
   * (every browser): a big board is megabytes of JSON, hundreds of kilobytes over the venue's Wi-Fi.
   */
  @Get(':id/snapshot') @Route('sessions.snapshot')
  async snapshot(@CurrentParticipant() actor: ParticipantActor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const snapshot = await this.sessions.snapshot(actor);
    res.type('application/json; charset=utf-8').vary('Accept-Encoding');
    if (req.acceptsEncodings('gzip', 'identity') === 'gzip') res.set('Content-Encoding', 'gzip').send(toGzipJson(snapshot));
    else res.send(toJsonBuffer(snapshot));
  }

  @Post(':id/roster') @HttpCode(200) @Route('roster.import')
  importRoster(@Param('id', Id) id: string, @Req() req: Request) {
    return this.roster.importCsv(id, typeof req.body === 'string' ? req.body : '');
  }

  @Get(':id/invitations') @Route('roster.invitations')
  invitations(@Param('id', Id) id: string) {
    return this.roster.invitations(id);
  }

  @Post(':id/screens/pairings') @HttpCode(200) @Route('screens.pairing.approve')
  approveScreen(@Param('id', Id) id: string, @Body() body: ApprovePairingBody) {
    return this.screens.approve(id, body.code);
  }

  @Post(':id/screens') @HttpCode(200) @Route('screens.open')
  openScreen(@Param('id', Id) id: string) {
    return this.screens.open(id);
  }

  @Get(':id/duplicates') @Route('participants.duplicates')
  async duplicatesOf(@Param('id', Id) id: string) {
    await this.sessions.get(id); // SESSION_NOT_FOUND
    return this.duplicates.list(id);
  }
}

/** Routes that start before there is a session: a code joiner's roster names, a projector's pairing. */
@Controller('api')
export class PublicJoinController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly screens: ScreensService,
  ) {}

  @Get('join/:code/roster') @Route('join.roster')
  rosterNames(@Param('code') code: string) {
    return this.sessions.rosterNames(code);
  }

  @Post('screens/pairings') @HttpCode(200) @Route('screens.pairing.start')
  startPairing(@Req() req: Request) {
    return this.screens.startPairing(req.ip);
  }

  @Get('screens/pairings/:pairingId') @Route('screens.pairing.status')
  pairingStatus(@Param('pairingId', UuidParam) pairingId: string) {
    return this.screens.status(pairingId);
  }
}
