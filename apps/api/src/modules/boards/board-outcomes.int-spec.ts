import JSZip from 'jszip';
import { OutcomeExport } from '@palabre/contracts';
import { liveBoard } from '../../common/testing/boards';
import { binary } from '../../common/testing/download';
import { sendOk, type TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';

describe('board outcomes: the retained ideas in the exports (real database)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  it('lists visible ideas by supports with their column, comments, merged duplicates and authors, never hidden or withdrawn ones', async () => {
    const { session, account, staff, activityId, members } = await liveBoard(t, {
      columns: [{ title: 'Gouvernance' }, { title: 'Financement' }],
      config: { anonymousAllowed: true },
      members: ['Ana Lopez', 'Bruno Marty', 'Chloé Vidal'],
    });
    const [ana, bruno, chloe] = members.map((m) => m.socket);
    const post = (socket: typeof ana, title: string, extra: Record<string, unknown> = {}) => sendOk(socket, 'idea.post', { activityId, columnId: 'gouvernance', title, ...extra });

    const comite = await post(ana, 'Un comité de suivi ouvert');
    const doublon = await post(chloe, 'Comité de suivi citoyen');
    const fonds = await post(bruno, 'Un fonds commun', { columnId: 'financement', anonymous: true });
    const cache = await post(bruno, 'Idée hors sujet');
    const retiree = await post(chloe, 'Idée retirée');
    const annuaire = await post(chloe, 'Un annuaire des porteurs');
    for (const socket of [bruno, chloe]) await sendOk(socket, 'idea.support', { activityId, ideaId: fonds.id });
    await sendOk(bruno, 'idea.support', { activityId, ideaId: comite.id });
    await sendOk(ana, 'idea.support', { activityId, ideaId: doublon.id });
    await sendOk(ana, 'idea.support', { activityId, ideaId: cache.id });
    await sendOk(ana, 'comment.post', { activityId, ideaId: fonds.id, body: 'Avec quelle gouvernance ?' });
    await sendOk(chloe, 'comment.post', { activityId, ideaId: fonds.id, body: 'Voir le modèle breton.' });
    await sendOk(staff, 'idea.merge', { activityId, targetId: comite.id, sourceIds: [doublon.id] });
    await sendOk(staff, 'idea.hide', { activityId, ideaId: cache.id, reason: 'Hors sujet' });
    await sendOk(chloe, 'idea.withdraw', { activityId, ideaId: retiree.id });

    const auth = { Authorization: `Bearer ${account.token}` };
    const json = await t.http().get(`/api/sessions/${session.id}/export.json`).set(auth).expect(200);
    const section = OutcomeExport.parse(json.body).sections.find((s) => s.activityId === activityId)!;
    expect(section.kind).toBe('board');
    // Fonds 2 supports; comité 1 + Ana's from the merged duplicate = 2, then by title; annuaire 0.
    expect(section.ideas).toEqual([
      { id: comite.id, text: 'Un comité de suivi ouvert — (regroupe : Comité de suivi citoyen)', column: 'Gouvernance', supports: 2, comments: 0, author: 'Ana Lopez' },
      { id: fonds.id, text: 'Un fonds commun', column: 'Financement', supports: 2, comments: 2, author: null },
      { id: annuaire.id, text: 'Un annuaire des porteurs', column: 'Gouvernance', supports: 0, comments: 0, author: 'Chloé Vidal' },
    ]);
    expect(JSON.stringify(section)).not.toMatch(/Bruno|hors sujet|retirée/i);

    const docx = await t.http().get(`/api/sessions/${session.id}/export.docx`).set(auth).buffer(true).parse(binary).expect(200);
    const xml = await (await JSZip.loadAsync(docx.body as Buffer)).file('word/document.xml')!.async('string');
    for (const text of ['Faire vivre les contrats', 'Un comité de suivi ouvert', 'Un fonds commun', 'Un annuaire des porteurs', 'Financement']) expect(xml).toContain(text);
    expect(xml).not.toContain('Idée hors sujet');
  }, 120_000);
});
