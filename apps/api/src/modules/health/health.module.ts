import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** `GET /api/health`: liveness and readiness for load balancers and orchestrators. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
