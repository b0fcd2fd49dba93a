import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ActorResolver } from './auth/actor-resolver';
import { RouteGuard } from './auth/route.guard';
import { TokenService } from './auth/tokens';
import { HttpExceptionFilter } from './errors/http-exception.filter';
import { CommandDispatcher } from './commands/command-dispatcher';
import { FloodCoolOffs } from './commands/rate-limit';
import { CommandRunner } from './commands/command-runner';
import { RealtimeEmitter } from './live/emitter';
import { LiveGateway } from './live/live.gateway';
import { PresenceService } from './live/presence.service';
import { ProcessedOpPurge } from './idempotency/processed-op-purge';
import { REDIS_STATE, type RedisState } from './live/redis-state';
import { SnapshotRegistry } from './live/snapshot-registry';
import { TransactionRunner } from './db/transaction';
import { VolatileFanout } from './live/volatile-fanout';
import { Clock } from './time/clock';

const SHARED = [Clock, TokenService, ActorResolver, RealtimeEmitter, TransactionRunner, CommandRunner, PresenceService, VolatileFanout, SnapshotRegistry];

/**
 * Cross-cutting services every feature module uses: auth, transactions, the live protocol. They
 * depend on no feature module: what they need of one (the audit trail written in a command's
 * transaction, the staff sessions behind staff tokens) is an interface of common/ that the feature
 * provides from its own global module (AUDIT_TRAIL by AuditModule, STAFF_SESSION_LOOKUP by AuthModule).
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, redisState: RedisState): DynamicModule {
    return {
      module: CoreModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: REDIS_STATE, useValue: redisState },
        ...SHARED,
        CommandDispatcher,
        FloodCoolOffs,
        LiveGateway,
        ProcessedOpPurge,
        { provide: APP_GUARD, useClass: RouteGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
      exports: [APP_CONFIG, REDIS_STATE, ...SHARED],
    };
  }
}
