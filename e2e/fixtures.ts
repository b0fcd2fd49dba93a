import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/** The demo data seeded by the server (apps/api/src/seed/demo.ts). */
export const DEMO = {
  joinCode: 'OCCITANIE',
  facilitator: { email: 'animation@palabre.test', password: 'demo-palabre-2026' },
  organiser: { email: 'organisation@palabre.test', password: 'demo-palabre-2026' },
  instructor: { email: 'instruction@palabre.test', password: 'demo-palabre-2026' },
};

/** A member's phone: a 360 px-wide touch viewport in its own browser context. */
export async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'fr-FR' });
  return { context, page: await context.newPage() };
}

export async function signInAsFacilitator(page: Page, who = DEMO.facilitator): Promise<void> {
  await page.goto('/staff/login');
  await page.getByLabel(/e-mail/i).fill(who.email);
  await page.getByLabel(/mot de passe/i).fill(who.password);
  await page.getByRole('button', { name: /se connecter/i }).click();
}

/**
 * The projector as a signed-in staff browser opens it: screens are issued by staff, never
 * self-issued, so the projector's browser holds a staff sign-in and gets its screen token at once.
 * (The pairing-code path is tested in identity.e2e.ts.)
 */
export async function openProjector(page: Page, code: string, who = DEMO.facilitator): Promise<void> {
  const res = await page.request.post('/api/auth/login', { data: { email: who.email, password: who.password } });
  expect(res.ok()).toBe(true);
  const login = JSON.stringify(await res.json());
  await page.context().addInitScript((value) => localStorage.setItem('palabre.staff', value), login);
  await page.goto(`/screen/${code}`);
}

/** From the console: put an activity on the projector through the screen control ("Écran de projection"). */
export async function projectOnScreen(page: Page, show: 'Activité en cours' | "Synthèse d'un groupe", activity: string): Promise<void> {
  const control = page.getByRole('region', { name: 'Écran de projection' });
  await control.getByLabel('Afficher', { exact: true }).selectOption({ label: show });
  await control.getByLabel('Activité', { exact: true }).selectOption({ label: activity });
  await control.getByRole('button', { name: "Afficher à l'écran" }).click();
}

/** No serious or critical axe violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  // Only the violations are detailed (resultTypes): the passes are never read, so axe need not
  // collect every node that passes on each of the journeys' ~40 runs.
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ resultTypes: ['violations'] }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Nothing scrolls sideways: the page is no wider than the screen. */
export async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `${where}: page ${scroll} px wide on a ${client} px screen`).toBeLessThanOrEqual(client);
}
