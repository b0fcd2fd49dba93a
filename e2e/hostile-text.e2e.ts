import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, phone, projectOnScreen, signInAsFacilitator, openProjector } from './fixtures';

// Hostile text: markup that would run if it were ever parsed as HTML, SQL metacharacters,
// right-to-left overrides (U+202E, U+2066…U+2069) and zero-width characters (U+200B, U+200D).
const NAME = `<img src=x onerror="window.__pwned='name'">`;
const IDEA = `<img src=x onerror="window.__pwned='idea'"> Transports \u202Eselcyc\u202C a\u200Bb`;
const BODY = `<script>window.__pwned='body'</script> '; DROP TABLE idea; -- \u2066x\u2069 c\u200Dd`;
const COMMENT = `<svg onload="window.__pwned='comment'"></svg><script>alert('comment')</script> \u202Egnp.exe`;
const QUESTION = `<script>alert('question')</script><img src=x onerror="window.__pwned='question'"> Et le \u202Ecalendrier\u202C a\u200Bb ?`;

/** What a page would show if some text ran as code: dialogs, CSP refusals, errors, a fetch of `x`. */
interface Watch {
  page: Page;
  dialogs: string[];
  refusals: string[];
  errors: string[];
  fetched: string[];
}

async function watch(page: Page): Promise<Watch> {
  const w: Watch = { page, dialogs: [], refusals: [], errors: [], fetched: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) w.refusals.push(m.text());
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  // An <img src=x> parsed as HTML is fetched (relative to the page) even when CSP stops its handler.
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/x')) w.fetched.push(r.url());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__csp', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return w;
}

async function expectNothingRan(w: Watch): Promise<void> {
  const inPage = await w.page.evaluate(() => ({ pwned: (window as { __pwned?: unknown }).__pwned ?? null, csp: (window as unknown as { __csp: string[] }).__csp }));
  expect({ ...inPage, dialogs: w.dialogs, refusals: w.refusals, errors: w.errors, fetched: w.fetched }).toEqual({ pwned: null, csp: [], dialogs: [], refusals: [], errors: [], fetched: [] });
}

/** Shown as text: the exact characters, and no element or handler made from them. */
async function expectLiteral(place: Locator, text: string): Promise<void> {
  await expect(place).toHaveText(text);
  expect(await place.evaluate((el) => el.textContent)).toBe(text);
  expect(await place.locator('img, script, svg, [onerror], [onload]').count()).toBe(0);
}

function ideaCard(page: Page): Locator {
  return page.locator('article', { hasText: 'Transports' });
}

test('hostile text in an idea, a comment, a name and a question stays inert text on the phone, the console and the projector', async ({ browser }) => {
  test.setTimeout(240_000);

  // A member with a hostile name posts a hostile idea and comments on it.
  const member = await phone(browser);
  const phoneWatch = await watch(member.page);
  await member.page.goto(`/join/${DEMO.joinCode}`);
  await member.page.getByLabel('Votre nom').fill(NAME);
  await member.page.getByRole('button', { name: 'Rejoindre' }).click();
  await member.page.getByRole('link', { name: /Atelier 2/ }).click();
  await member.page.getByLabel("Titre de l'idée").fill(IDEA);
  await member.page.getByLabel('Précisions (facultatif)').fill(BODY);
  await member.page.getByRole('button', { name: 'Publier' }).click();
  const mine = ideaCard(member.page);
  await expectLiteral(mine.locator('.board-title'), IDEA);
  await expectLiteral(mine.locator('.board-text').first(), BODY);
  await expect(mine.locator('.board-author')).toContainText(NAME);
  await mine.locator('summary', { hasText: /commentaire/ }).click();
  await mine.getByLabel('Ajouter un commentaire').fill(COMMENT);
  await mine.getByRole('button', { name: 'Envoyer' }).click();
  await expectLiteral(mine.locator('.board-comment .board-text'), COMMENT);

  // The facilitator puts the board on the projector through the console's screen control.
  const staffContext = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 1000 } });
  const staff = await staffContext.newPage();
  const consoleWatch = await watch(staff);
  await signInAsFacilitator(staff);
  await staff.getByRole('link', { name: /contrats territoriaux/ }).first().click();
  await projectOnScreen(staff, 'Activité en cours', 'Atelier 2 — Comment faire vivre ces démarches contractuelles ?');

  const screenContext = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1600, height: 900 } });
  const screen = await screenContext.newPage();
  const screenWatch = await watch(screen);
  await openProjector(screen, DEMO.joinCode);
  await expectLiteral(screen.locator('.board-screen-card .board-title', { hasText: 'Transports' }), IDEA);

  // The console's moderation view shows the same idea, author and comment as text.
  await staff.getByRole('link', { name: /Atelier 2/ }).first().click();
  await expect(staff.getByRole('heading', { name: 'Idées publiées' })).toBeVisible();
  const moderated = ideaCard(staff);
  await expectLiteral(moderated.locator('.board-title'), IDEA);
  await expectLiteral(moderated.locator('.board-text').first(), BODY);
  await moderated.locator('summary', { hasText: /commentaire/ }).click();
  await expectLiteral(moderated.locator('.board-comment .board-text'), COMMENT);

  // A Q&A in a session of its own (the demo's waits for its turn on the agenda).
  const code = `HOST-${Date.now().toString(36).toUpperCase().slice(-6)}`;
  const title = 'Séance de test — questions hostiles';
  await staff.goto('/staff');
  await staff.getByLabel('Titre de la séance').fill(title);
  await staff.getByLabel('Date de la séance').fill('2026-12-03');
  await staff.getByLabel('Code (facultatif)').fill(code);
  await staff.getByRole('button', { name: 'Créer la séance' }).click();
  await staff.getByRole('link', { name: title }).click();
  await staff.getByRole('button', { name: 'Ouvrir la séance' }).click();
  await staff.getByLabel("Type d'activité").selectOption('qna');
  await staff.getByLabel("Titre de l'activité").fill('Échange avec la présidente');
  await staff.getByRole('button', { name: 'Ajouter au programme' }).click();
  await staff.getByRole('button', { name: 'Lancer : Échange avec la présidente' }).click();
  await openProjector(screen, code);

  await member.page.goto(`/join/${code}`);
  await member.page.getByLabel('Votre nom').fill(NAME);
  await member.page.getByRole('button', { name: 'Rejoindre' }).click();
  await member.page.getByLabel('Votre question à la présidente').fill(QUESTION);
  await member.page.getByRole('button', { name: 'Envoyer la question' }).click();
  await expectLiteral(member.page.locator('.qna-list .qna-text'), QUESTION);

  await expectLiteral(staff.locator('.qna-question .qna-text'), QUESTION);
  await staff.getByRole('button', { name: 'Marquer en cours' }).click();
  await expectLiteral(screen.locator('.qna-current-text'), QUESTION);
  await expect(screen.locator('.qna-current')).toContainText(NAME);

  for (const w of [phoneWatch, consoleWatch, screenWatch]) await expectNothingRan(w);

  // Control: the same watch does see markup that is parsed as HTML (so the checks above could fail).
  const control2 = await screenContext.newPage();
  const controlWatch = await watch(control2);
  await control2.goto(`/screen/${code}`);
  await control2.evaluate((html) => {
    const div = document.createElement('div');
    div.innerHTML = html;
    document.body.append(div);
  }, NAME);
  await expect.poll(() => control2.evaluate(() => (window as unknown as { __csp: string[] }).__csp.length)).toBeGreaterThan(0);
  await expect.poll(() => controlWatch.fetched.length).toBeGreaterThan(0);
  expect(await control2.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null)).toBeNull();

  for (const c of [member.context, staffContext, screenContext]) await c.close();
});
