import { expect, test, type Page } from '@playwright/test';
import { DEMO, phone, signInAsFacilitator } from './fixtures';

const QUESTION = /En un mot : l'avenir de nos territoires/;

/** `42/live,7["ballot.cast",{…}]` (socket.io over engine.io): the command's ack id and payload. */
function ballotCast(frame: string | Buffer): { ackId: string; opId: string; text: string } | null {
  const match = /^42\/live,(\d+)(\[.*)$/s.exec(String(frame));
  if (!match) return null;
  const [name, payload] = JSON.parse(match[2]) as [string, { opId: string; value: { text: string } }];
  return name === 'ballot.cast' ? { ackId: match[1], opId: payload.opId, text: payload.value.text } : null;
}

/** Counts how many times the app's live region announced `message` (each announcement, not its duration). */
async function countAnnouncements(page: Page, message: string): Promise<void> {
  await page.addInitScript((text) => {
    const w = window as unknown as { announced: number };
    w.announced = 0;
    let last = '';
    new MutationObserver(() => {
      const region = document.querySelector('[role="status"][aria-live="polite"].visually-hidden');
      const now = region?.textContent ?? '';
      if (now === text && last !== text) w.announced += 1;
      last = now;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, message);
}

async function joinAndOpenWorkshop(page: Page, name: string): Promise<void> {
  await page.goto(`/join/${DEMO.joinCode}`);
  await page.getByLabel(/votre nom/i).fill(name);
  await page.getByRole('button', { name: /rejoindre/i }).click();
  await page.getByRole('link', { name: /Atelier 1/ }).first().click();
  await expect(page.getByRole('heading', { name: QUESTION })).toBeVisible({ timeout: 15_000 });
}

// Conference Wi-Fi: a member's phone loses the network in the middle of a vote. The ballot waits in
// the phone's queue, leaves when the network is back, and is counted once — also when the network
// drops after the server recorded it but before its acknowledgement arrived.
test('a ballot cast offline is queued, sent on reconnect with its opId and counted once', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const suffix = Date.now() % 100_000;

  // The facilitator opens the word-cloud question of workshop 1.
  await signInAsFacilitator(page);
  await page.getByRole('link', { name: /contrats territoriaux/i }).first().click();
  await expect(page).toHaveURL(/\/staff\/sessions\/[0-9a-f-]{36}/);
  await page.getByRole('link', { name: /Atelier 1/ }).first().click();
  await page.getByRole('button', { name: /Ouvrir le vote : En un mot/ }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: QUESTION }) });
  await expect(card.getByRole('button', { name: /Clore le vote : En un mot/ })).toBeVisible();

  // 1. The network goes away before the vote.
  const first = await phone(browser);
  const member = first.page;
  await countAnnouncements(member, 'Vote enregistré');
  const sent: { opId: string; text: string; online: boolean }[] = [];
  let online = true;
  let socketsClosed = 0;
  member.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => {
      const cast = ballotCast(payload);
      if (cast) sent.push({ opId: cast.opId, text: cast.text, online });
    });
    ws.on('close', () => (socketsClosed += 1));
  });
  await joinAndOpenWorkshop(member, `Hors réseau ${suffix}`);
  await expect(member.getByText(/Hors ligne/)).toHaveCount(0);

  await first.context.setOffline(true);
  online = false;
  await expect(member.getByText(/Hors ligne/)).toBeVisible();
  // The live socket is really gone (closed at once on the browser's offline event, not after a ping timeout).
  await expect.poll(() => socketsClosed).toBeGreaterThan(0);

  const ballot = member.getByRole('form', { name: QUESTION });
  await ballot.getByLabel(/Votre réponse/).fill('Solidarité');
  await ballot.getByRole('button', { name: 'Voter' }).click();
  await expect(member.getByText("1 action en attente d'envoi.")).toBeVisible();
  // Nothing left the phone, and nothing is claimed: the receipt waits for the server. (Every frame
  // is recorded with the network state, so the single online send checked below proves none left offline.)
  expect(sent).toEqual([]);
  await expect(member.getByText('Vote enregistré')).toHaveCount(0);
  await expect(card.getByText(/(^|\s)1 votes? sur/)).toHaveCount(0);

  online = true;
  await first.context.setOffline(false);
  await expect(ballot.getByText('Vote enregistré')).toBeVisible({ timeout: 20_000 });
  await expect(member.getByText(/Hors ligne/)).toHaveCount(0);
  await expect(member.getByText(/en attente d'envoi/)).toHaveCount(0);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ text: 'Solidarité', online: true });
  await expect(member.locator('.ballot-receipt')).toHaveCount(1);
  await expect.poll(() => member.evaluate(() => (window as unknown as { announced: number }).announced)).toBe(1);
  await expect(card.getByText(/1 votes? sur \d+ présents/)).toBeVisible({ timeout: 10_000 });

  // 2. The network drops right after the server recorded a ballot, before its acknowledgement
  //    reached the phone: the phone sends it again with the same opId, and it is counted once.
  const second = await phone(browser);
  const other = second.page;
  await countAnnouncements(other, 'Vote enregistré');
  const casts: { opId: string; text: string }[] = [];
  let cutAfterAck: string | null = null;
  await other.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const cast = ballotCast(message);
      if (cast) {
        casts.push({ opId: cast.opId, text: cast.text });
        if (casts.length === 1) cutAfterAck = cast.ackId;
      }
      server.send(message);
    });
    server.onMessage((message) => {
      if (cutAfterAck !== null && String(message).startsWith(`43/live,${cutAfterAck}[`)) {
        cutAfterAck = null;
        void ws.close({ code: 4000, reason: 'network cut' });
        void server.close();
        return;
      }
      ws.send(message);
    });
  });
  await joinAndOpenWorkshop(other, `Coupure ${suffix}`);
  const otherBallot = other.getByRole('form', { name: QUESTION });
  await otherBallot.getByLabel(/Votre réponse/).fill('Mobilité');
  await otherBallot.getByRole('button', { name: 'Voter' }).click();
  await expect(otherBallot.getByText('Vote enregistré')).toBeVisible({ timeout: 20_000 });
  expect(casts.length).toBe(2);
  expect(casts[1]).toEqual(casts[0]);
  await expect(other.locator('.ballot-receipt')).toHaveCount(1);
  await expect.poll(() => other.evaluate(() => (window as unknown as { announced: number }).announced)).toBe(1);

  // Two members, two ballots: neither the queued one nor the resent one counted twice.
  await expect(card.getByText(/2 votes sur \d+ présents/)).toBeVisible({ timeout: 10_000 });
  await expect(card.getByText(/3 votes sur/)).toHaveCount(0);

  // Leave workshop 1 as the other journeys expect it: only their own question open.
  await card.getByRole('button', { name: /Clore le vote : En un mot/ }).click();
  await expect(card.getByRole('button', { name: /Publier les résultats : En un mot/ })).toBeVisible();
  await first.context.close();
  await second.context.close();
});
