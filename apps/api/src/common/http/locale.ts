import type { Request } from 'express';
import type { Locale } from '@palabre/contracts';

/** French unless the client prefers English. */
export function localeOf(req: Pick<Request, 'headers'>): Locale {
  const header = req.headers['accept-language'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^en\b/i.test(value.trim()) ? 'en' : 'fr';
}
