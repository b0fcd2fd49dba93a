import { Module } from '@nestjs/common';
import { DocsController } from './docs.controller';

/** API documentation generated from the contracts: /api/docs (HTML) and /api/docs/openapi.json. */
@Module({ controllers: [DocsController] })
export class DocsModule {}
