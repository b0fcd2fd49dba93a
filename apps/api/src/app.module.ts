import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/config';
import { CoreModule } from './common/core.module';
import type { RedisState } from './common/live/redis-state';
import { dataSourceOptions, type DatabaseTarget } from './database/options';
import { HealthModule } from './modules/health/health.module';
import { FEATURE_MODULES } from './modules';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseTarget, redisState: RedisState): DynamicModule {
    return {
      module: AppModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(database), retryAttempts: 2, retryDelay: 1000 }), CoreModule.forRoot(config, redisState), ...FEATURE_MODULES, HealthModule],
    };
  }
}
