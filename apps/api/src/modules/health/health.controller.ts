import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Route } from '../../common/auth/route.guard';
import { REDIS_STATE, type RedisState } from '../../common/realtime/redis-state';

@Controller('api')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(REDIS_STATE) private readonly redis: RedisState,
  ) {}

  /** `ok` when everything answers; `degraded` when Redis is configured but down; 503 without the database. */
  @Get('health') @Route('health')
  async health(@Res({ passthrough: true }) res: Response) {
    const database = await this.db
      .query('SELECT 1')
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const redis = this.redis.configured ? (this.redis.up ? 'up' : 'down') : 'unused';
    const status = database === 'down' ? 'down' : redis === 'down' ? 'degraded' : 'ok';
    if (database === 'down') res.status(503);
    return { status, database, redis, embedded: this.redis.embeddedDatabase };
  }
}
