import { expect, test } from '@playwright/test';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { DEMO, openProjector, phone, signInAsFacilitator } from './fixtures';
import { seedSession, type SeededSession } from './live-client';

/**
 * Amending a text live (issue #22): a member files an amendment on line 12 from their phone; the
 * facilitator declares it admissible and puts it to the vote; the projector shows the text with
 * the change; once adopted, the DOCX minutes' comparison contains it. A session of its own.
 */
let seeded: SeededSession | undefined;
test.afterEach(() => seeded?.close());

const SOURCE = Array.from({ length: 16 }, (_, i) => `Ligne ${i + 1} de la feuille de route\u00a0: l’assemblée s’engage.`)
  .map((l, i) => (i === 7 ? `${l}\n` : l))
  .join('\n');

test('a member amends line 12, the facilitator puts it to the vote, the projector shows it, the DOCX comparison has it', async ({ browser }) => {
  test.setTimeout(60_000);
  seeded = await seedSession('Plénière — feuille de route', 0);
  const text = await seeded.staff.send<{ id: string }>('activity.create', { kind: 'amendments', title: 'Feuille de route partagée', config: { source: SOURCE } });
  await seeded.staff.send('activity.start', { activityId: text.id });

  const { context: phoneContext, page: member } = await phone(browser);
  await member.goto(`/join/${seeded.code}`);
  await member.getByLabel('Votre nom').fill('Margot Delmas');
  await member.getByRole('button', { name: 'Rejoindre' }).click();
  await member.getByRole('button', { name: 'Amender la ligne 12' }).click();
  await expect(member.getByRole('radio', { name: 'Remplacer' })).toBeChecked();
  await member.getByLabel('Nouvelle rédaction').fill('Ligne 12 de la feuille de route\u00a0: l’assemblée décide ensemble.');
  await member.getByLabel('Motif (court)').fill('Plus engageant');
  await member.getByRole('button', { name: 'Déposer' }).click();
  await expect(member.getByTestId('amendment-1')).toContainText('En attente d’examen');
  await expect(member.getByTestId('amendment-1')).toContainText('ligne 12');

  const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
  const projector = await projectorContext.newPage();
  await openProjector(projector, seeded.code);
  await expect(projector.getByTestId('amend-screen-text')).toContainText('Ligne 16 de la feuille de route');

  const consoleContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const console = await consoleContext.newPage();
  await signInAsFacilitator(console);
  await expect(console).toHaveURL(/\/staff$/);
  // The text stays selected in the agenda while its votes open in the companion survey.
  await console.goto(`/staff/sessions/${seeded.id}?activity=${text.id}`);
  const amendment = console.getByTestId('console-amendment-1');
  await amendment.getByRole('button', { name: 'Recevable', exact: true }).click();
  await amendment.getByRole('button', { name: 'Mettre aux voix' }).click();
  await expect(amendment).toContainText('Aux voix');

  // The projector: line 12 in its context, and the change word by word.
  const vote = projector.getByTestId('amend-screen-vote');
  await expect(vote).toContainText('Amendement n° 1');
  await expect(vote.locator('.amend-lit')).toContainText('Ligne 12 de la feuille de route');
  await expect(vote.locator('ins')).toContainText('décide ensemble');

  // The member votes with the survey ballot.
  await member.getByRole('radio', { name: 'Oui', exact: true }).check();
  await member.getByRole('button', { name: 'Voter' }).click();
  await expect(member.locator('.ballot-receipt')).toBeVisible();
  await expect(amendment).toContainText('Pour 1');
  await amendment.getByRole('button', { name: 'Clore le vote' }).click();
  await expect(amendment).toContainText('Adopté');
  await expect(projector.getByTestId('amend-screen-text')).toContainText('l’assemblée décide ensemble.');

  const login = await console.request.post('/api/auth/login', { data: { email: DEMO.facilitator.email, password: DEMO.facilitator.password } });
  const { token } = (await login.json()) as { token: string };
  const docx = await console.request.get(`/api/sessions/${seeded.id}/export.docx`, { headers: { authorization: `Bearer ${token}` } });
  expect(docx.ok()).toBe(true);
  const xml = await (await JSZip.loadAsync(await docx.body())).file('word/document.xml')!.async('string');
  expect(xml).toContain('Comparaison : texte initial et texte final');
  expect(xml).toContain('n° 1');
  expect(xml).toContain('l’assemblée décide ensemble.');

  await Promise.all([projectorContext.close(), phoneContext.close(), consoleContext.close()]);
});

/** A Word file as the Region's services would send it, made by the `docx` package. */
async function roadmapDocx(): Promise<Buffer> {
  const lines = ['Feuille de route partagée — Haut-Languedoc', '', 'Axe 1\u00a0: l’accueil des nouveaux habitants.', 'Axe 2\u00a0: les mobilités du quotidien\u00a0!'];
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] }));
}

test('a facilitator imports a Word roadmap, or a group’s validated synthesis, as the text to amend; a rapporteur amends it in the group’s name', async ({ browser }) => {
  test.setTimeout(60_000);
  seeded = await seedSession('Plénière — textes importés', 1);
  const [rapporteur] = seeded.members;
  // A working group whose rapporteur wrote a synthesis that the facilitator validated.
  const groups = await seeded.staff.send<{ id: string }>('activity.create', { kind: 'groups', title: 'Ateliers thématiques', config: {} });
  await seeded.staff.send('groups.start', { activityId: groups.id });
  const { moves } = await seeded.staff.send<{ moves: { participantId: string; groupId: string }[] }>('group.autoAssign', { activityId: groups.id, seed: 7 });
  const { participantId, groupId } = moves[0];
  await seeded.staff.send('group.setRapporteur', { groupId, participantId });
  await rapporteur.send('synthesis.save', { groupId, findings: 'Les bourgs-centres perdent leurs services.', proposals: ['Un guichet unique pour les porteurs de projets'], disagreements: '', submit: true });
  await seeded.staff.send('synthesis.validate', { groupId });
  const text = await seeded.staff.send<{ id: string }>('activity.create', { kind: 'amendments', title: 'Feuille de route importée', config: {} });

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const console = await context.newPage();
  await signInAsFacilitator(console);
  await expect(console).toHaveURL(/\/staff$/);
  await console.goto(`/staff/sessions/${seeded.id}?activity=${text.id}`);
  const source = console.getByLabel(/^Texte \(une ligne par phrase/);

  // The group's synthesis, under its headings.
  await console.getByLabel('Reprendre la synthèse validée d’un groupe').selectOption({ index: 1 });
  await expect(source).toHaveValue('Constats\nLes bourgs-centres perdent leurs services.\n\nPropositions\n- Un guichet unique pour les porteurs de projets');
  // A file that is not a Word document is refused with a reason, and the text box keeps what it had.
  await console.getByLabel('Importer un fichier Word (.docx)').setInputFiles({ name: 'notes.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('pas un document') });
  await expect(console.getByRole('alert')).toContainText('Ce fichier n’a pas pu être lu');
  await expect(source).toHaveValue(/^Constats/);
  // The Word roadmap: each paragraph a paragraph, French typography kept; saved, its lines are numbered.
  await console.getByLabel('Importer un fichier Word (.docx)').setInputFiles({ name: 'feuille-de-route.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await roadmapDocx() });
  await expect(source).toHaveValue('Feuille de route partagée — Haut-Languedoc\n\nAxe 1\u00a0: l’accueil des nouveaux habitants.\n\nAxe 2\u00a0: les mobilités du quotidien\u00a0!');
  await expect(console.getByRole('alert')).toHaveCount(0);
  await console.getByRole('button', { name: 'Enregistrer le texte' }).click();
  // Three paragraphs of one line each, numbered 1 to 3.
  await expect(console.locator('.amend-text .amend-line[data-line="3"]')).toContainText('Axe 2\u00a0: les mobilités du quotidien\u00a0!');
  await expect(console.locator('.amend-text .amend-para')).toHaveCount(3);

  // A rapporteur files an amendment in the name of their group from their phone.
  await seeded.staff.send('activity.start', { activityId: text.id });
  const { context: phoneContext, page: member } = await phone(browser);
  await member.goto(`/join/${seeded.code}`);
  await member.getByLabel('Votre nom').fill('Inès Barthe');
  await member.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(member.getByRole('button', { name: 'Amender la ligne 2' })).toBeVisible();
  const placed = await seeded.staff.send<{ moves: { participantId: string; groupId: string }[]; groups: { id: string; name: string }[] }>('group.autoAssign', { activityId: groups.id, seed: 3, onlyUnplaced: true });
  const [ines] = placed.moves;
  await seeded.staff.send('group.setRapporteur', { groupId: ines.groupId, participantId: ines.participantId });
  const groupName = placed.groups.find((g) => g.id === ines.groupId)!.name;
  await member.getByRole('button', { name: 'Amender la ligne 2' }).click();
  await member.getByLabel('Nouvelle rédaction').fill('Axe 1\u00a0: l’accueil des nouveaux habitants et des saisonniers.');
  await member.getByLabel('Motif (court)').fill('Proposition du groupe');
  await member.getByLabel(`Déposer au nom du groupe « ${groupName} »`, { exact: false }).check();
  await member.getByRole('button', { name: 'Déposer' }).click();
  await expect(member.getByTestId('amendment-1')).toContainText(`Par le groupe « ${groupName} » (rapporteur·e : Inès Barthe)`);
  await Promise.all([phoneContext.close(), context.close()]);
});
