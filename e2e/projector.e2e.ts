import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { BASE_URL } from './playwright.config';
import { DEMO, openProjector } from './fixtures';
import { seedSession, type SeededSession } from './live-client';

/**
 * The projector at 1920×1080, as a room of 250 reads it: the join QR code scans, the question
 * and every kind of result are large enough for the back of the room, and long boards and Q&A
 * never run past the bottom of the screen. Screenshots land in test-results/projector/ (CI keeps it).
 */
const SHOTS = 'test-results/projector';
mkdirSync(SHOTS, { recursive: true });
test.use({ viewport: { width: 1920, height: 1080 }, locale: 'fr-FR' });

const option = (id: string, label: string) => ({ id, label });
const THEMES = [option('mobilite', 'Mobilités du quotidien'), option('sante', 'Accès aux soins'), option('logement', 'Logement des jeunes'), option('culture', 'Culture et patrimoine')];
const QUESTIONS = [
  { type: 'single', prompt: 'Quelle priorité pour le prochain contrat territorial ?', options: THEMES },
  { type: 'multiple', prompt: 'Quels publics faut-il associer davantage ?', options: THEMES, minSelections: 1, maxSelections: 2 },
  { type: 'ranking', prompt: 'Classez ces thèmes par ordre de priorité', options: THEMES },
  { type: 'points', prompt: 'Répartissez 100 points entre ces thèmes', options: THEMES, budget: 100 },
  { type: 'scale', prompt: 'Votre satisfaction envers les contrats actuels, de 1 à 5', max: 5 },
  { type: 'majority', prompt: 'Comment jugez-vous les contrats territoriaux actuels ?', options: THEMES, gradeCount: 6 },
  { type: 'yesno', prompt: 'Faut-il un contrat unique par bassin de vie ?' },
  { type: 'text', prompt: "En un mot : l'avenir de nos territoires ?" },
] as const;
const METHODS = {
  single: /^Décompte des voix : /,
  multiple: /^Décompte des voix : /,
  ranking: 'Classement par la méthode de Borda : 3 points pour une 1re place, 1 de moins par rang',
  points: /^Total des points \(100 points par personne\) : /,
  scale: /^Répartition des notes de 1 à 5 : /,
  majority: /^Jugement majoritaire : /,
  yesno: /^Décompte des voix : /,
  text: /^Mots les plus cités : /,
} as const;
const WORDS = ['solidarité', 'mobilité', 'jeunesse', 'transition', 'proximité', 'innovation'];

/** The ballot member `i` (0-based) casts on each question type. */
function ballot(type: (typeof QUESTIONS)[number]['type'], i: number): Record<string, unknown> {
  const ids = THEMES.map((o) => o.id);
  const rotated = [...ids.slice(i % 4), ...ids.slice(0, i % 4)];
  switch (type) {
    case 'single': return { type, optionId: rotated[0] };
    case 'multiple': return { type, optionIds: rotated.slice(0, 2) };
    case 'ranking': return { type, ranking: rotated };
    case 'points': return { type, allocation: { [rotated[0]]: 70, [rotated[1]]: 30 } };
    case 'scale': return { type, value: 1 + (i % 5) };
    case 'majority': return { type, grades: Object.fromEntries(ids.map((id, k) => [id, (i + k) % 6])) };
    case 'yesno': return { type, choice: (['yes', 'no', 'abstain', 'yes'] as const)[i % 4] };
    case 'text': return { type, text: `${WORDS[i % WORDS.length]} ${WORDS[(i * 2) % WORDS.length]}` };
  }
}

/** Rendered font sizes in CSS pixels; SVG text is scaled by its viewBox, so its matrix is applied. */
async function fontSizes(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((nodes) =>
    nodes.map((node) => {
      const size = parseFloat(getComputedStyle(node).fontSize);
      const matrix = node instanceof SVGGraphicsElement ? node.getScreenCTM() : null;
      return matrix ? size * matrix.a : size;
    }),
  );
}

/** Nothing below the bottom of the screen: the page does not scroll, no visible item is cut. */
async function expectNoVerticalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const doc = document.documentElement;
    const cut = Array.from(document.querySelectorAll<HTMLElement>('.screen-pager-item'))
      .filter((li) => getComputedStyle(li).visibility !== 'hidden')
      .filter((li) => {
        const frame = li.closest('.screen-pager-frame')!.getBoundingClientRect();
        const box = li.getBoundingClientRect();
        return box.top < frame.top - 1 || box.bottom > frame.bottom + 1;
      }).length;
    const lowest = Math.max(...Array.from(document.querySelectorAll('.screen *')).map((el) => el.getBoundingClientRect().bottom).filter((b) => b > 0 && b < 1e6));
    return { scroll: doc.scrollHeight - window.innerHeight, cut, lowest };
  });
  expect(overflow.scroll).toBeLessThanOrEqual(0);
  expect(overflow.cut).toBe(0);
}

let seeded: SeededSession;
test.afterAll(() => seeded?.close());

test('the welcome screen shows the join code in large type and a QR code that scans to the join link', async ({ page }) => {
  seeded = await seedSession('Projecteur — accueil', 0);
  await openProjector(page, `${seeded.code}`);
  await expect(page.getByTestId('screen-state')).toHaveAttribute('data-projection', 'welcome');
  const code = page.getByTestId('screen-join-code');
  await expect(code).toHaveText(seeded.code);
  expect((await fontSizes(page, '[data-testid="screen-join-code"]'))[0]).toBeGreaterThanOrEqual(120);
  const qr = page.getByRole('img', { name: new RegExp(`QR code .*${seeded.code}`) });
  await expect(qr).toBeVisible();
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const shot = await page.screenshot({ path: `${SHOTS}/welcome.png` });
  const png = PNG.sync.read(shot);
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data).toBe(`${BASE_URL}/join/${seeded.code}`);
  await openProjector(page, `${seeded.code}?theme=contrast`);
  await expect(code).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/welcome-contrast.png` });
  seeded.close();
});

test("the organiser's colours and logo are on the projector, and high contrast replaces them when asked for", async ({ page }) => {
  // The demo assembly has a theme (apps/api/src/seed/demo.ts).
  await openProjector(page, `${DEMO.joinCode}`);
  const logo = page.getByRole('img', { name: 'Assemblée des Territoires — Occitanie' });
  await expect(logo).toBeVisible();
  await expect(page.locator('.screen')).toHaveAttribute('data-organiser-theme', 'true');
  const primary = () => page.evaluate(() => getComputedStyle(document.querySelector('.screen')!).getPropertyValue('--primary').trim());
  expect(await primary()).toBe('#9b1b30');
  await page.screenshot({ path: `${SHOTS}/organiser-theme.png` });
  await openProjector(page, `${DEMO.joinCode}?theme=contrast`);
  await expect(page.locator('.screen-main')).toHaveAttribute('data-theme', 'contrast');
  await expect(page.locator('.screen').first()).toBeVisible();
  await expect(logo).toHaveCount(0);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.screen-main')!).backgroundColor)).toBe('rgb(0, 0, 0)');
  expect(await primary()).toBe('#ffd60a');
  await page.screenshot({ path: `${SHOTS}/contrast-theme.png` });
});

test('every kind of result is legible from the back of the room: question ≥ 56 px, results ≥ 40 px', async ({ page }) => {
  test.setTimeout(180_000);
  seeded = await seedSession('Projecteur — résultats', 4);
  const survey = await seeded.staff.send<{ id: string }>('activity.create', {
    kind: 'survey',
    title: 'Atelier — tous les types de question',
    config: { anonymity: 'named', resultsVisibility: 'live', shuffle: false, questions: QUESTIONS },
  });
  await seeded.staff.send('activity.start', { activityId: survey.id });
  const questions = (await seeded.staff.send<{ questions: { id: string }[] }>('survey.close', { activityId: survey.id })).questions;
  await openProjector(page, `${seeded.code}`);
  await expect(page.getByRole('heading', { name: 'Atelier — tous les types de question' })).toBeVisible();

  for (const [index, question] of QUESTIONS.entries()) {
    const id = questions[index].id;
    await seeded.staff.send('survey.question.open', { questionId: id });
    for (const [i, member] of seeded.members.entries()) await member.send('ballot.cast', { questionId: id, value: ballot(question.type, i) });
    await expect(page.locator('.screen-survey-prompt')).toHaveText(question.prompt);
    await expect(page.getByText(/^4 votes sur \d+ présents · Vote ouvert( · .+)?$/)).toBeVisible();
    const results = page.locator('.screen-survey-results');
    if (question.type === 'text') await expect(results.locator('svg text').first()).toBeVisible();
    else await expect(results.locator('.results-value').first()).toBeVisible();
    if (question.type === 'majority') {
      await expect(results.getByTestId('merit-profile')).toHaveCount(THEMES.length);
      await expect(results.getByText(/^Mention majoritaire : /).first()).toBeVisible();
      await expect(results.locator('.merit-median').first()).toBeVisible();
    }
    // The method in one line, with what it counts.
    await expect(results.locator('.results-method')).toHaveText(METHODS[question.type]);
    expect((await results.locator('.results-method').boundingBox())!.height).toBeLessThan(60);

    expect(Math.min(...(await fontSizes(page, '.screen-survey-prompt')))).toBeGreaterThanOrEqual(56);
    const sizes = await fontSizes(page, question.type === 'text' ? '.screen-survey-results svg text' : '.screen-survey-results .results-label, .screen-survey-results .results-value');
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(40);
    // Bars span the width of the screen, not a column of it.
    if (question.type !== 'text') {
      const track = await results.locator('.results-track, .merit-track').first().boundingBox();
      expect(track!.width).toBeGreaterThan(1500);
    }
    await expectNoVerticalOverflow(page);
    await page.screenshot({ path: `${SHOTS}/result-${question.type}.png` });
    await seeded.staff.send('survey.question.close', { questionId: id });
  }
  seeded.close();
});

test('an idea board of 60 ideas and a Q&A of 40 questions fit the screen, a page at a time', async ({ page }) => {
  test.setTimeout(180_000);
  seeded = await seedSession('Projecteur — tableau et questions', 4);
  const columns = [{ title: 'Gouvernance' }, { title: 'Financements' }, { title: 'Animation' }];
  const board = await seeded.staff.send<{ id: string }>('activity.create', { kind: 'board', title: 'Atelier 2 — faire vivre les contrats', config: { columns } });
  await seeded.staff.send('activity.start', { activityId: board.id });
  const columnIds = ['gouvernance', 'financements', 'animation'];
  for (let i = 0; i < 60; i += 1) {
    const member = seeded.members[i % seeded.members.length];
    await member.send('idea.post', { activityId: board.id, columnId: columnIds[i % 3], title: `Idée ${i + 1} : un comité de suivi local qui se réunit chaque trimestre avec les habitants` });
  }
  await openProjector(page, `${seeded.code}`);
  await expect(page.locator('.board-screen-card')).toHaveCount(60);
  await expect(page.getByTestId('screen-page').first()).toHaveText(/^Page 1 sur \d+$/);
  await expectNoVerticalOverflow(page);
  expect(Math.min(...(await fontSizes(page, '.board-screen-card .board-title')))).toBeGreaterThanOrEqual(40);
  await page.screenshot({ path: `${SHOTS}/board-60-ideas.png` });

  const qna = await seeded.staff.send<{ id: string }>('activity.create', { kind: 'qna', title: 'Échange avec la présidente' });
  await seeded.staff.send('activity.start', { activityId: qna.id });
  const asked: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    const member = seeded.members[i % seeded.members.length];
    const question = await member.send<{ id: string }>('qna.ask', { activityId: qna.id, text: `Question ${i + 1} : comment les petites communes seront-elles associées au suivi des contrats ?`, anonymous: false });
    asked.push(question.id);
  }
  await expect(page.locator('.qna-screen-question')).toHaveCount(40);
  await expect(page.getByTestId('screen-page')).toHaveText(/^Page 1 sur \d+$/);
  await expectNoVerticalOverflow(page);
  expect(Math.min(...(await fontSizes(page, '.qna-screen-question')))).toBeGreaterThanOrEqual(40);
  await page.screenshot({ path: `${SHOTS}/qna-40-questions.png` });

  // The question en cours, alone on the screen, larger than anything else.
  await seeded.staff.send('qna.markAnswering', { questionId: asked[7] });
  await expect(page.locator('.qna-current-text')).toContainText('Question 8 :');
  await expect(page.locator('.qna-screen-question')).toHaveCount(0);
  expect((await fontSizes(page, '.qna-current-text'))[0]).toBeGreaterThanOrEqual(72);
  await expectNoVerticalOverflow(page);
  await page.screenshot({ path: `${SHOTS}/qna-featured.png` });
  seeded.close();
});
