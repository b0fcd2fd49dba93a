import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { GroupImportReport } from '@palabre/contracts';
import { Route } from '../../common/auth/route.guard';
import { UuidParam } from '../../common/http/uuid-param';
import { PlacementService } from './placement.service';

@Controller('api/sessions/:id/groups')
export class GroupsController {
  constructor(private readonly placement: PlacementService) {}

  @Post(':activityId/assignments') @HttpCode(200) @Route('groups.import')
  async importCsv(@Param('id', UuidParam) id: string, @Param('activityId', UuidParam) activityId: string, @Req() req: Request): Promise<GroupImportReport> {
    // Room membership follows the moves once committed (GroupAccess.publishMoves).
    const { moves: _moves, ...report } = await this.placement.importCsv(id, activityId, typeof req.body === 'string' ? req.body : '');
    return report;
  }
}
