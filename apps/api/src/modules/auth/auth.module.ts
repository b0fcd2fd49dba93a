import { Global, Module } from '@nestjs/common';
import { STAFF_SESSION_LOOKUP } from '../../common/auth/staff-session-lookup';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';
import { StaffSessions } from './staff-sessions';

/**
 * Staff sign-in (password, OIDC) and their sessions. Global for one export: the ActorResolver of
 * common/ checks every staff token against StaffSessions, as STAFF_SESSION_LOOKUP.
 */
@Global()
@Module({
  controllers: [AuthController, OidcController],
  providers: [AuthService, LoginThrottle, OidcService, StaffSessions, { provide: STAFF_SESSION_LOOKUP, useExisting: StaffSessions }],
  exports: [AuthService, STAFF_SESSION_LOOKUP],
})
export class AuthModule {}
