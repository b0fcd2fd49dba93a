import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Health } from '@palabre/contracts';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Route } from '../../common/auth/route.guard';
import { REDIS_STATE, type RedisState } from '../../common/live/redis-state';
import { healthRepository } from './health.repository';
import { Readiness } from './readiness';

/** Seconds a client waits before asking again while the node is starting. */
const STARTING_RETRY_AFTER = 1;

@Controller('api')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(REDIS_STATE) private readonly redis: RedisState,
    private readonly readiness: Readiness,
  ) {}

  /**
   * `ok` when everything answers; `degraded` when Redis is configured but down; 503 `down` without
   * the database; 503 `starting` until the node is ready (docs/operations.md, "live and ready").
   */
  @Get('health') @Route('health')
  async health(@Res({ passthrough: true }) res: Response): Promise<Health> {
    const database = await healthRepository
      .ping(this.db.manager)
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const redis = this.redis.configured ? (this.redis.up ? 'up' : 'down') : 'unused';
    const status = database === 'down' ? 'down' : !this.readiness.ready ? 'starting' : redis === 'down' ? 'degraded' : 'ok';
    if (status === 'down' || status === 'starting') res.status(503);
    if (status === 'starting') res.setHeader('Retry-After', String(STARTING_RETRY_AFTER));
    return { status, database, redis, embedded: this.redis.embeddedDatabase };
  }
}
