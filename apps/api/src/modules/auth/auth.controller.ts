import { Body, Controller, Get, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import type { AuthOptions, CreateStaffBody, LoginBody } from '@palabre/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { StaffActor } from '../../common/auth/actor';
import { CurrentStaff, Route } from '../../common/auth/route.guard';
import { AuthService } from './auth.service';

@Controller('api')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The address is the client's as TRUST_PROXY allows reading it (see bootstrap). */
  @Post('auth/login') @HttpCode(200) @Route('auth.login')
  login(@Body() body: LoginBody, @Ip() address: string) {
    return this.auth.login(body.email, body.password, address);
  }

  @Post('auth/logout') @HttpCode(204) @Route('auth.logout')
  logout(@CurrentStaff() actor: StaffActor) {
    return this.auth.logout(actor.staffSessionId);
  }

  @Get('auth/options') @Route('auth.options')
  options(): AuthOptions {
    return { password: true, oidc: this.config.oidc !== undefined };
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
