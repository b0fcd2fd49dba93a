import { boardsOf, liveBoard } from '../../common/testing/boards';
import { sendOk, type TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { BoardContentCache } from './board-content.cache';

/**
 * A board's content is built once per board revision and shared by the snapshots that read that
 * revision (issue #26, the reconnect storm). What a phone sees must stay exactly what it would see
 * without the cache: every committed change shows at once, an unpublished idea only to its author.
 */
describe('board content shared across snapshots (real database, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  const revision = async (activityId: string): Promise<number> => ((await t.db.query('SELECT revision FROM board WHERE activity_id = $1', [activityId])) as { revision: number }[])[0].revision;
  const cache = () => t.palabre.app.get(BoardContentCache);

  it('bumps the revision at every committed change to ideas, comments, supports and authors’ names, and not otherwise', async () => {
    const { session, activityId, members } = await liveBoard(t, { members: ['Ana Lopez', 'Bruno Marty'] });
    const [ana, bruno] = members;
    const r0 = await revision(activityId);
    const idea = await sendOk(ana.socket, 'idea.post', { activityId, columnId: 'gouvernance', title: 'Des navettes rurales' });
    const r1 = await revision(activityId);
    expect(r1).toBeGreaterThan(r0);
    await sendOk(bruno.socket, 'comment.post', { activityId, ideaId: idea.id, body: 'Le samedi aussi' });
    const r2 = await revision(activityId);
    expect(r2).toBeGreaterThan(r1);
    await sendOk(bruno.socket, 'idea.support', { activityId, ideaId: idea.id });
    const r3 = await revision(activityId);
    expect(r3).toBeGreaterThan(r2);
    await t.db.query(`UPDATE participant SET display_name = 'Ana López' WHERE id = $1`, [ana.participant.id]);
    const r4 = await revision(activityId);
    expect(r4).toBeGreaterThan(r3);
    // Reading, and a write that rolls back, change nothing.
    await boardsOf(t, bruno.token, session.id);
    await t.db.transaction(async (m) => {
      await m.query(`INSERT INTO idea_comment (idea_id, activity_id, author_id, body) VALUES ($1, $2, $3, 'annulé')`, [idea.id, activityId, bruno.participant.id]);
      await m.query('SET CONSTRAINTS ALL IMMEDIATE'); // the deferred bump runs now, inside the transaction…
      throw new Error('rolled back');
    }).catch(() => undefined);
    expect(await revision(activityId)).toBe(r4); // …and rolls back with it
    expect((await boardsOf(t, bruno.token, session.id)).boards[activityId].ideas[0].authorName).toBe('Ana López');
  });

  it('builds a board once for every phone reading the same revision, and shows each change at once', async () => {
    const { session, activityId, members } = await liveBoard(t, { members: ['Ana Lopez', 'Bruno Marty', 'Chloé Roux'] });
    const [ana, bruno, chloe] = members;
    const idea = await sendOk(ana.socket, 'idea.post', { activityId, columnId: 'gouvernance', title: 'Un guichet unique' });
    const before = cache().builds;
    const seen = await Promise.all(members.map((m) => boardsOf(t, m.token, session.id)));
    expect(cache().builds - before).toBe(1);
    for (const snap of seen) expect(snap.boards[activityId].ideas.map((i) => i.title)).toEqual(['Un guichet unique']);
    expect(seen.map((snap) => snap.boards[activityId].mine.ideaIds)).toEqual([[idea.id], [], []]);

    await sendOk(chloe.socket, 'idea.support', { activityId, ideaId: idea.id });
    const after = await boardsOf(t, bruno.token, session.id);
    expect(cache().builds - before).toBe(2);
    expect(after.boards[activityId].counts).toEqual([{ ideaId: idea.id, supports: 1, supporters: 1 }]);
    expect((await boardsOf(t, chloe.token, session.id)).boards[activityId].mine.supports).toEqual([{ ideaId: idea.id, dots: 1 }]);
    expect((await boardsOf(t, bruno.token, session.id)).boards[activityId].mine.supports).toEqual([]);
    expect(cache().builds - before).toBe(2);
  });

  it('shows an idea waiting for moderation to its author and the staff only, from the same build', async () => {
    const { session, activityId, facilitator, members } = await liveBoard(t, { config: { moderation: 'pre' }, members: ['Ana Lopez', 'Bruno Marty'] });
    const [ana, bruno] = members;
    const pending = await sendOk(ana.socket, 'idea.post', { activityId, columnId: 'gouvernance', title: 'En attente' });
    const before = cache().builds;
    const [forAna, forBruno, forStaff] = await Promise.all([ana.token, bruno.token, facilitator.token].map((token) => boardsOf(t, token, session.id)));
    expect(cache().builds - before).toBe(1);
    expect(forAna.boards[activityId].ideas.map((i) => [i.id, i.status])).toEqual([[pending.id, 'pending']]);
    expect(forBruno.boards[activityId].ideas).toEqual([]);
    expect(forBruno.boards[activityId].counts).toEqual([]);
    expect(forStaff.boards[activityId].ideas.map((i) => i.id)).toEqual([pending.id]);
  });

  it('answers the snapshot as the JSON the contract describes, gzipped for a client that accepts it, shared parts included', async () => {
    const { session, activityId, members } = await liveBoard(t, { members: ['Ana Lopez'] });
    const title = '« Guillemets », accents et \u2028 séparateurs';
    await sendOk(members[0].socket, 'idea.post', { activityId, columnId: 'gouvernance', title });
    const get = (encoding: string) => t.http().get(`/api/sessions/${session.id}/snapshot`).set('Authorization', `Bearer ${members[0].token}`).set('Accept-Encoding', encoding).expect(200);
    type Body = { version: number; features: { boards: { boards: Record<string, { ideas: { title: string }[] }> } } };
    const gzipped = await get('gzip, deflate, br');
    const plain = await get('identity');
    expect([gzipped.headers['content-encoding'], plain.headers['content-encoding']]).toEqual(['gzip', undefined]);
    for (const res of [gzipped, plain]) {
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers.vary).toMatch(/Accept-Encoding/);
      expect(res.headers.etag).toBeUndefined();
      expect((res.body as Body).features.boards.boards[activityId].ideas[0].title).toBe(title);
    }
    expect((gzipped.body as Body).features.boards).toEqual((plain.body as Body).features.boards);
  });
});
