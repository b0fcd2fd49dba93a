import type { Type } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { DocsModule } from './docs/docs.module';
import { SessionsModule } from './sessions/sessions.module';

/** Every feature module; a new feature adds its module here. */
export const FEATURE_MODULES: Type[] = [AuthModule, SessionsModule, DocsModule];
