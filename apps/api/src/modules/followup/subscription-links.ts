import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../common/errors/app-error';

/** How long the link of a confirmation email works; an unsubscribe link never expires. */
export const CONFIRM_LINK_DAYS = 7;

const Claims = z.discriminatedUnion('p', [
  z.object({ p: z.literal('confirm'), a: z.uuid(), e: z.string(), m: z.uuid(), x: z.number().int() }),
  z.object({ p: z.literal('unsubscribe'), a: z.uuid(), e: z.string() }),
]);
export type LinkClaims = z.infer<typeof Claims>;

/**
 * The signed links of the follow-up emails (docs/follow-up.md, "Notifications"): one confirms a
 * subscription asked from the public page, the other, in every notification, ends it. They work
 * without an account: the HMAC (a key derived from TOKEN_SECRET) proves the server wrote them.
 * Format: base64url(JSON claims) "." base64url(HMAC-SHA256).
 */
export class SubscriptionLinks {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('palabre/follow-up-links/v1').digest();
  }

  confirm(assemblyId: string, email: string, participantId: string, now = Date.now()): string {
    return this.sign({ p: 'confirm', a: assemblyId, e: email, m: participantId, x: Math.floor(now / 1000) + CONFIRM_LINK_DAYS * 86_400 });
  }

  unsubscribe(assemblyId: string, email: string): string {
    return this.sign({ p: 'unsubscribe', a: assemblyId, e: email });
  }

  /** The claims of a link the server signed, for this purpose and not expired; SUBSCRIPTION_LINK_INVALID otherwise. */
  verify<P extends LinkClaims['p']>(token: string, purpose: P, now = Date.now()): Extract<LinkClaims, { p: P }> {
    const [body, mac] = token.split('.');
    const expected = this.mac(body ?? '');
    const given = Buffer.from(mac ?? '', 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError('SUBSCRIPTION_LINK_INVALID');
    let claims: LinkClaims;
    try {
      claims = Claims.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    } catch {
      throw new AppError('SUBSCRIPTION_LINK_INVALID');
    }
    if (claims.p !== purpose || (claims.p === 'confirm' && claims.x * 1000 < now)) throw new AppError('SUBSCRIPTION_LINK_INVALID');
    return claims as Extract<LinkClaims, { p: P }>;
  }

  private sign(claims: LinkClaims): string {
    const body = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  private mac(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest();
  }
}
