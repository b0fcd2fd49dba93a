import { randomUUID } from 'node:crypto';
import { BOARD_COLUMNS as COLUMNS, boardsOf, liveBoard } from '../../common/testing/boards';
import { nextEvent, send, sendOk, type TestApp, type TestSocket } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { AuditService } from '../audit/audit.service';
import { SimilarityService } from './similarity.service';

describe('idea boards (real database, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  /** A live session with an open board, its facilitator, two members and a projector screen. */
  async function boardSetup(config: Record<string, unknown> = {}) {
    const { session, activityId, staff, facilitator, members } = await liveBoard(t, { title: 'Atelier 2 — faire vivre les contrats', config, members: ['Ana Lopez', 'Bruno Marty'] });
    const [anaJoin, brunoJoin] = members;
    const screenJoin = await t.screen(session.id);
    const screen = await t.connect(screenJoin.token);
    return { session, activityId, staff, ana: anaJoin.socket, bruno: brunoJoin.socket, screen, anaJoin, brunoJoin, screenJoin, facilitator };
  }

  const boards = (token: string, sessionId: string) => boardsOf(t, token, sessionId);

  function post(socket: TestSocket, activityId: string, title: string, extra: Record<string, unknown> = {}) {
    return sendOk(socket, 'idea.post', { activityId, columnId: 'gouvernance', title, ...extra });
  }

  it('creates a board with its columns, and hides it from members until it is opened', async () => {
    const { session, facilitator } = await t.liveSession();
    const staff = await t.connect(facilitator.token);
    const activity = await sendOk(staff, 'activity.create', { kind: 'board', title: 'Idées', config: { columns: COLUMNS } });
    const member = await t.join(session.joinCode, 'Curieuse');
    expect((await boards(member.token, session.id)).boards[activity.id]).toBeUndefined();
    const socket = await t.connect(member.token);
    expect(await send(socket, 'idea.post', { activityId: activity.id, columnId: 'gouvernance', title: 'Trop tôt' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const opened = await sendOk(staff, 'board.open', { activityId: activity.id });
    expect(opened.columns.map((c) => c.id)).toEqual(['gouvernance', 'financement', 'animation', 'evaluation']);
    expect((await boards(member.token, session.id)).boards[activity.id].board.state).toBe('open');
    const bad = await send(staff, 'activity.create', { kind: 'board', title: 'Sans colonnes', config: { columns: [] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('delivers a new idea to every phone and the projector, and keeps its text as written', async () => {
    const { session, activityId, ana, bruno, screen, screenJoin } = await boardSetup();
    const seenByBruno = nextEvent(bruno, 'idea.updated');
    const seenByScreen = nextEvent(screen, 'idea.updated');
    const title = 'Un comité de suivi <b>ouvert</b> aux citoyens';
    const idea = await post(ana, activityId, title, { body: 'Réuni deux fois par an & « public »' });
    expect(idea).toMatchObject({ title, status: 'visible', authorName: 'Ana Lopez' });
    expect((await seenByBruno).idea).toMatchObject({ id: idea.id, title });
    expect((await seenByScreen).idea.id).toBe(idea.id);
    const snap = await boards(screenJoin.token, session.id);
    expect(snap.boards[activityId].ideas.map((i) => i.title)).toEqual([title]);
    const tooLong = await send(ana, 'idea.post', { activityId, columnId: 'gouvernance', title: 'x'.repeat(141) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const wrongColumn = await send(ana, 'idea.post', { activityId, columnId: 'inconnue', title: 'Ailleurs' });
    expect(wrongColumn).toMatchObject({ ok: false, error: { code: 'BOARD_COLUMN_UNKNOWN', message: "Cette colonne n'existe pas dans ce tableau." } });
  });

  it('counts a support once, even when retried or clicked twice, and lets it be taken back', async () => {
    const { activityId, ana, bruno, staff } = await boardSetup();
    const idea = await post(ana, activityId, 'Des fiches projets partagées');
    const counted = nextEvent(staff, 'support.updated', (e) => e.counts.some((c) => c.ideaId === idea.id && c.supports === 1));
    const opId = randomUUID();
    const first = await sendOk(bruno, 'idea.support', { opId, activityId, ideaId: idea.id });
    const retry = await sendOk(bruno, 'idea.support', { opId, activityId, ideaId: idea.id });
    const again = await sendOk(bruno, 'idea.support', { activityId, ideaId: idea.id });
    expect([first.count?.supports, retry.count?.supports, again.count?.supports]).toEqual([1, 1, 1]);
    expect(again.mine.supports).toEqual([{ ideaId: idea.id, dots: 1 }]);
    await counted;
    const back = await sendOk(bruno, 'idea.unsupport', { activityId, ideaId: idea.id });
    expect(back).toMatchObject({ count: { supports: 0, supporters: 0 }, mine: { supports: [] } });
  });

  it('keeps dot voting within the budget, even with concurrent clicks', async () => {
    const { activityId, ana, bruno, staff } = await boardSetup({ supportMode: 'dots', dotsPerMember: 3, dotsPerIdeaMax: 2 });
    const ideas = await Promise.all(['Un', 'Deux', 'Trois'].map((title) => post(ana, activityId, `Idée ${title}`)));
    const two = await sendOk(bruno, 'idea.support', { activityId, ideaId: ideas[0].id });
    expect(two.mine.dotsLeft).toBe(2);
    await sendOk(bruno, 'idea.support', { activityId, ideaId: ideas[0].id });
    expect(await send(bruno, 'idea.support', { activityId, ideaId: ideas[0].id })).toMatchObject({ ok: false, error: { code: 'DOTS_PER_IDEA_MAX' } });
    const burst = await Promise.all([ideas[1], ideas[2], ideas[1], ideas[2]].map((i) => send(bruno, 'idea.support', { activityId, ideaId: i.id })));
    expect(burst.filter((a) => a.ok)).toHaveLength(1);
    expect(burst.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['DOTS_EXHAUSTED', 'DOTS_EXHAUSTED', 'DOTS_EXHAUSTED']);
    const mine = (await sendOk(bruno, 'idea.unsupport', { activityId, ideaId: ideas[0].id })).mine;
    expect(mine.dotsLeft).toBe(1);
    // A dot on an idea hidden since still counts (1 left above), and can be taken back.
    await sendOk(staff, 'idea.hide', { activityId, ideaId: ideas[0].id });
    expect((await sendOk(bruno, 'idea.unsupport', { activityId, ideaId: ideas[0].id })).mine.dotsLeft).toBe(2);
  });

  it('threads comments one level deep and lets authors edit or delete their own', async () => {
    const { activityId, ana, bruno, staff } = await boardSetup();
    const idea = await post(ana, activityId, 'Une lettre d’information trimestrielle');
    const seen = nextEvent(ana, 'comment.updated');
    const comment = await sendOk(bruno, 'comment.post', { activityId, ideaId: idea.id, body: 'Oui, et en ligne.' });
    expect((await seen).comment).toMatchObject({ id: comment.id, authorName: 'Bruno Marty', parentId: null });
    const reply = await sendOk(ana, 'comment.post', { activityId, ideaId: idea.id, parentId: comment.id, body: 'Bonne idée' });
    expect(await send(bruno, 'comment.post', { activityId, ideaId: idea.id, parentId: reply.id, body: 'Trop profond' })).toMatchObject({ ok: false, error: { code: 'COMMENT_DEPTH' } });
    expect(await send(ana, 'comment.edit', { activityId, commentId: comment.id, body: 'Pas à moi' })).toMatchObject({ ok: false, error: { code: 'COMMENT_NOT_YOURS' } });
    expect(await sendOk(bruno, 'comment.edit', { activityId, commentId: comment.id, body: 'Oui, et sur le site.' })).toMatchObject({ body: 'Oui, et sur le site.', edited: true });
    expect(await sendOk(bruno, 'comment.delete', { activityId, commentId: comment.id })).toMatchObject({ deleted: true, body: '' });
    expect(await send(bruno, 'comment.delete', { activityId, commentId: reply.id })).toMatchObject({ ok: false, error: { code: 'COMMENT_NOT_YOURS' } });
    expect(await sendOk(staff, 'comment.delete', { activityId, commentId: reply.id })).toMatchObject({ deleted: true });
  });

  it('lets authors edit or withdraw their idea only until a facilitator acts on it', async () => {
    const { activityId, ana, bruno, staff } = await boardSetup();
    const idea = await post(ana, activityId, 'Un guichet unique');
    expect(await send(bruno, 'idea.edit', { activityId, ideaId: idea.id, title: 'Pris' })).toMatchObject({ ok: false, error: { code: 'IDEA_NOT_YOURS' } });
    expect(await sendOk(ana, 'idea.edit', { activityId, ideaId: idea.id, title: 'Un guichet unique des contrats', columnId: 'animation' })).toMatchObject({ columnId: 'animation', rev: 2 });
    await sendOk(staff, 'idea.tag', { activityId, ideaId: idea.id, tags: ['outils'], cluster: 'Accompagnement' });
    expect(await send(ana, 'idea.edit', { activityId, ideaId: idea.id, title: 'Trop tard' })).toMatchObject({ ok: false, error: { code: 'IDEA_NOT_EDITABLE' } });
    expect(await send(ana, 'idea.withdraw', { activityId, ideaId: idea.id })).toMatchObject({ ok: false, error: { code: 'IDEA_NOT_EDITABLE' } });
    const other = await post(ana, activityId, 'À retirer');
    const removed = nextEvent(bruno, 'idea.removed', (e) => e.ideaId === other.id);
    expect(await sendOk(ana, 'idea.withdraw', { activityId, ideaId: other.id })).toMatchObject({ status: 'withdrawn' });
    await removed;
  });

  it('runs the pre-moderation queue: hidden from members, approved or rejected with a reason told to the author', async () => {
    const { session, activityId, ana, bruno, staff, anaJoin, brunoJoin } = await boardSetup({ moderation: 'pre' });
    const queued = nextEvent(staff, 'idea.updated');
    let brunoSaw = false;
    bruno.on('idea.updated', () => void (brunoSaw = true));
    const idea = await post(ana, activityId, 'Des budgets participatifs');
    expect(idea.status).toBe('pending');
    expect((await queued).idea).toMatchObject({ id: idea.id, status: 'pending' });
    expect((await boards(brunoJoin.token, session.id)).boards[activityId].ideas).toEqual([]);
    expect((await boards(anaJoin.token, session.id)).boards[activityId].ideas.map((i) => i.status)).toEqual(['pending']);
    expect(await send(bruno, 'idea.approve', { activityId, ideaId: idea.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await send(bruno, 'idea.support', { activityId, ideaId: idea.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(brunoSaw).toBe(false);

    const published = nextEvent(bruno, 'idea.updated', (e) => e.idea.id === idea.id);
    await sendOk(staff, 'idea.approve', { activityId, ideaId: idea.id });
    expect((await published).idea.status).toBe('visible');

    const spam = await post(bruno, activityId, 'Achetez mes produits');
    const told = nextEvent(bruno, 'idea.moderated');
    const rejected = await sendOk(staff, 'idea.reject', { activityId, ideaId: spam.id, reason: 'Hors sujet' });
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'Hors sujet' });
    expect(await told).toMatchObject({ ideaId: spam.id, action: 'rejected', reason: 'Hors sujet' });
    expect((await boards(anaJoin.token, session.id)).boards[activityId].ideas.map((i) => i.id)).toEqual([idea.id]);
    expect(await send(staff, 'idea.reject', { activityId, ideaId: idea.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('hides an idea from the room (the author is told why) and restores it as an undo, all audited', async () => {
    const { session, activityId, ana, bruno, staff } = await boardSetup();
    const idea = await post(ana, activityId, 'Une idée vexante');
    const removed = nextEvent(bruno, 'idea.removed');
    const told = nextEvent(ana, 'idea.moderated');
    await sendOk(staff, 'idea.hide', { activityId, ideaId: idea.id, reason: 'Propos blessants' });
    expect((await removed).ideaId).toBe(idea.id);
    expect(await told).toMatchObject({ action: 'hidden', reason: 'Propos blessants', status: 'hidden' });
    const back = nextEvent(bruno, 'idea.updated', (e) => e.idea.id === idea.id);
    await sendOk(staff, 'idea.restore', { activityId, ideaId: idea.id });
    expect((await back).idea.status).toBe('visible');
    await sendOk(staff, 'idea.pin', { activityId, ideaId: idea.id, pinned: true });
    const corrected = await sendOk(staff, 'idea.correct', { activityId, ideaId: idea.id, title: 'Une idée corrigée' });
    expect(corrected).toMatchObject({ editedByStaff: true, pinned: true, title: 'Une idée corrigée' });
    const audit = (await t.palabre.app.get(AuditService).list(session.id)).map((a) => a.type);
    expect(audit).toEqual(expect.arrayContaining(['idea.hidden', 'idea.restored', 'idea.pinned', 'idea.corrected']));
    const hiddenLink = (await t.palabre.app.get(AuditService).list(session.id)).find((a) => a.type === 'idea.hidden');
    expect(JSON.stringify(hiddenLink?.payload)).not.toContain('blessants');
  });

  it('merges duplicates: combined supports without counting a member twice, comments kept, originals viewable on the projector', async () => {
    const { session, activityId, ana, bruno, staff, screen, screenJoin } = await boardSetup();
    const a = await post(ana, activityId, 'Un comité de suivi par contrat');
    const b = await post(bruno, activityId, 'Comité de suivi annuel');
    await sendOk(ana, 'idea.support', { activityId, ideaId: a.id });
    await sendOk(bruno, 'idea.support', { activityId, ideaId: a.id });
    await sendOk(bruno, 'idea.support', { activityId, ideaId: b.id });
    await sendOk(staff, 'idea.support', { activityId, ideaId: b.id });
    await sendOk(ana, 'comment.post', { activityId, ideaId: b.id, body: 'Doublon de la mienne ?' });
    const counts = nextEvent(screen, 'support.updated', (e) => e.counts.some((c) => c.ideaId === a.id && c.supports === 3));
    const merged = await sendOk(staff, 'idea.merge', { activityId, targetId: a.id, sourceIds: [b.id] });
    expect(merged.mergedFrom).toEqual([{ id: b.id, title: 'Comité de suivi annuel' }]);
    await counts;
    const snap = (await boards(screenJoin.token, session.id)).boards[activityId];
    expect(snap.counts?.find((c) => c.ideaId === a.id)).toEqual({ ideaId: a.id, supports: 3, supporters: 3 });
    expect(snap.ideas.find((i) => i.id === b.id)).toMatchObject({ status: 'merged', mergedInto: a.id });
    expect(snap.comments.map((c) => c.ideaId)).toEqual([a.id]);
    expect(await send(bruno, 'idea.support', { activityId, ideaId: b.id })).toMatchObject({ ok: false, error: { code: 'IDEA_NOT_VISIBLE' } });
    expect(await send(staff, 'idea.merge', { activityId, targetId: a.id, sourceIds: [a.id] })).toMatchObject({ ok: false, error: { code: 'MERGE_INVALID' } });
  });

  it('blocks a participant (also through an anonymous idea) with a clear error, and unblocks', async () => {
    const { session, activityId, ana, staff, anaJoin } = await boardSetup({ anonymousAllowed: true });
    const anonymous = await post(ana, activityId, 'Idée anonyme', { anonymous: true });
    expect(anonymous).toMatchObject({ anonymous: true, authorId: null, authorName: null });
    const told = nextEvent(ana, 'participant.blocked');
    expect(await sendOk(staff, 'participant.block', { ideaId: anonymous.id, blocked: true })).toEqual({ participantId: anaJoin.participant.id, blocked: true });
    expect(await told).toMatchObject({ blocked: true });
    const refused = await send(ana, 'idea.post', { activityId, columnId: 'gouvernance', title: 'Encore' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PARTICIPANT_BLOCKED', message: "L'animation a suspendu vos contributions dans cette séance." } });
    expect((await boards(anaJoin.token, session.id)).blocked).toBe(true);
    expect(await send(ana, 'participant.block', { participantId: anaJoin.participant.id, blocked: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await sendOk(staff, 'participant.block', { participantId: anaJoin.participant.id, blocked: false });
    await post(ana, activityId, 'De retour');
    const audit = (await t.palabre.app.get(AuditService).list(session.id)).map((x) => x.type);
    expect(audit).toEqual(expect.arrayContaining(['participant.blocked', 'participant.unblocked']));
  });

  it('refuses anonymous ideas where not allowed and everything but reading on a locked board', async () => {
    const { session, activityId, ana, bruno, staff, brunoJoin } = await boardSetup();
    expect(await send(ana, 'idea.post', { activityId, columnId: 'gouvernance', title: 'Sans nom', anonymous: true })).toMatchObject({ ok: false, error: { code: 'IDEA_ANONYMOUS_NOT_ALLOWED' } });
    const idea = await post(ana, activityId, 'Avant le verrou');
    const locked = nextEvent(bruno, 'board.updated');
    await sendOk(staff, 'board.lock', { activityId, locked: true });
    expect((await locked).board.state).toBe('locked');
    for (const attempt of [
      send(ana, 'idea.post', { activityId, columnId: 'gouvernance', title: 'Après' }),
      send(bruno, 'idea.support', { activityId, ideaId: idea.id }),
      send(bruno, 'comment.post', { activityId, ideaId: idea.id, body: 'Trop tard' }),
    ]) {
      expect(await attempt).toMatchObject({ ok: false, error: { code: 'BOARD_LOCKED' } });
    }
    expect((await boards(brunoJoin.token, session.id)).boards[activityId].ideas).toHaveLength(1);
    await sendOk(staff, 'board.lock', { activityId, locked: false });
    await sendOk(bruno, 'idea.support', { activityId, ideaId: idea.id });
  });

  it('hides support counts from members until the facilitator reveals them', async () => {
    const { session, activityId, ana, bruno, staff, anaJoin } = await boardSetup({ supportsHidden: true });
    const idea = await post(ana, activityId, 'Des indicateurs partagés');
    const staffCount = nextEvent(staff, 'support.updated');
    let anaGotCounts = false;
    ana.on('support.updated', () => void (anaGotCounts = true));
    const ack = await sendOk(bruno, 'idea.support', { activityId, ideaId: idea.id });
    expect(ack.count).toBeNull();
    expect((await staffCount).counts).toEqual([{ ideaId: idea.id, supports: 1, supporters: 1 }]);
    expect(anaGotCounts).toBe(false);
    expect((await boards(anaJoin.token, session.id)).boards[activityId].counts).toBeNull();
    const revealed = nextEvent(ana, 'support.updated');
    await sendOk(staff, 'board.settings', { activityId, supportsHidden: false });
    expect((await revealed).counts).toEqual([{ ideaId: idea.id, supports: 1, supporters: 1 }]);
    expect(await send(staff, 'board.settings', { activityId, supportMode: 'dots' })).toMatchObject({ ok: false, error: { code: 'BOARD_SUPPORTS_CAST' } });
    expect(await send(staff, 'board.settings', { activityId, columns: [{ title: 'Financement' }] })).toMatchObject({ ok: false, error: { code: 'BOARD_COLUMN_IN_USE' } });
  });

  it('suggests similar ideas while typing, with pg_trgm and with the word-overlap fallback', async () => {
    const { activityId, ana, bruno, staff } = await boardSetup({ moderation: 'pre' });
    const visible = await post(staff, activityId, 'Créer un comité de suivi local pour chaque contrat');
    await post(staff, activityId, 'Financer des postes d’animateurs territoriaux');
    const pending = await post(ana, activityId, 'Comité de suivi des élus');
    const forMember = await sendOk(bruno, 'idea.similar', { activityId, text: 'comité de suivi' });
    expect(forMember.map((s) => s.id)).toEqual([visible.id]);
    const forStaff = await sendOk(staff, 'idea.similar', { activityId, text: 'Comité de suivi des élus', excludeIdeaId: pending.id });
    expect(forStaff.map((s) => s.id)).toEqual([visible.id]);
    const similarity = t.palabre.app.get(SimilarityService);
    similarity.forceFallback = true;
    try {
      const fallback = await sendOk(bruno, 'idea.similar', { activityId, text: 'comités de suivi' });
      expect(fallback.map((s) => s.id)).toEqual([visible.id]);
    } finally {
      similarity.forceFallback = false;
    }
  });
});
