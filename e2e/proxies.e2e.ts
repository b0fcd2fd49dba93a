import { expect, test } from '@playwright/test';
import { BASE_URL } from './playwright.config';
import { DEMO, openProjector, phone } from './fixtures';
import { LiveClient } from './live-client';

/**
 * Nobody left out (issue #25): a proxy holder votes for themselves and for the member they
 * represent from one phone; a teller enters paper totals in the console and a second staff
 * account confirms them; the projector shows the phone and paper parts and the total. A session
 * of its own: the demo session is left alone.
 */
async function call<T>(method: string, path: string, body?: unknown, token?: string, type = 'application/json'): Promise<T> {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

let staff: LiveClient | undefined;
let second: LiveClient | undefined;
let voter: LiveClient | undefined;
test.afterEach(() => [staff, second, voter].forEach((c) => c?.close()));

test('a holder votes for themselves and their giver, paper totals are confirmed by a second staff, the projector shows device + paper', async ({ browser }) => {
  test.setTimeout(90_000);
  const code = `X${Date.now().toString(36).toUpperCase().slice(-7)}`;
  const { token } = await call<{ token: string }>('POST', '/api/auth/login', DEMO.facilitator);
  const session = await call<{ id: string }>('POST', '/api/sessions', { title: 'Plénière — procurations', date: '2026-12-03', joinCode: code, accessMode: 'open' }, token);
  const tag = session.id.slice(0, 8);
  const csv = ['nom;email;perimetre;type de territoire;categorie;genre', `Marie Dupont;marie-${tag}@exemple.test;Millau;bourg centre;élue;F`, `Paul Bernard;paul-${tag}@exemple.test;Rodez;bourg centre;élu;H`].join('\n');
  await call('POST', `/api/sessions/${session.id}/roster`, csv, token, 'text/csv');
  const invitations = await call<{ name: string; link: string }[]>('GET', `/api/sessions/${session.id}/invitations`, undefined, token);
  await call('POST', `/api/sessions/${session.id}/transition`, { to: 'live' }, token);
  const entered = await call<{ token: string }>('POST', `/api/sessions/${session.id}/enter`, undefined, token);
  staff = await LiveClient.connect(entered.token);
  const snapshot = await call<{ features: { channels: { members: { id: string; name: string }[] } } }>('GET', `/api/sessions/${session.id}/snapshot`, undefined, entered.token);
  const memberId = (name: string) => snapshot.features.channels.members.find((m) => m.name === name)!.id;
  const survey = await staff.send<{ id: string }>('activity.create', {
    kind: 'survey',
    title: 'Délibération',
    config: { anonymity: 'anonymous', resultsVisibility: 'live', questions: [{ type: 'yesno', prompt: 'Adopter la feuille de route ?', eligibility: 'present' }] },
  });
  await staff.send('activity.start', { activityId: survey.id });
  await staff.send('survey.open', { activityId: survey.id });
  await staff.send('proxy.settings', { settings: { enabled: true, maxPerHolder: 1 } });
  await staff.send('proxy.record', { giverId: memberId('Marie Dupont'), holderId: memberId('Paul Bernard'), formRef: 'pouvoir-marie.pdf' });

  // Paul's phone: his own ballot, and one « pour Marie Dupont ».
  const { context: phoneContext, page: paul } = await phone(browser);
  await paul.goto(new URL(invitations.find((i) => i.name === 'Paul Bernard')!.link).pathname);
  const own = paul.locator('form.ballot:not(.ballot-proxy)');
  // The represented member's ballot is named after her, for the eye and for a screen reader.
  const forMarie = paul.getByRole('form', { name: /Pour Marie Dupont \(procuration\)$/ });
  await expect(forMarie.getByText('Pour Marie Dupont (procuration)', { exact: true })).toBeVisible();
  await own.getByRole('radio', { name: 'Oui' }).check();
  await own.getByRole('button', { name: 'Voter' }).click();
  await expect(own.getByText('✓ Vote enregistré')).toBeVisible();
  await forMarie.getByRole('radio', { name: 'Non' }).check();
  await forMarie.getByRole('button', { name: 'Voter' }).click();
  await expect(forMarie.getByText('✓ Vote enregistré')).toBeVisible();

  // One staff browser: the projector, then the teller's console in another tab (signed in as the projector is).
  const staffContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  const projector = await staffContext.newPage();
  await openProjector(projector, code);
  await expect(projector.getByTestId('ballot-parts')).toHaveText('1 vote par téléphone · 1 par procuration · Total 2 votants');

  // The teller enters paper totals in the console; a second staff account confirms them.
  const teller = await staffContext.newPage();
  await teller.goto(`/staff/sessions/${session.id}?activity=${survey.id}`);
  const paper = teller.locator('form.paper-entry');
  await paper.getByLabel('Bulletins « Oui »').fill('3');
  await paper.getByLabel('Bulletins « Non »').fill('1');
  await paper.getByRole('button', { name: /^Saisir/ }).click();
  await expect(teller.getByTestId('paper-entry')).toContainText('Oui 3, Non 1');
  // Not counted yet, and not confirmable by the same account.
  await teller.getByRole('button', { name: 'Confirmer la saisie' }).click();
  await expect(teller.getByText('Un autre membre de l’équipe doit confirmer cette saisie.')).toBeVisible();
  await expect(projector.getByTestId('ballot-parts')).toHaveText('1 vote par téléphone · 1 par procuration · Total 2 votants');

  // The second staff account (the organiser, on their own console: here its live connection) confirms.
  const organiser = await call<{ token: string }>('POST', '/api/auth/login', DEMO.organiser);
  const organiserEntered = await call<{ token: string }>('POST', `/api/sessions/${session.id}/enter`, undefined, organiser.token);
  second = await LiveClient.connect(organiserEntered.token);
  const pending = await call<{ features: { channels: { paper: { id: string }[] } } }>('GET', `/api/sessions/${session.id}/snapshot`, undefined, organiserEntered.token);
  await second.send('paper.confirm', { entryId: pending.features.channels.paper[0].id });
  await expect(teller.getByTestId('paper-entry')).toContainText('confirmé par Service Contractualisation');

  await expect(projector.getByTestId('ballot-parts')).toHaveText('1 vote par téléphone · 1 par procuration · 4 sur papier · Total 6 votants');
  await Promise.all([phoneContext.close(), staffContext.close()]);
});

test('a roll call walks the three roster members: a phone voter is skipped, answers are entered in the console, the projector shows n of N called', async ({ browser }) => {
  test.setTimeout(90_000);
  const code = `R${Date.now().toString(36).toUpperCase().slice(-7)}`;
  const { token } = await call<{ token: string }>('POST', '/api/auth/login', DEMO.facilitator);
  const session = await call<{ id: string }>('POST', '/api/sessions', { title: 'Plénière — appel nominal', date: '2026-12-03', joinCode: code, accessMode: 'open' }, token);
  const tag = session.id.slice(0, 8);
  const csv = [
    'nom;email;perimetre;type de territoire;categorie;genre',
    `Marie Dupont;marie-${tag}@exemple.test;Millau;bourg centre;élue;F`,
    `Anne Vidal;anne-${tag}@exemple.test;Auch;bourg centre;élue;F`,
    `Jean Roux;jean-${tag}@exemple.test;Albi;bourg centre;citoyen;H`,
  ].join('\n');
  await call('POST', `/api/sessions/${session.id}/roster`, csv, token, 'text/csv');
  const invitations = await call<{ name: string; link: string }[]>('GET', `/api/sessions/${session.id}/invitations`, undefined, token);
  await call('POST', `/api/sessions/${session.id}/transition`, { to: 'live' }, token);
  const entered = await call<{ token: string }>('POST', `/api/sessions/${session.id}/enter`, undefined, token);
  staff = await LiveClient.connect(entered.token);
  const survey = await staff.send<{ id: string }>('activity.create', {
    kind: 'survey',
    title: 'Délibération',
    config: { anonymity: 'named', resultsVisibility: 'live', questions: [{ type: 'yesno', prompt: 'Adopter la feuille de route ?', eligibility: 'present' }] },
  });
  await staff.send('activity.start', { activityId: survey.id });
  await staff.send('survey.open', { activityId: survey.id });
  const question = (await call<{ features: { surveys: { surveys: Record<string, { questions: { id: string }[] }> } } }>('GET', `/api/sessions/${session.id}/snapshot`, undefined, entered.token)).features.surveys.surveys[survey.id].questions[0];

  // Anne votes on her phone before the roll call.
  const anne = await call<{ token: string }>('POST', '/api/sessions/join', { invitation: invitations.find((i) => i.name === 'Anne Vidal')!.link.split('/i/')[1] });
  voter = await LiveClient.connect(anne.token);
  await voter.send('ballot.cast', { questionId: question.id, value: { type: 'yesno', choice: 'no' } });

  const staffContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  const projector = await staffContext.newPage();
  await openProjector(projector, code);
  await expect(projector.locator('.screen-survey-turnout')).toContainText('1 vote sur');

  // The console says who already voted, and how.
  const console_ = await staffContext.newPage();
  await console_.goto(`/staff/sessions/${session.id}?activity=${survey.id}`);
  const voters = console_.locator('details.question-voters');
  await voters.getByText('Qui a déjà voté : 1 sur 3').click();
  await expect(voters.getByTestId('voter')).toHaveText(['Anne Vidal — a voté sur son téléphone', 'Jean Roux — n’a pas encore voté', 'Marie Dupont — n’a pas encore voté']);

  // The roll call, in roster order: Anne (voted on her phone) is skipped.
  const roll = console_.getByRole('region', { name: 'Appel nominal' });
  await roll.getByRole('button', { name: 'Lancer l’appel nominal' }).click();
  await expect(projector.getByTestId('rollcall-progress')).toHaveText('Appel nominal : 1 sur 3 membres appelés');
  await expect(roll.getByTestId('rollcall-member')).toHaveText('Jean Roux');
  await roll.getByRole('button', { name: 'Oui', exact: true }).click();
  await expect(roll.getByTestId('rollcall-member')).toHaveText('Marie Dupont');
  await expect(projector.getByTestId('rollcall-progress')).toHaveText('Appel nominal : 2 sur 3 membres appelés');
  await roll.getByRole('button', { name: 'Pas de réponse' }).click();
  await expect(roll.getByText('Tous les membres ont été appelés.')).toBeVisible();
  await expect(projector.getByTestId('rollcall-progress')).toHaveText('Appel nominal : 3 sur 3 membres appelés');
  await expect(projector.getByTestId('ballot-parts')).toHaveText('1 vote par téléphone · 1 assisté · Total 2 votants');
  await expect(voters.getByTestId('voter')).toHaveText(['Anne Vidal — a voté sur son téléphone', 'Jean Roux — a voté avec l’aide de l’équipe ou à l’appel', 'Marie Dupont — appelé, sans réponse']);
  await staffContext.close();
});

test('a member asks for a proxy from their phone, the organiser approves it in the console, the holder gets a ballot for them', async ({ browser }) => {
  test.setTimeout(90_000);
  const code = `Q${Date.now().toString(36).toUpperCase().slice(-7)}`;
  const { token } = await call<{ token: string }>('POST', '/api/auth/login', DEMO.facilitator);
  const session = await call<{ id: string }>('POST', '/api/sessions', { title: 'Plénière — demande de procuration', date: '2026-12-03', joinCode: code, accessMode: 'open' }, token);
  const tag = session.id.slice(0, 8);
  const csv = ['nom;email;perimetre;type de territoire;categorie;genre', `Marie Dupont;marie-${tag}@exemple.test;Millau;bourg centre;élue;F`, `Paul Bernard;paul-${tag}@exemple.test;Rodez;bourg centre;élu;H`].join('\n');
  await call('POST', `/api/sessions/${session.id}/roster`, csv, token, 'text/csv');
  const invitations = await call<{ name: string; link: string }[]>('GET', `/api/sessions/${session.id}/invitations`, undefined, token);
  await call('POST', `/api/sessions/${session.id}/transition`, { to: 'live' }, token);
  const entered = await call<{ token: string }>('POST', `/api/sessions/${session.id}/enter`, undefined, token);
  staff = await LiveClient.connect(entered.token);
  const survey = await staff.send<{ id: string }>('activity.create', {
    kind: 'survey',
    title: 'Délibération',
    config: { anonymity: 'named', resultsVisibility: 'live', questions: [{ type: 'yesno', prompt: 'Adopter la feuille de route ?', eligibility: 'present' }] },
  });
  await staff.send('proxy.settings', { settings: { enabled: true, maxPerHolder: 1 } });
  await staff.send('activity.start', { activityId: survey.id });
  await staff.send('survey.open', { activityId: survey.id });

  // Marie must leave: from her phone she asks Paul to vote for her.
  const { context: marieContext, page: marie } = await phone(browser);
  await marie.goto(new URL(invitations.find((i) => i.name === 'Marie Dupont')!.link).pathname);
  await marie.getByText('Donner procuration').click();
  await marie.getByLabel('Le collègue qui votera pour moi').selectOption({ label: 'Paul Bernard' });
  await marie.getByRole('button', { name: 'Demander à l’organisation' }).click();
  await expect(marie.getByTestId('proxy-request-status')).toHaveText('Demande envoyée : procuration à Paul Bernard, en attente de l’organisation.');

  // The organiser approves it in the console.
  const staffContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  const console_ = await staffContext.newPage();
  await openProjector(console_, code);
  await console_.goto(`/staff/sessions/${session.id}?activity=${survey.id}`);
  await console_.locator('details.proxies-panel > summary').click();
  const request = console_.getByTestId('proxy-request');
  await expect(request).toContainText('Marie Dupont demande à être représenté(e) par Paul Bernard');
  await request.getByRole('button', { name: 'Accepter' }).click();
  await expect(console_.getByTestId('proxy')).toContainText('Marie Dupont');
  await expect(marie.getByTestId('proxy-request-status')).toHaveText('Procuration à Paul Bernard acceptée : Paul Bernard vote pour vous.');

  // Paul's phone now offers a ballot « pour Marie Dupont ».
  const { context: paulContext, page: paul } = await phone(browser);
  await paul.goto(new URL(invitations.find((i) => i.name === 'Paul Bernard')!.link).pathname);
  const forMarie = paul.getByRole('form', { name: /Pour Marie Dupont \(procuration\)$/ });
  await forMarie.getByRole('radio', { name: 'Oui' }).check();
  await forMarie.getByRole('button', { name: 'Voter' }).click();
  await expect(forMarie.getByText('✓ Vote enregistré')).toBeVisible();
  await Promise.all([marieContext.close(), paulContext.close(), staffContext.close()]);
});
