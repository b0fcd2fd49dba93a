import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ExportFormat, SetPublicBody } from '@palabre/contracts';
import type { StaffActor } from '../../common/auth/actor';
import { CurrentStaff, Route } from '../../common/auth/route.guard';
import { UuidParam } from '../../common/http/uuid-param';
import { ArchiveService } from './archive.service';
import { publicBallotBoard } from '../surveys/survey-outcomes';
import { ExportsService } from './exports.service';
import { contentDisposition } from './render/labels';

const Id = UuidParam;

@Controller('api/sessions')
export class ExportsController {
  constructor(
    private readonly exportsService: ExportsService,
    private readonly archive: ArchiveService,
  ) {}

  @Get(':id/export.csv') @Route('exports.csv')
  csv(@Param('id', Id) id: string, @Query('activityId') activityId: string | undefined, @Res() res: Response) {
    return this.send(res, id, 'csv', activityId);
  }

  @Get(':id/export.xlsx') @Route('exports.xlsx')
  xlsx(@Param('id', Id) id: string, @Query('activityId') activityId: string | undefined, @Res() res: Response) {
    return this.send(res, id, 'xlsx', activityId);
  }

  @Get(':id/export.pdf') @Route('exports.pdf')
  pdf(@Param('id', Id) id: string, @Query('activityId') activityId: string | undefined, @Res() res: Response) {
    return this.send(res, id, 'pdf', activityId);
  }

  @Get(':id/export.docx') @Route('exports.docx')
  docx(@Param('id', Id) id: string, @Query('activityId') activityId: string | undefined, @Res() res: Response) {
    return this.send(res, id, 'docx', activityId);
  }

  @Get(':id/export.json') @Route('exports.json')
  json(@Param('id', Id) id: string, @Query('activityId') activityId: string | undefined, @Res() res: Response) {
    return this.send(res, id, 'json', activityId);
  }

  @Post(':id/seal') @HttpCode(200) @Route('archive.seal')
  seal(@CurrentStaff() actor: StaffActor, @Param('id', Id) id: string) {
    return this.archive.seal(actor, id);
  }

  private async send(res: Response, id: string, format: ExportFormat, activityId: string | undefined): Promise<void> {
    const file = await this.exportsService.export(id, format, activityId);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', contentDisposition(file.fileName));
    res.setHeader('Cache-Control', 'no-store');
    res.end(file.body);
  }
}

@Controller('api/archive')
export class ArchiveController {
  constructor(private readonly archive: ArchiveService) {}

  @Get() @Route('archive.list')
  list(@Query('q') search: string | undefined) {
    return this.archive.list(typeof search === 'string' ? search.slice(0, 200) : undefined);
  }

  @Get(':id') @Route('archive.get')
  get(@Param('id', Id) id: string) {
    return this.archive.get(id);
  }

  @Get(':id/verify') @Route('archive.verify')
  verify(@Param('id', Id) id: string) {
    return this.archive.verify(id);
  }

  @Post(':id/public') @HttpCode(200) @Route('archive.public')
  setPublic(@Param('id', Id) id: string, @Body() body: SetPublicBody) {
    return this.archive.setPublic(id, body.public);
  }

  @Post(':id/pseudonymise') @HttpCode(200) @Route('archive.pseudonymise')
  pseudonymise(@Param('id', Id) id: string) {
    return this.archive.pseudonymise(id);
  }
}

@Controller('api/public')
export class PublicResultsController {
  constructor(private readonly archive: ArchiveService) {}

  @Get(':code/results') @Route('public.results')
  results(@Param('code') code: string) {
    return this.archive.publicResults(code.toUpperCase().slice(0, 32));
  }

  /** The anonymous questions' ballot boards, from the same sealed record (issue #17). */
  @Get(':code/ballot-board') @Route('surveys.ballotBoard')
  async ballotBoard(@Param('code') code: string) {
    return publicBallotBoard(await this.archive.publicRecord(code.toUpperCase().slice(0, 32)));
  }
}
