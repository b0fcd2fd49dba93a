import { Controller, Get, Header, Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Route } from '../../common/auth/route.guard';
import { renderDocsPage } from './docs-page';
import { buildOpenApi, type OpenApiDocument } from './openapi';

@Controller('api/docs')
export class DocsController {
  // The contracts do not change while the process runs: render once.
  private page?: string;
  private document?: OpenApiDocument;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get() @Route('docs.html') @Header('Content-Type', 'text/html; charset=utf-8')
  html(): string {
    this.page ??= renderDocsPage();
    return this.page;
  }

  @Get('openapi.json') @Route('docs.openapi')
  openapi(): OpenApiDocument {
    this.document ??= buildOpenApi(this.config.publicUrl);
    return this.document;
  }
}
