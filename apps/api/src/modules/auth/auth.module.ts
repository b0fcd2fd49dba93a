import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';

@Module({ controllers: [AuthController, OidcController], providers: [AuthService, LoginThrottle, OidcService], exports: [AuthService] })
export class AuthModule {}
