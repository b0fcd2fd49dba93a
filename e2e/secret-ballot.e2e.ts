import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { BASE_URL } from './playwright.config';
import { DEMO, phone } from './fixtures';

const ROOT = join(__dirname, '..');
const PROMPT = 'Adoptez-vous le budget participatif ?';

async function rest<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function command<T>(socket: Socket, name: string, payload: Record<string, unknown>): Promise<T> {
  const ack = (await socket.timeout(10_000).emitWithAck(name, { opId: randomUUID(), ...payload })) as { ok: boolean; data: T; error?: { code: string } };
  if (!ack.ok) throw new Error(`${name} refused: ${ack.error?.code}`);
  return ack.data;
}

// Issue #17, end to end, on a session of its own: a member votes on an anonymous question and
// notes the receipt code on the phone; the session is closed, sealed and published; the public
// receipt page finds the ballot; the script's tally from the JSON export equals the published one.
test('a member votes anonymously, keeps the receipt, and finds the ballot counted on the sealed public board', async ({ browser }) => {
  test.setTimeout(120_000);
  const organiser = await rest<{ token: string }>('POST', '/api/auth/login', undefined, DEMO.organiser);
  const session = await rest<{ id: string; joinCode: string }>('POST', '/api/sessions', organiser.token, { title: 'Vote secret vérifiable', date: '2026-12-03', accessMode: 'open' });
  await rest('POST', `/api/sessions/${session.id}/transition`, organiser.token, { to: 'live' });
  const staff = await rest<{ token: string }>('POST', `/api/sessions/${session.id}/enter`, organiser.token, {});
  const socket = io(`${BASE_URL}/live`, { auth: { token: staff.token, locale: 'fr' }, transports: ['websocket'], extraHeaders: { origin: BASE_URL } });
  try {
    const activity = await command<{ id: string }>(socket, 'activity.create', {
      kind: 'survey',
      title: 'Budget participatif',
      config: { anonymity: 'anonymous', questions: [{ type: 'yesno', prompt: PROMPT }] },
    });
    const survey = await command<{ questions: { id: string }[] }>(socket, 'survey.open', { activityId: activity.id });
    const questionId = survey.questions[0].id;

    // Two phones vote: one yes (the one we follow), one no.
    const receipts: string[] = [];
    for (const [i, choice] of (['Oui', 'Non'] as const).entries()) {
      const voter = await phone(browser);
      await voter.page.goto(`/join/${session.joinCode}`);
      await voter.page.getByLabel(/votre nom/i).fill(`Votant secret ${i + 1}`);
      await voter.page.getByRole('button', { name: /rejoindre/i }).click();
      await voter.page.getByRole('link', { name: /Budget participatif/ }).first().click();
      await expect(voter.page.getByRole('heading', { name: PROMPT })).toBeVisible({ timeout: 15_000 });
      await voter.page.getByRole('radio', { name: choice, exact: true }).check();
      await voter.page.getByRole('button', { name: /^Voter$/ }).click();
      // The receipt code, on the phone, once the mixed batch holding the ballot is committed.
      const code = voter.page.getByTestId('receipt-code').locator('.receipt-code');
      await expect(code).toHaveText(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/, { timeout: 15_000 });
      receipts.push((await code.textContent()) ?? '');
      // After a reload the phone still shows its own ballot and receipt (the server cannot find them).
      await voter.page.reload();
      await expect(voter.page.getByTestId('receipt-code')).toContainText(receipts[i]);
      await voter.context.close();
    }

    await command(socket, 'survey.question.close', { questionId });
    await rest('POST', `/api/sessions/${session.id}/transition`, organiser.token, { to: 'closed' });
    await rest('POST', `/api/sessions/${session.id}/seal`, organiser.token, {});
    await rest('POST', `/api/archive/${session.id}/public`, organiser.token, { public: true });

    // The public page: anyone finds the receipt on the ballot board, counted as "Oui".
    const page = await browser.newPage();
    await page.goto(`/public/${session.joinCode}/receipt`);
    await expect(page.getByRole('heading', { level: 1, name: 'Vérifier mon reçu de vote anonyme' })).toBeVisible();
    await page.getByLabel(/Votre code de reçu/).fill(receipts[0].toLowerCase());
    await page.getByRole('button', { name: 'Chercher' }).click();
    const found = page.locator('.receipt-found');
    await expect(found).toContainText(receipts[0]);
    await expect(found).toContainText('Oui');
    await page.getByLabel(/Votre code de reçu/).fill('0000-0000-0000');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await expect(page.getByText(/Aucun bulletin ne porte le reçu 0000-0000-0000/)).toBeVisible();

    // The script recounts the board from the JSON export; its tally equals the published one.
    const exported = await fetch(`${BASE_URL}/api/sessions/${session.id}/export.json`, { headers: { authorization: `Bearer ${organiser.token}` } }).then((r) => r.text());
    const file = join(mkdtempSync(join(tmpdir(), 'palabre-board-')), 'export.json');
    writeFileSync(file, exported);
    const recount = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'scripts/tally-ballot-board.mjs'), file, '--json'], { encoding: 'utf8' })) as {
      questionId: string;
      ballots: number;
      results: { choices: { choice: string; count: number }[] };
      problems: string[];
    }[];
    expect(recount).toHaveLength(1);
    expect(recount[0]).toMatchObject({ questionId, ballots: 2, problems: [] });
    const published = await rest<{ sections: { activityId: string | null; tables: { rows: (string | number)[][] }[] }[] }>('GET', `/api/public/${session.joinCode}/results`);
    const table = published.sections.find((s) => s.activityId === activity.id)!.tables[0];
    const count = (label: string) => table.rows.find((r) => r[0] === label)?.[1];
    const scripted = (choice: string) => recount[0].results.choices.find((c) => c.choice === choice)?.count;
    expect({ yes: scripted('yes'), no: scripted('no'), abstain: scripted('abstain') }).toEqual({ yes: count('Oui'), no: count('Non'), abstain: count('Abstention') });
    expect(scripted('yes')).toBe(1);
  } finally {
    socket.close();
  }
});
