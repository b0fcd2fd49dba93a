import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Route } from '../../common/auth/route.guard';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { OIDC_COOKIE, OidcService } from './oidc.service';

/** The browser side of directory sign-in: two redirects, no JSON. */
@Controller('api/auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('start') @Route('auth.oidc.start')
  async start(@Res() res: Response): Promise<void> {
    const { url, pending } = await this.oidc.start();
    res.setHeader('Set-Cookie', this.cookie(pending, 600));
    res.redirect(302, url);
  }

  /**
   * Back from the directory: the staff token travels to the web app in the URL fragment, which
   * browsers never send to a server nor put in a Referer; the page removes it from history.
   */
  @Get('callback') @Route('auth.oidc.callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const outcome = await this.oidc.finish(req.originalUrl, cookieOf(req.headers.cookie, OIDC_COOKIE));
    res.setHeader('Set-Cookie', this.cookie('', 0));
    const fragment = 'token' in outcome ? `token=${encodeURIComponent(outcome.token)}` : `error=${outcome.error}`;
    res.redirect(302, `${this.config.publicUrl}/staff/login#${fragment}`);
  }

  private cookie(value: string, maxAge: number): string {
    const secure = this.config.publicUrl.startsWith('https:') ? '; Secure' : '';
    return `${OIDC_COOKIE}=${value}; Max-Age=${maxAge}; Path=/api/auth/oidc; HttpOnly; SameSite=Lax${secure}`;
  }
}

function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || undefined;
  }
  return undefined;
}
