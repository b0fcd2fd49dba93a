import { Controller, Get, Param } from '@nestjs/common';
import { Route } from '../../common/auth/route.guard';
import { UuidParam } from '../../common/http/uuid-param';
import { AttendanceService } from './attendance.service';

@Controller('api/sessions')
export class RoomController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get(':id/attendance') @Route('room.attendance')
  figures(@Param('id', UuidParam) id: string) {
    return this.attendance.figures(id);
  }
}
