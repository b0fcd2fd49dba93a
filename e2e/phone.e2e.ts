import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectAccessible, expectNoSidewaysScroll } from './fixtures';
import { openRoom, type Room } from './phone-room';

// A member's phone in a real plenary (issue #18): the open question first, ballots made for each
// method, large text that reflows at 320 px, and a vote that survives going offline and reloading.

/** 80 characters, and one 40-character word with no place to break. */
const LONG = 'Aménagement durable des centres-bourgs et revitalisation des commerces de proxim';
const WORD = 'Anticonstitutionnellementintercommunales';
const YESNO = ['Adoptez-vous le compte rendu ?', 'Validez-vous le calendrier ?', 'Approuvez-vous le budget ?'];
const RANKING = 'Classez ces trois priorités';
const OPTIONS = [
  { id: 'mob', label: LONG },
  { id: 'mot', label: WORD },
  { id: 'log', label: 'Logement' },
];
const OTHERS = [
  { type: 'majority', prompt: 'Jugez ces trois dispositifs', gradeCount: 6, options: OPTIONS },
  { type: 'points', prompt: 'Répartissez 100 points', budget: 100, options: OPTIONS },
  { type: 'scale', prompt: 'Votre accord de 1 à 5', max: 5, minLabel: 'Pas du tout d’accord', maxLabel: WORD },
  { type: 'single', prompt: 'Un seul choix', options: OPTIONS },
  { type: 'multiple', prompt: 'Plusieurs choix', minSelections: 1, maxSelections: 2, options: OPTIONS },
  { type: 'text', prompt: 'En un mot ?' },
];

interface Survey {
  room: Room;
  activityId: string;
  /** Question ids by prompt. */
  ids: Map<string, string>;
}

/** A live session of its own with one survey (every question a draft) and, when asked, a board and a Q&A. */
async function setUp(baseURL: string, { withBoards = false } = {}): Promise<Survey> {
  const room = await openRoom(baseURL, `Plénière ${WORD} ${Date.now() % 100_000}`);
  const questions = [
    ...YESNO.map((prompt) => ({ type: 'yesno', prompt })),
    { type: 'ranking', prompt: RANKING, options: OPTIONS },
    ...OTHERS,
  ];
  const activity = await room.command<{ id: string }>('activity.create', { kind: 'survey', title: `Atelier ${WORD}`, config: { questions } });
  if (withBoards) {
    for (const kind of ['board', 'qna']) {
      const other = await room.command<{ id: string }>('activity.create', { kind, title: kind === 'board' ? `Idées ${WORD}` : `Questions ${WORD}` });
      await room.command('activity.open', { activityId: other.id });
    }
  }
  const snapshot = await room.get<{ features: { surveys: { surveys: Record<string, { questions: { id: string; prompt: string }[] }> } } }>(`/api/sessions/${room.sessionId}/snapshot`);
  const ids = new Map(snapshot.features.surveys.surveys[activity.id].questions.map((q) => [q.prompt, q.id]));
  await room.command('activity.start', { activityId: activity.id });
  return { room, activityId: activity.id, ids };
}

async function memberPhone(browser: Browser, width = 360, reading: 'default' | 'large' = 'default'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 740 }, isMobile: true, hasTouch: true, locale: 'fr-FR' });
  if (reading === 'large') await context.addInitScript(() => localStorage.setItem('palabre.readingMode', 'large'));
  return context.newPage();
}

async function join(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`/join/${code}`);
  await page.getByLabel('Votre nom').fill(name);
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(page).toHaveURL(/\/s\/[0-9a-f-]{36}/);
}

const form = (page: Page, prompt: string) => page.getByRole('form', { name: prompt });

/** Tap-to-place: the option, then its place. */
async function place(ballot: Locator, label: string, position: number): Promise<void> {
  await ballot.getByRole('list', { name: 'Options à classer' }).getByRole('button', { name: label, exact: true }).click();
  await ballot.getByRole('button', { name: `Placer « ${label} » en position ${position}` }).click();
}

/** The rankings this page sent in ballot.cast frames. */
function watchRankings(page: Page): string[][] {
  const sent: string[][] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      const match = /^42\/live,\d+(\[.*)$/s.exec(String(payload));
      if (!match) return;
      const [name, body] = JSON.parse(match[1]) as [string, { value?: { ranking?: string[] } }];
      if (name === 'ballot.cast' && body.value?.ranking) sent.push(body.value.ranking);
    }),
  );
  return sent;
}

test('the open question comes first, full width, for a member who already answered three', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { room, ids } = await setUp(baseURL!);
  const page = await memberPhone(browser);
  await join(page, room.joinCode, 'Marthe');
  for (const prompt of YESNO) {
    await room.command('survey.question.open', { questionId: ids.get(prompt) });
    const ballot = form(page, prompt);
    await ballot.getByRole('radio', { name: 'Oui' }).check();
    await ballot.getByRole('button', { name: 'Voter' }).click();
    await expect(ballot.getByText('✓ Vote enregistré')).toBeVisible();
    await room.command('survey.question.close', { questionId: ids.get(prompt) });
    await room.command('survey.question.publish', { questionId: ids.get(prompt) });
  }
  await room.command('survey.question.open', { questionId: ids.get(RANKING) });
  const ballot = form(page, RANKING);
  await expect(ballot.getByRole('heading', { name: RANKING })).toBeInViewport();
  // Earlier results are folded under one heading, closed.
  const previous = page.locator('details.previous-results');
  await expect(previous.locator('summary')).toHaveText('Résultats précédents (3)');
  await expect(previous).not.toHaveAttribute('open');
  // Reloaded (or arriving late), the member lands on the open question without scrolling.
  await page.reload();
  await expect(ballot.getByRole('heading', { name: RANKING })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const box = await ballot.getByRole('list', { name: 'Options à classer' }).boundingBox();
  expect(box!.y).toBeLessThan(740);
  await expectAccessible(page);
  // Unfolded, the earlier results fit the screen too.
  await previous.locator('summary').click();
  await expect(previous.getByRole('region', { name: YESNO[0] })).toBeVisible();
  await expectNoSidewaysScroll(page, 'previous results');
  room.close();
  await page.context().close();
});

test('a ranking cannot be sent untouched; tap-to-place, drag and the keyboard give the same ballot', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const { room, ids } = await setUp(baseURL!);
  await room.command('survey.question.open', { questionId: ids.get(RANKING) });
  const expected = ['log', 'mob', 'mot'];

  // 1. Tap-to-place, straight to the wanted order.
  const tapper = await memberPhone(browser);
  const tapped = watchRankings(tapper);
  await join(tapper, room.joinCode, 'Tap');
  const tapBallot = form(tapper, RANKING);
  await expect(tapBallot.getByRole('button', { name: 'Voter' })).toBeDisabled();
  await expect(tapBallot.getByText('Classés : 0 sur 3')).toBeVisible();
  await place(tapBallot, 'Logement', 1);
  await place(tapBallot, LONG, 2);
  await expect(tapBallot.getByRole('button', { name: 'Voter' })).toBeDisabled();
  await place(tapBallot, WORD, 3);
  await expectAccessible(tapper);
  await tapBallot.getByRole('button', { name: 'Voter' }).click();
  await expect(tapBallot.getByText('✓ Vote enregistré')).toBeVisible();
  expect(tapped).toEqual([expected]);

  // 2. Drag and drop: placed in list order, then « Logement » dragged by its handle to the top.
  const dragger = await memberPhone(browser);
  const dragged = watchRankings(dragger);
  await join(dragger, room.joinCode, 'Glisse');
  const dragBallot = form(dragger, RANKING);
  await place(dragBallot, LONG, 1);
  await place(dragBallot, WORD, 2);
  await place(dragBallot, 'Logement', 3);
  const handle = dragBallot.getByRole('button', { name: 'Glisser « Logement » (actuellement en position 3)' });
  const target = dragBallot.getByRole('list', { name: /Votre classement/ }).getByRole('listitem').first();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await dragger.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await dragger.mouse.down();
  await dragger.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
  await dragger.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 15 });
  await dragger.mouse.up();
  await expect(dragBallot.getByRole('list', { name: /Votre classement/ }).getByRole('listitem').first()).toContainText('Logement');
  await dragBallot.getByRole('button', { name: 'Voter' }).click();
  await expect(dragBallot.getByText('✓ Vote enregistré')).toBeVisible();
  expect(dragged).toEqual([expected]);

  // 3. The keyboard alone: Enter on an option then on its place; Space, arrows, Space on a handle.
  const typist = await memberPhone(browser);
  const typed = watchRankings(typist);
  await join(typist, room.joinCode, 'Clavier');
  const keyBallot = form(typist, RANKING);
  for (const [label, position] of [[LONG, 1], [WORD, 2], ['Logement', 3]] as const) {
    await keyBallot.getByRole('list', { name: 'Options à classer' }).getByRole('button', { name: label, exact: true }).focus();
    await typist.keyboard.press('Enter');
    await typist.keyboard.press('Tab');
    for (let i = 1; i < position; i++) await typist.keyboard.press('Tab');
    await expect(keyBallot.getByRole('button', { name: `Placer « ${label} » en position ${position}` })).toBeFocused();
    await typist.keyboard.press('Enter');
  }
  await keyBallot.getByRole('button', { name: 'Glisser « Logement » (actuellement en position 3)' }).focus();
  // Each step is announced (in French) in the drag-and-drop live region; the next key waits for it.
  const dragNews = typist.locator('[id^="DndLiveRegion"]');
  await typist.keyboard.press('Space');
  await expect(dragNews).toHaveText('« Logement » saisi, en position 3.');
  await typist.keyboard.press('ArrowUp');
  await expect(dragNews).toHaveText('« Logement » irait en position 2.');
  await typist.keyboard.press('ArrowUp');
  await expect(dragNews).toHaveText('« Logement » irait en position 1.');
  await typist.keyboard.press('Space');
  await expect(keyBallot.getByRole('list', { name: /Votre classement/ }).getByRole('listitem').first()).toContainText('Logement');
  await keyBallot.getByRole('button', { name: 'Voter' }).focus();
  await typist.keyboard.press('Enter');
  await expect(keyBallot.getByText('✓ Vote enregistré')).toBeVisible();
  expect(typed).toEqual([expected]);

  room.close();
  await Promise.all([tapper, dragger, typist].map((p) => p.context().close()));
});

for (const width of [360, 320]) {
  for (const reading of ['default', 'large'] as const) {
    test(`every ballot, the board and the Q&A fit a ${width} px phone in ${reading} text, with axe clean`, async ({ browser, baseURL }) => {
      test.setTimeout(180_000);
      const { room, ids } = await setUp(baseURL!, { withBoards: true });
      for (const prompt of [RANKING, ...OTHERS.map((q) => q.prompt)]) await room.command('survey.question.open', { questionId: ids.get(prompt) });
      const page = await memberPhone(browser, width, reading);
      await join(page, room.joinCode, `Lecture ${width} ${reading}`);
      for (const q of OTHERS) await expect(form(page, q.prompt)).toBeVisible();
      await expectNoSidewaysScroll(page, 'ballots untouched');

      // Each ballot part way through: places offered, ranked options with their buttons, a grade, points.
      const ranking = form(page, RANKING);
      await place(ranking, LONG, 1);
      await place(ranking, WORD, 1);
      await ranking.getByRole('list', { name: 'Options à classer' }).getByRole('button', { name: 'Logement' }).click();
      const majority = form(page, OTHERS[0].prompt);
      await majority.getByRole('radio').first().check();
      await majority.getByRole('button', { name: 'Option suivante' }).click();
      await form(page, OTHERS[1].prompt).getByRole('button', { name: `Ajouter 5 points à « ${WORD} »` }).click();
      await form(page, OTHERS[2].prompt).getByRole('button', { name: /^Choisir/ }).click();
      await expect(ranking.getByRole('button', { name: `Monter « ${LONG} » (actuellement en position 2)` })).toBeVisible();
      await expectNoSidewaysScroll(page, 'ballots filled in');
      await expectAccessible(page);

      // The other screens of the session: the idea board and the Q&A, each with a long contribution.
      const programme = page.getByRole('navigation', { name: 'Programme' });
      await programme.getByRole('link', { name: new RegExp(`Idées ${WORD}`) }).click();
      await page.getByLabel("Titre de l'idée").fill(`${WORD} ${LONG}`);
      await page.getByRole('button', { name: 'Publier' }).click();
      await expect(page.locator('article', { hasText: WORD })).toBeVisible();
      await expectNoSidewaysScroll(page, 'idea board');
      await expectAccessible(page);
      await programme.getByRole('link', { name: new RegExp(`Questions ${WORD}`) }).click();
      await page.getByLabel('Votre question à la présidente').fill(`${WORD} ${LONG} ?`);
      await page.getByRole('button', { name: 'Envoyer la question' }).click();
      await expect(page.getByRole('list', { name: 'Questions posées' }).getByText(WORD)).toBeVisible();
      await expectNoSidewaysScroll(page, 'Q&A');
      await expectAccessible(page);
      room.close();
      await page.context().close();
    });
  }
}

test('a vote tapped offline survives a reload offline and is counted once back online', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const { room, ids } = await setUp(baseURL!);
  const questionId = ids.get(YESNO[0])!;
  await room.command('survey.question.open', { questionId });
  const page = await memberPhone(browser);
  const casts: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      const match = /^42\/live,\d+(\[.*)$/s.exec(String(payload));
      if (match && (JSON.parse(match[1]) as [string])[0] === 'ballot.cast') casts.push((JSON.parse(match[1]) as [string, { opId: string }])[1].opId);
    }),
  );
  await join(page, room.joinCode, 'Hors réseau');
  const ballot = form(page, YESNO[0]);
  await expect(ballot).toBeVisible();
  // The first visit installs the app shell for offline use.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

  await page.context().setOffline(true);
  await ballot.getByRole('radio', { name: 'Oui' }).check();
  await ballot.getByRole('button', { name: 'Voter' }).click();
  // Said next to « Voter », not only at the top of the page.
  await expect(ballot.getByText("1 vote en attente d'envoi")).toBeVisible();
  await expect(ballot.getByText('Pas de réseau : votre vote partira dès son retour.')).toBeVisible();
  expect(casts).toEqual([]);

  // Reloaded with no network: the app itself loads and still holds the vote.
  await page.reload();
  await expect(page.getByRole('link', { name: 'Palabre' })).toBeVisible();
  await expect(page.getByText("1 action en attente d'envoi.")).toBeVisible({ timeout: 30_000 });
  expect(casts).toEqual([]);

  await page.context().setOffline(false);
  await expect(form(page, YESNO[0]).getByText('✓ Vote enregistré')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/en attente d'envoi/)).toHaveCount(0);
  expect(casts).toHaveLength(1);
  const results = await room.get<{ ballots: number }>(`/api/sessions/${room.sessionId}/survey-questions/${questionId}/results`);
  expect(results.ballots).toBe(1);
  room.close();
  await page.context().close();
});

test('a vote tapped offline and refused once back online (the vote closed meanwhile) is not dropped silently', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { room, ids } = await setUp(baseURL!);
  const questionId = ids.get(YESNO[0])!;
  await room.command('survey.question.open', { questionId });
  const page = await memberPhone(browser);
  await join(page, room.joinCode, 'Train du matin');
  const ballot = form(page, YESNO[0]);
  await expect(ballot).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

  await page.context().setOffline(true);
  await ballot.getByRole('radio', { name: 'Non' }).check();
  await ballot.getByRole('button', { name: 'Voter' }).click();
  await expect(ballot.getByText("1 vote en attente d'envoi")).toBeVisible();
  await page.reload();
  await expect(page.getByText("1 action en attente d'envoi.")).toBeVisible({ timeout: 30_000 });
  // The facilitator closes the vote while the phone is still offline.
  await room.command('survey.question.close', { questionId });

  await page.context().setOffline(false);
  const alert = page.getByRole('alert').filter({ hasText: "Un vote tapé hors ligne n'a pas été enregistré" });
  await expect(alert).toContainText('Le vote est clos', { timeout: 30_000 });
  await expect(page.getByText(/en attente d'envoi/)).toHaveCount(0);
  await expectAccessible(page);
  await alert.getByRole('button', { name: "J'ai compris" }).click();
  await expect(alert).toHaveCount(0);
  const results = await room.get<{ ballots: number }>(`/api/sessions/${room.sessionId}/survey-questions/${questionId}/results`);
  expect(results.ballots).toBe(0);
  room.close();
  await page.context().close();
});

test('an en-GB phone opens in English, keeps the switch, and reads the organisers’ French as French', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { room, ids } = await setUp(baseURL!);
  await room.command('survey.question.open', { questionId: ids.get(RANKING) });
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`/join/${room.joinCode}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Your name').fill('Alice');
  await page.getByRole('button', { name: 'Join' }).click();
  const ballot = page.getByRole('form', { name: RANKING });
  await expect(ballot.getByRole('button', { name: 'Vote' })).toBeDisabled();
  // Organiser content keeps its own language inside the English interface.
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'fr');
  await expect(ballot.getByRole('heading', { name: RANKING })).toHaveAttribute('lang', 'fr');
  await expect(ballot.getByRole('list', { name: 'Options to rank' }).getByRole('button', { name: 'Logement' }).locator('span')).toHaveAttribute('lang', 'fr');
  // A pressed toggle says so by more than colour: a check mark before its text.
  const option = ballot.getByRole('button', { name: 'Logement', exact: true });
  await option.click();
  await expect(option).toHaveAttribute('aria-pressed', 'true');
  expect(await option.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('✓');
  await expectAccessible(page);
  // The switch still works, and its choice wins over the browser's language after a reload.
  await page.getByRole('button', { name: /^FR/ }).click();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('form', { name: RANKING }).getByRole('button', { name: 'Voter' })).toBeVisible();
  room.close();
  await context.close();
});
