import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import type { CreateStaffBody, LoginBody } from '@palabre/contracts';
import type { StaffActor } from '../../common/auth/actor';
import { CurrentStaff, Route } from '../../common/auth/route.guard';
import { AuthService } from './auth.service';

@Controller('api')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login') @HttpCode(200) @Route('auth.login')
  login(@Body() body: LoginBody) {
    return this.auth.login(body.email, body.password);
  }

  @Get('auth/me') @Route('auth.me')
  me(@CurrentStaff() actor: StaffActor) {
    return this.auth.me(actor.accountId);
  }

  @Post('staff') @Route('staff.create')
  create(@Body() body: CreateStaffBody) {
    return this.auth.createAccount(body);
  }
}
