import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';

/** Where e2e/serve.mjs's SMTP server writes each email it receives (same formula there). */
const MAILBOX = join(tmpdir(), `palabre-e2e-mailbox-${process.env.E2E_PORT ?? '4310'}`);

/** An email's text as sent: quoted-printable soft breaks joined and escapes decoded (enough for ASCII links). */
function decoded(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Waits for an email to `to` whose text matches `pattern`; answers the match. */
export async function waitForMail(to: string, pattern: RegExp): Promise<RegExpExecArray> {
  let found: RegExpExecArray | null = null;
  await expect
    .poll(() => {
      for (const file of readdirSync(MAILBOX).sort()) {
        const mail = JSON.parse(readFileSync(join(MAILBOX, file), 'utf8')) as { to: string[]; raw: string };
        if (!mail.to.includes(to.toLowerCase())) continue;
        found = pattern.exec(decoded(mail.raw));
        if (found) return true;
      }
      return false;
    }, { message: `an email to ${to} matching ${pattern}`, timeout: 10_000 })
    .toBe(true);
  return found as unknown as RegExpExecArray;
}
