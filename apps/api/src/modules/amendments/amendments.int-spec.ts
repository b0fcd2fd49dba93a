import { AMENDMENT_LIMITS, OutcomeExport, type AmendmentsSnapshot, type OutcomeRecord, type SessionSnapshot } from '@palabre/contracts';
import { nextEvent, send, sendOk, type TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { outcomeCandidates } from '../followup/outcome-items';

const SOURCE = Array.from({ length: 14 }, (_, i) => `Ligne ${i + 1} de la feuille de route\u00a0: l’assemblée s’engage.`)
  .map((l, i) => (i === 6 ? `${l}\n` : l))
  .join('\n');

describe('texts put to amendment (real database, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  async function plenary(config: Record<string, unknown> = {}) {
    const { session, facilitator, staff: account } = await t.liveSession();
    const staff = await t.connect(facilitator.token);
    const text = await sendOk(staff, 'activity.create', { kind: 'amendments', title: 'Feuille de route partagée', config: { source: SOURCE, ...config } });
    await sendOk(staff, 'activity.open', { activityId: text.id });
    const people = [];
    for (const name of ['Élodie Martin', 'Julien Roux', 'Camille Vidal']) {
      const joined = await t.join(session.joinCode, name);
      people.push({ token: joined.token, id: joined.participant.id, socket: await t.connect(joined.token) });
    }
    const [elodie, julien, camille] = people;
    return { session, account, facilitator, staff, text, elodie, julien, camille };
  }

  async function amendmentsOf(token: string, sessionId: string): Promise<AmendmentsSnapshot> {
    const res = await t.http().get(`/api/sessions/${sessionId}/snapshot`).set('Authorization', `Bearer ${token}`).expect(200);
    return (res.body as SessionSnapshot).features.amendments as AmendmentsSnapshot;
  }

  it('files, co-signs, moderates with undo, votes through the survey ballot, makes the incompatible fall and consolidates', async () => {
    const { session, account, facilitator, staff, text, elodie, julien, camille } = await plenary();
    const staffText = (await amendmentsOf(facilitator.token, session.id)).texts[text.id];
    expect(staffText.lines).toHaveLength(14);
    expect(staffText.lines[7]).toMatchObject({ n: 8, paragraph: 2 });
    expect(staffText.lines[11].text).toBe('Ligne 12 de la feuille de route\u00a0: l’assemblée s’engage.');

    const a1 = await sendOk(elodie.socket, 'amendment.file', { activityId: text.id, kind: 'replace', from: 12, to: 12, wording: 'Ligne 12 réécrite\u00a0: l’assemblée décide.', reason: 'Plus clair' });
    expect(a1).toMatchObject({ number: 1, status: 'filed', authorName: 'Élodie Martin', from: 12, to: 12 });
    const a2 = await sendOk(julien.socket, 'amendment.file', { activityId: text.id, kind: 'delete', from: 11, to: 12, reason: 'Redondant' });
    const a3 = await sendOk(julien.socket, 'amendment.file', { activityId: text.id, kind: 'replace', from: 12, to: 13, wording: 'Deux lignes en une.', reason: 'Concis' });
    // Bad anchors and empty wordings are refused with a code.
    expect(await send(elodie.socket, 'amendment.file', { activityId: text.id, kind: 'replace', from: 13, to: 15, wording: 'x', reason: 'r' })).toMatchObject({ ok: false, error: { code: 'AMENDMENT_BAD_ANCHOR' } });
    expect(await send(elodie.socket, 'amendment.file', { activityId: text.id, kind: 'insert', from: 3, to: 3, wording: '  ', reason: 'r' })).toMatchObject({ ok: false, error: { code: 'AMENDMENT_WORDING_REQUIRED' } });
    // Members may not moderate nor vote amendments; the text cannot change once amended.
    expect(await send(elodie.socket, 'amendment.moderate', { amendmentId: a1.id, decision: 'admissible' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await send(staff, 'amendments.text.set', { activityId: text.id, source: 'Autre' })).toMatchObject({ ok: false, error: { code: 'AMENDMENT_TEXT_LOCKED' } });

    // Pre-moderation: others do not see a filed amendment; its author does.
    expect((await amendmentsOf(julien.token, session.id)).texts[text.id].amendments.map((a) => a.number)).toEqual([2, 3]);
    expect(await send(staff, 'amendment.moderate', { amendmentId: a2.id, decision: 'inadmissible' })).toMatchObject({ ok: false, error: { code: 'AMENDMENT_REASON_REQUIRED' } });
    expect(await sendOk(staff, 'amendment.moderate', { amendmentId: a2.id, decision: 'inadmissible', reason: 'Hors sujet' })).toMatchObject({ status: 'inadmissible', moderationReason: 'Hors sujet' });
    expect(await sendOk(staff, 'amendment.moderate', { amendmentId: a2.id, decision: 'filed' })).toMatchObject({ status: 'filed', moderationReason: null });
    // A sub-amendment amends what the member can read: an admissible amendment.
    expect(await send(camille.socket, 'amendment.file', { activityId: text.id, parentId: a1.id, kind: 'replace', from: 0, to: 0, wording: 'x', reason: 'r' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await sendOk(staff, 'amendment.moderate', { amendmentId: a1.id, decision: 'admissible' });
    const sub = await sendOk(camille.socket, 'amendment.file', { activityId: text.id, parentId: a1.id, kind: 'replace', from: 0, to: 0, wording: 'Ligne 12 sous-amendée.', reason: 'Mieux' });
    expect(sub).toMatchObject({ number: 4, parentId: a1.id, kind: 'replace', from: 12, to: 12 });
    const seen = nextEvent(julien.socket, 'amendments.updated', (e) => e.text.amendments.some((a) => a.id === sub.id));
    for (const a of [a2, a3, sub]) await sendOk(staff, 'amendment.moderate', { amendmentId: a.id, decision: 'admissible' });
    expect((await seen).text.blocks.map((b) => b.order)).toEqual([[a2.id, a3.id, sub.id, a1.id]]);

    // Co-signatures: not one's own; twice is once.
    expect(await send(elodie.socket, 'amendment.cosign', { amendmentId: a1.id })).toMatchObject({ ok: false, error: { code: 'AMENDMENT_OWN' } });
    await sendOk(julien.socket, 'amendment.cosign', { amendmentId: a1.id });
    expect((await sendOk(julien.socket, 'amendment.cosign', { amendmentId: a1.id })).cosigners).toEqual([{ id: julien.id, name: 'Julien Roux' }]);

    // Sub-amendments before their amendment; the deletion (furthest from the text) is rejected first.
    expect(await send(staff, 'amendment.vote', { amendmentId: a1.id, action: 'open' })).toMatchObject({ ok: false, error: { code: 'SUBAMENDMENTS_PENDING' } });
    const vote = async (id: string, choices: ('yes' | 'no' | 'abstain')[]) => {
      const consoleSees = nextEvent(staff, 'amendments.updated', (e) => e.text.amendments.some((a) => a.id === id && a.voting));
      const opened = await sendOk(staff, 'amendment.vote', { amendmentId: id, action: 'open' });
      expect(opened.voting).toBe(true);
      await consoleSees;
      const questionId = opened.questionId as string;
      // The one ballot write path: ballot.cast on the companion survey's question.
      for (const [i, who] of [elodie, julien, camille].entries()) await sendOk(who.socket, 'ballot.cast', { questionId, value: { type: 'yesno', choice: choices[i] } });
      return sendOk(staff, 'amendment.vote', { amendmentId: id, action: 'close' });
    };
    expect(await vote(a2.id, ['no', 'yes', 'no'])).toMatchObject({ fate: 'rejected', votes: { yes: 1, no: 2, abstain: 0 } });
    expect(await vote(sub.id, ['yes', 'yes', 'abstain'])).toMatchObject({ fate: 'adopted', votes: { yes: 2, no: 0, abstain: 1 } });
    const consolidated = nextEvent(julien.socket, 'amendments.updated', (e) => e.text.amendments.some((a) => a.id === a1.id && a.fate === 'adopted'));
    expect(await vote(a1.id, ['yes', 'no', 'yes'])).toMatchObject({ fate: 'adopted' });
    const after = (await consolidated).text.amendments;
    expect(after.find((a) => a.id === a1.id)?.votes).toEqual({ yes: 2, no: 1, abstain: 0 });
    // The rewriting of lines 12-13 was never voted: it fell with the adoption of n° 1.
    expect(after.find((a) => a.id === a3.id)).toMatchObject({ fate: 'fallen', votes: null });

    // A ballot on a closed vote is refused by the survey's own rule.
    const closedQ = (await amendmentsOf(facilitator.token, session.id)).texts[text.id].amendments.find((a) => a.id === a1.id)?.questionId as string;
    expect(await send(elodie.socket, 'ballot.cast', { questionId: closedQ, value: { type: 'yesno', choice: 'no' } })).toMatchObject({ ok: false, error: { code: 'VOTING_CLOSED' } });

    // The whole text.
    const final = await sendOk(staff, 'amendments.final', { activityId: text.id, action: 'open' });
    for (const who of [elodie, julien, camille]) await sendOk(who.socket, 'ballot.cast', { questionId: final.final.questionId as string, value: { type: 'yesno', choice: 'yes' } });
    expect((await sendOk(staff, 'amendments.final', { activityId: text.id, action: 'close' })).final).toMatchObject({ state: 'closed', adopted: true, votes: { yes: 3, no: 0, abstain: 0 } });

    // The record: fates and votes, the comparison labelled by amendment, the final text traced.
    await sendOk(staff, 'activity.close', { activityId: text.id });
    const res = await t.http().get(`/api/sessions/${session.id}/export.json`).set('Authorization', `Bearer ${account.token}`).expect(200);
    const section = OutcomeExport.parse(res.body).sections.find((s) => s.activityId === text.id);
    const [table, comparison, finalText] = section?.tables ?? [];
    expect(table.rows.map((r) => [r[0], r[8], r[9], r[10], r[11]])).toEqual([
      [1, 'Adopté', 2, 1, 0],
      [2, 'Rejeté', 1, 2, 0],
      [3, 'Tombé', null, null, null],
      [4, 'Adopté', 2, 0, 1],
    ]);
    expect(table.rows[0][2]).toBe('Élodie Martin, Julien Roux');
    expect(comparison.rows).toEqual([['n° 1 (sous-amendé par le n° 4)', 'l. 12', 'Ligne 12 de la feuille de route\u00a0: l’assemblée s’engage.', 'Ligne 12 sous-amendée.', expect.stringContaining('{+')]]);
    expect(finalText.rows[11]).toEqual([12, 'Ligne 12 sous-amendée.', 'amendement n° 1']);
    expect(finalText.rows[12]).toEqual([13, 'Ligne 13 de la feuille de route\u00a0: l’assemblée s’engage.', 'ligne 13 du texte initial']);
    expect(section?.summary).toContain('texte adopté');
    // The follow-up reads the adopted text and the adopted amendments out of this record (droit de suite).
    const sealed = OutcomeExport.parse(res.body);
    expect(outcomeCandidates({ ...sealed, sections: sealed.sections } as unknown as OutcomeRecord, 0).filter((c) => c.ref.kind === 'amendment')).toEqual([
      { ref: { kind: 'amendment', activityId: text.id, itemId: 'text' }, evidence: { sectionTitle: 'Feuille de route partagée', text: 'Texte adopté : « Feuille de route partagée »', figure: 'Vote sur l’ensemble : 3 pour, 0 contre, 0 abstention(s) — texte adopté', group: null }, supports: null },
      { ref: { kind: 'amendment', activityId: text.id, itemId: 'a.1' }, evidence: expect.objectContaining({ sectionTitle: 'Feuille de route partagée — amendement n° 1', figure: 'Adopté — 2 pour, 1 contre, 0 abstention(s)' }), supports: null },
      { ref: { kind: 'amendment', activityId: text.id, itemId: 'a.4' }, evidence: expect.objectContaining({ sectionTitle: 'Feuille de route partagée — amendement n° 4', figure: 'Adopté — 2 pour, 0 contre, 1 abstention(s)' }), supports: null },
    ]);
  });

  it('refuses amendments after the deadline and on a closed text', async () => {
    const { staff, text, elodie } = await plenary({ deadline: new Date(Date.now() + 3_600_000).toISOString() });
    const filed = await sendOk(elodie.socket, 'amendment.file', { activityId: text.id, kind: 'insert', from: 14, to: 14, wording: 'Ajout final.', reason: 'Conclure' });
    await sendOk(staff, 'amendments.deadline', { activityId: text.id, deadline: new Date(Date.now() - 1000).toISOString() });
    expect(await send(elodie.socket, 'amendment.file', { activityId: text.id, kind: 'delete', from: 1, to: 1, reason: 'Trop tard' })).toMatchObject({ ok: false, error: { code: 'AMENDMENT_DEADLINE_PASSED' } });
    await sendOk(staff, 'amendments.deadline', { activityId: text.id, deadline: null });
    await sendOk(staff, 'amendment.moderate', { amendmentId: filed.id, decision: 'admissible' });
    // The final vote waits for every amendment to be decided.
    expect(await send(staff, 'amendments.final', { activityId: text.id, action: 'open' })).toMatchObject({ ok: false, error: { code: 'AMENDMENTS_PENDING' } });
    const open = await sendOk(staff, 'amendment.vote', { amendmentId: filed.id, action: 'open' });
    await sendOk(elodie.socket, 'ballot.cast', { questionId: open.questionId as string, value: { type: 'yesno', choice: 'yes' } });
    // Closing the text closes the running vote and counts it.
    await sendOk(staff, 'activity.close', { activityId: text.id });
    expect(await send(elodie.socket, 'amendment.file', { activityId: text.id, kind: 'delete', from: 1, to: 1, reason: 'Fermé' })).toMatchObject({ ok: false, error: { code: 'AMENDMENTS_CLOSED' } });
    const rows: { fate: string; votes: unknown }[] = await t.db.query('SELECT fate, votes FROM amendment WHERE id = $1', [filed.id]);
    expect(rows[0]).toEqual({ fate: 'adopted', votes: { yes: 1, no: 0, abstain: 0 } });
  });

  it('files an amendment in the name of a working group: its rapporteur only, while a member of the group', async () => {
    const { session, account, staff, text, elodie, julien, camille } = await plenary();
    const groups = await sendOk(staff, 'activity.create', { kind: 'groups', title: 'Ateliers', config: {} });
    await sendOk(staff, 'groups.start', { activityId: groups.id });
    const { groups: [solidarity, transition] } = await sendOk(staff, 'group.assign', { participantId: elodie.id, groupId: (await sendOk(staff, 'group.autoAssign', { activityId: groups.id, seed: 1, onlyUnplaced: true })).groups[0].id });
    await sendOk(staff, 'group.assign', { participantId: julien.id, groupId: solidarity.id });
    await sendOk(staff, 'group.assign', { participantId: camille.id, groupId: transition.id });
    await sendOk(staff, 'group.setRapporteur', { groupId: solidarity.id, participantId: elodie.id });
    const [asElodie, asJulien] = [elodie.socket, julien.socket];
    const filing = { activityId: text.id, kind: 'replace', from: 3, to: 3, wording: 'Ligne 3 proposée par le groupe.', reason: 'Synthèse du groupe', forGroup: true } as const;

    const byGroup = await sendOk(asElodie, 'amendment.file', filing);
    expect(byGroup).toMatchObject({ number: 1, authorName: 'Élodie Martin', groupName: solidarity.name });
    expect(await send(asJulien, 'amendment.file', filing)).toMatchObject({ ok: false, error: { code: 'AMENDMENT_NOT_RAPPORTEUR', message: expect.stringContaining('rapporteur') } });
    // Without `forGroup` the same member files in their own name.
    expect(await sendOk(asJulien, 'amendment.file', { ...filing, forGroup: false })).toMatchObject({ number: 2, authorName: 'Julien Roux', groupName: null });
    // Moved out of the group, the rapporteur no longer speaks for it.
    await sendOk(staff, 'group.assign', { participantId: elodie.id, groupId: transition.id });
    expect(await send(asElodie, 'amendment.file', filing)).toMatchObject({ ok: false, error: { code: 'AMENDMENT_NOT_RAPPORTEUR' } });
    const stored: { number: number; group_name: string | null }[] = await t.db.query('SELECT number, group_name FROM amendment WHERE activity_id = $1 ORDER BY number', [text.id]);
    expect(stored).toEqual([{ number: 1, group_name: solidarity.name }, { number: 2, group_name: null }]);

    // The minutes name the group and its rapporteur.
    const res = await t.http().get(`/api/sessions/${session.id}/export.json`).set('Authorization', `Bearer ${account.token}`).expect(200);
    const table = OutcomeExport.parse(res.body).sections.find((s) => s.activityId === text.id)?.tables.find((x) => x.title === 'Amendements');
    expect(table?.rows[0][2]).toBe(`${solidarity.name} (rapporteur·e : Élodie Martin)`);
  });

  it('takes a text as long as a text may be over the live socket, and refuses a longer one with a clear error, the socket still working', async () => {
    const { staff } = await plenary();
    // The longest text allowed, every character a multi-byte one where French needs it.
    const line = 'Les collectivités s’engagent : « mobilités », santé, école, sécurité ; l’énergie ! ';
    const longest = Array.from({ length: Math.ceil(AMENDMENT_LIMITS.sourceMax / line.length) }, () => line).join('\n').slice(0, AMENDMENT_LIMITS.sourceMax);
    expect(Buffer.byteLength(JSON.stringify({ source: longest }))).toBeGreaterThan(AMENDMENT_LIMITS.sourceMax);
    const text = await sendOk(staff, 'activity.create', { kind: 'amendments', title: 'Feuille de route longue', config: {} });
    const set = await sendOk(staff, 'amendments.text.set', { activityId: text.id, source: longest, format: 'markdown' });
    expect(set.lines.length).toBeGreaterThan(2500);
    expect(await send(staff, 'amendments.text.set', { activityId: text.id, source: `${longest}x`, format: 'markdown' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.any(String) } });
    expect(staff.connected).toBe(true);
    const kept: { n: number }[] = await t.db.query("SELECT jsonb_array_length(lines) AS n FROM amendment_text WHERE activity_id = $1", [text.id]);
    expect(kept[0].n).toBe(set.lines.length);
  });
});
