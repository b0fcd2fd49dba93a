import { EVENTS, OpinionsSnapshot, type JoinResponse, type SessionSnapshot } from '@palabre/contracts';
import { nextEvent, send, sendOk, type TestApp, type TestSocket } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { eventually, SHARED_REDIS_URL, twoNodeSession } from '../../common/testing/nodes';
import { OpinionsMapBroadcaster } from './opinions-map.broadcaster';
import { opinionMap, unpackOpinionAnswers, type OpinionAnswer, type OpinionMemberProfile } from '@palabre/domain';
import { computeMap, mapInputs, pseudonym } from './opinions-map';
import { OpinionsOutcomes } from './opinions-outcomes';
import { OpinionMapWorker } from './opinions-map.worker';

describe('the opinion map « carte des opinions » (real database, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  /** A live session with an open opinion map, its facilitator socket and `members` phones. */
  async function room(config: Record<string, unknown> = {}, members = 2) {
    const { session, facilitator } = await t.liveSession();
    const staff = await t.connect(facilitator.token);
    const map = await sendOk(staff, 'activity.create', { kind: 'opinions', title: 'Carte des opinions', config });
    await sendOk(staff, 'activity.open', { activityId: map.id });
    const phones: { joined: JoinResponse; socket: TestSocket }[] = [];
    for (let i = 0; i < members; i++) {
      const joined = await t.join(session.joinCode, `Membre ${String(i).padStart(2, '0')}`);
      phones.push({ joined, socket: await t.connect(joined.token) });
    }
    return { session, facilitator, staff, map, phones };
  }

  async function opinionsOf(token: string, sessionId: string): Promise<OpinionsSnapshot> {
    const res = await t.http().get(`/api/sessions/${sessionId}/snapshot`).set('Authorization', `Bearer ${token}`).expect(200);
    return (res.body as SessionSnapshot).features.opinions as OpinionsSnapshot;
  }

  it('stores the settings with their defaults and refuses unknown ones', async () => {
    const { facilitator } = await t.liveSession();
    const staff = await t.connect(facilitator.token);
    const created = await sendOk(staff, 'activity.create', { kind: 'opinions', title: 'Carte' });
    const rows: { config: unknown }[] = await t.db.query('SELECT config FROM activity WHERE id = $1', [created.id]);
    expect(rows[0].config).toEqual({ consensusThreshold: 0.6, memberStatements: 'pre' });
    expect(await send(staff, 'activity.create', { kind: 'opinions', title: 'Carte', config: { consensusThreshold: 0.2 } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('publishes staff statements at once, holds members’ ones for approval, and keeps moderation to the staff', async () => {
    const { session, staff, map, phones } = await room();
    const [alice, bruno] = phones;
    const heard = nextEvent(bruno.socket, 'opinions.statement.updated');
    const written = await sendOk(staff, 'opinions.propose', { activityId: map.id, text: '  Les bourgs-centres doivent garder leurs services publics.  ' });
    expect(written).toMatchObject({ text: 'Les bourgs-centres doivent garder leurs services publics.', status: 'visible', origin: 'facilitator' });
    expect((await heard).statement.id).toBe(written.id);

    const proposed = await sendOk(alice.socket, 'opinions.propose', { activityId: map.id, text: 'Le train avant la route.' });
    expect(proposed).toMatchObject({ status: 'pending', origin: 'member' });
    // Bruno does not see a statement waiting for approval; Alice sees her own.
    expect((await opinionsOf(bruno.joined.token, session.id)).activities[map.id].statements.map((s) => s.id)).toEqual([written.id]);
    expect((await opinionsOf(alice.joined.token, session.id)).activities[map.id].statements.map((s) => s.id)).toEqual([written.id, proposed.id]);
    // Nobody answers a statement still waiting.
    expect(await send(bruno.socket, 'opinions.answer', { statementId: proposed.id, vote: 'agree' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    expect(await send(alice.socket, 'opinions.moderate', { statementId: proposed.id, action: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const approved = nextEvent(bruno.socket, 'opinions.statement.updated', (e) => e.statement.id === proposed.id);
    expect(await sendOk(staff, 'opinions.moderate', { statementId: proposed.id, action: 'approve' })).toMatchObject({ status: 'visible' });
    await approved;
    // Approving twice is one change; rejecting a visible statement is not a transition.
    expect(await sendOk(staff, 'opinions.moderate', { statementId: proposed.id, action: 'approve' })).toMatchObject({ status: 'visible' });
    expect(await send(staff, 'opinions.moderate', { statementId: proposed.id, action: 'reject' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });

    // A hidden statement cannot be answered any more.
    await sendOk(staff, 'opinions.moderate', { statementId: written.id, action: 'hide' });
    expect(await send(staff, 'opinions.answer', { statementId: written.id, vote: 'agree' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const audit: { type: string }[] = await t.db.query(`SELECT type FROM audit_event WHERE session_id = $1 AND type LIKE 'opinions.%' ORDER BY seq`, [session.id]);
    expect(audit.map((a) => a.type)).toEqual(['opinions.proposed', 'opinions.proposed', 'opinions.approve', 'opinions.hide']);
  });

  it('refuses members’ statements when the map takes none, and members under post-moderation publish at once', async () => {
    const off = await room({ memberStatements: 'off' }, 1);
    expect(await send(off.phones[0].socket, 'opinions.propose', { activityId: off.map.id, text: 'Une idée ?' })).toMatchObject({
      ok: false,
      error: { code: 'OPINIONS_PROPOSALS_OFF', message: 'Pas de propositions des membres ici.' },
    });
    const post = await room({ memberStatements: 'post' }, 1);
    expect(await sendOk(post.phones[0].socket, 'opinions.propose', { activityId: post.map.id, text: 'Une idée !' })).toMatchObject({ status: 'visible' });
  });

  it('promotes ideas of the plenary board once each, staff only', async () => {
    const { session, staff, map, phones } = await room({}, 1);
    const board = await sendOk(staff, 'activity.create', { kind: 'board', title: 'Atelier 2', config: { columns: [{ id: 'idees', title: 'Idées' }] } });
    await sendOk(staff, 'activity.open', { activityId: board.id });
    const idea = await sendOk(phones[0].socket, 'idea.post', { activityId: board.id, columnId: 'idees', title: 'Un guichet unique pour les communes' });
    expect(await send(phones[0].socket, 'opinions.promote', { activityId: map.id, ideaIds: [idea.id] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const [promoted] = await sendOk(staff, 'opinions.promote', { activityId: map.id, ideaIds: [idea.id] });
    expect(promoted).toMatchObject({ text: 'Un guichet unique pour les communes', origin: 'idea', status: 'visible' });
    expect((await sendOk(staff, 'opinions.promote', { activityId: map.id, ideaIds: [idea.id] }))[0].id).toBe(promoted.id);
    expect(await t.db.query('SELECT count(*)::int AS n FROM opinion_statement WHERE activity_id = $1', [map.id])).toEqual([{ n: 1 }]);
    // An idea that is not a visible idea of this session is not found.
    expect(await send(staff, 'opinions.promote', { activityId: map.id, ideaIds: [map.id] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await opinionsOf(phones[0].joined.token, session.id)).activities[map.id].statements).toHaveLength(1);
  });

  it('keeps one answer per member and statement, changeable, and offers next the statement with the fewest answers', async () => {
    const { session, staff, map, phones } = await room({}, 3);
    const [alice, bruno, chloe] = phones;
    const s1 = await sendOk(staff, 'opinions.propose', { activityId: map.id, text: 'Première affirmation' });
    const s2 = await sendOk(staff, 'opinions.propose', { activityId: map.id, text: 'Deuxième affirmation' });
    const s3 = await sendOk(staff, 'opinions.propose', { activityId: map.id, text: 'Troisième affirmation' });
    expect((await opinionsOf(alice.joined.token, session.id)).activities[map.id].next).toBe(s1.id);
    // Bruno and Chloé answer s1 and s2: s3 has the fewest answers, so Alice gets it after s1.
    for (const phone of [bruno, chloe]) for (const s of [s1, s2]) await sendOk(phone.socket, 'opinions.answer', { statementId: s.id, vote: 'agree' });
    expect(await sendOk(alice.socket, 'opinions.answer', { statementId: s1.id, vote: 'disagree' })).toEqual({ statementId: s1.id, vote: 'disagree', next: s3.id });
    expect(await sendOk(alice.socket, 'opinions.answer', { statementId: s1.id, vote: 'pass' })).toEqual({ statementId: s1.id, vote: 'pass', next: s3.id });
    expect(await t.db.query('SELECT vote FROM opinion_answer WHERE statement_id = $1 AND participant_id = $2', [s1.id, alice.joined.participant.id])).toEqual([{ vote: 'pass' }]);
    await sendOk(alice.socket, 'opinions.answer', { statementId: s3.id, vote: 'agree' });
    expect((await sendOk(alice.socket, 'opinions.answer', { statementId: s2.id, vote: 'agree' })).next).toBeNull();
    expect((await opinionsOf(alice.joined.token, session.id)).activities[map.id].myAnswers).toEqual({ [s1.id]: 'pass', [s2.id]: 'agree', [s3.id]: 'agree' });
    // A projector screen never answers.
    const screen = await t.connect((await t.screen(session.id)).token);
    expect(await send(screen, 'opinions.answer', { statementId: s1.id, vote: 'agree' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('recomputes the map after answers, pushes it to the console and the projector, and tells each member their group and what it agrees with', async () => {
    const { session, facilitator, staff, map, phones } = await room({}, 10);
    const projector = await t.connect((await t.screen(session.id)).token);
    // The roster's colleges: 6 élus and 4 citoyens (a college under 5 members is hidden); 5 women, 5 men.
    const assembly: { id: string }[] = await t.db.query(`INSERT INTO assembly (name) VALUES ('Assemblée de test') RETURNING id`);
    for (const [i, phone] of phones.entries()) {
      const member: { id: string }[] = await t.db.query(
        `INSERT INTO member (assembly_id, roster_key, name, perimeter, territory_type, category, gender) VALUES ($1, $2, $3, 'Test', 'metropole', $4, $5) RETURNING id`,
        [assembly[0].id, `k${i}`, `Membre ${i}`, i < 6 ? 'elu' : 'citoyen', i % 2 ? 'femme' : 'homme'],
      );
      await t.db.query('UPDATE participant SET member_id = $2 WHERE id = $1', [phone.joined.participant.id, member[0].id]);
    }
    const texts = ['Tout le monde est d’accord', 'Les uns oui, les autres non', 'Les uns non, les autres oui', 'Encore un clivage', 'Et un autre'];
    const statements = [];
    for (const text of texts) statements.push(await sendOk(staff, 'opinions.propose', { activityId: map.id, text }));
    const [common, ...splits] = statements;
    // Recomputes are coalesced: the map with every answer comes last.
    const complete = (e: { map: { answers: number } }) => e.map.answers === 50;
    const onConsole = nextEvent(staff, 'opinions.map.updated', complete, 10_000);
    const onProjector = nextEvent(projector, 'opinions.map.updated', complete, 10_000);
    const onPhone = nextEvent(phones[0].socket, 'opinions.agreements.updated', (e) => e.agreements.members === 10 && e.agreements.groups.length === 2, 10_000);
    // Everything the phone hears, as the bytes it receives.
    const phoneHeard: { event: string; bytes: number }[] = [];
    phones[0].socket.onAny((event: string, payload: unknown) => phoneHeard.push({ event, bytes: Buffer.byteLength(JSON.stringify(payload)) }));
    const groupsHeard: (number | null)[] = [];
    phones[0].socket.on('opinions.group.updated', (e) => groupsHeard.push(e.group));
    for (const [i, phone] of phones.entries()) {
      const bloc = i % 2 === 0; // two blocs of five, across the colleges
      await sendOk(phone.socket, 'opinions.answer', { statementId: common.id, vote: 'agree' });
      for (const [k, s] of splits.entries()) await sendOk(phone.socket, 'opinions.answer', { statementId: s.id, vote: bloc === (k % 2 === 0) ? 'agree' : 'disagree' });
    }
    const seen = await onProjector;
    expect((await onConsole).map).toEqual(seen.map);
    expect(seen.map.groups.map((g) => g.size)).toEqual([5, 5]);
    expect(seen.map.consensus.map((c) => c.statementId)).toEqual([common.id]);
    expect(seen.map.divisive.map((d) => d.statementId).sort()).toEqual(splits.map((s) => s.id).sort());
    // Dots carry no names and no ids.
    expect(Object.keys(seen.map.points[0]).sort()).toEqual(['group', 'x', 'y']);
    const category = seen.map.lenses.find((l) => l.dimension === 'category')!;
    // The surveys' rule: 4 citoyens hidden, and the élus too, or 10 − 6 would give them away.
    expect(category.cells).toEqual([{ value: 'citoyen', hidden: true, reason: 'small_cell', members: '<5' }, { value: 'elu', hidden: true, reason: 'complementary', members: null }]);
    expect(category.comparable).toBe(false);
    const gender = seen.map.lenses.find((l) => l.dimension === 'gender')!;
    expect(gender.consensus.map((c) => c.statementId)).toEqual([common.id]);

    // The phone gets what it shows of the map, never the map: each group's size and the statements
    // it agrees with most (every member agrees with the first statement), and the consensus.
    const agreed = await onPhone;
    expect(EVENTS['opinions.agreements.updated'].payload.parse(agreed)).toEqual(agreed);
    expect(agreed.agreements.groups.map((g) => g.size)).toEqual([5, 5]);
    for (const g of agreed.agreements.groups) expect(g.agreesMost).toContainEqual({ statementId: common.id, share: 1 });
    expect(agreed.agreements.consensus).toEqual([{ statementId: common.id, direction: 'agree', share: 1 }]);
    // A member's group follows the map it came with (sent right after it, on the same socket).
    await eventually(() => groupsHeard.length > 0, 5_000, "the member's group");
    const group = groupsHeard.at(-1);
    expect(group === 0 || group === 1).toBe(true);
    // The staff's last map was sent before the phone's agreements: had the phone been sent a map, it would have it by now.
    expect(phoneHeard.filter((h) => h.event === 'opinions.map.updated')).toEqual([]);
    const mapBytes = Buffer.byteLength(JSON.stringify(seen));
    const agreementBytes = Math.max(...phoneHeard.filter((h) => h.event === 'opinions.agreements.updated').map((h) => h.bytes));
    expect(agreementBytes).toBeLessThan(mapBytes);
    // The member's snapshot: no map, the same agreements; the projector's and the console's: the map.
    const mine = (await opinionsOf(phones[0].joined.token, session.id)).activities[map.id];
    expect(mine.myGroup).toBe(group);
    expect(mine.map).toBeNull();
    expect(mine.agreements).toEqual(agreed.agreements);
    const screenToken = (await t.screen(session.id)).token;
    expect((await opinionsOf(screenToken, session.id)).activities[map.id]).toMatchObject({ map: seen.map, agreements: agreed.agreements });
    expect((await opinionsOf(facilitator.token, session.id)).activities[map.id].map).toEqual(seen.map);
    expect(OpinionsSnapshot.parse(await opinionsOf(phones[0].joined.token, session.id))).toBeTruthy();
    // A map stored before the agreements were: the member's snapshot derives them, still without the map.
    await t.db.query('UPDATE opinion_map_state SET agreements = NULL WHERE activity_id = $1', [map.id]);
    expect((await opinionsOf(phones[0].joined.token, session.id)).activities[map.id]).toMatchObject({ map: null, agreements: agreed.agreements, myGroup: group });

    // The record: groups, consensus and divisive statements, and the answers under pseudonyms.
    const outcomes = t.palabre.app.get(OpinionsOutcomes);
    const [section] = await outcomes.sections(session.id, t.db.manager);
    expect(section.tables?.find((tb) => tb.title === 'Affirmations consensuelles')?.rows).toEqual([['Tout le monde est d’accord', 'D’accord', 100, 100, 100]]);
    expect(section.tables?.find((tb) => tb.title === 'Affirmations clivantes')?.rows).toHaveLength(4);
    const raw = section.raw?.[0];
    expect(raw).toMatchObject({ named: false, columns: ['Membre (pseudonyme)', 'Affirmation', 'Réponse'] });
    expect(raw?.rows).toHaveLength(50);
    expect(raw?.rows.map((r) => r[0])).toContain(pseudonym(map.id, phones[0].joined.participant.id));
    expect(JSON.stringify(section)).not.toContain(phones[0].joined.participant.id);
    // Replaying the exported answers with libs/domain gives the same groups, consensus and divisive statements.
    const recompute = section.recompute as { answers: { memberId: string; statementId: string; vote: 'agree' | 'disagree' | 'pass' }[]; options: { consensusThreshold: number } };
    const replay = opinionMap(recompute.answers, new Map(), recompute.options);
    expect(JSON.stringify([replay.points.map((p) => p.group), replay.groups, replay.consensus, replay.divisive])).toBe(
      JSON.stringify([seen.map.points.map((p) => p.group), seen.map.groups, seen.map.consensus, seen.map.divisive]),
    );
    // Deterministic: the seal hashes it.
    expect(JSON.stringify(await outcomes.sections(session.id, t.db.manager))).toBe(JSON.stringify([section]));
    // Recomputing gives the same stored map.
    await t.palabre.app.get(OpinionsMapBroadcaster).recompute(map.id);
    expect((await opinionsOf(facilitator.token, session.id)).activities[map.id].map).toEqual(seen.map);
  });

  it('reads the answers it counts packed: the same answers, profiles and map as one row per answer', async () => {
    const { session, staff, map, phones } = await room({}, 1);
    const author = phones[0].joined.participant.id;
    // 60 members straight in the database, three in four with a roster entry (the others have no profile).
    const members: { id: string }[] = await t.db.query(
      `INSERT INTO participant (session_id, display_name, role, joined_at) SELECT $1, 'Banc ' || i, 'member', now() FROM generate_series(1, 60) i RETURNING id`,
      [session.id],
    );
    const [assembly]: { id: string }[] = await t.db.query(`INSERT INTO assembly (name) VALUES ('Assemblée de test') RETURNING id`);
    for (const [i, m] of members.entries()) {
      if (i % 4 === 3) continue;
      const [member]: { id: string }[] = await t.db.query(
        `INSERT INTO member (assembly_id, roster_key, name, perimeter, territory_type, category, gender) VALUES ($1, $2, $3, 'Test', $4, $5, $6) RETURNING id`,
        [assembly.id, `k${i}`, `Membre ${i}`, i % 3 ? 'rural' : 'metropole', i % 2 ? 'elu' : 'citoyen', i % 5 === 0 ? 'autre' : i % 4 < 2 ? 'femme' : 'homme'],
      );
      await t.db.query('UPDATE participant SET member_id = $2 WHERE id = $1', [m.id, member.id]);
    }
    // 80 statements on this map and 5 on another one, answered by three blocs with passes and gaps.
    const other = await sendOk(staff, 'activity.create', { kind: 'opinions', title: 'Autre carte' });
    for (const [activityId, count] of [[map.id, 80], [other.id, 5]] as const) {
      await t.db.query(
        `INSERT INTO opinion_statement (session_id, activity_id, author_id, origin, text, status)
         SELECT $1, $2, $3, 'facilitator', 'Affirmation ' || i, 'visible' FROM generate_series(1, $4) i`,
        [session.id, activityId, author, count],
      );
      await t.db.query(
        `INSERT INTO opinion_answer (statement_id, participant_id, activity_id, vote)
         SELECT s.id, p.id, $2,
                CASE WHEN abs(hashtext(p.id::text || s.id::text)::bigint) % 10 = 0 THEN 'pass'
                     WHEN abs(hashtext(s.id::text || (abs(hashtext(p.id::text)::bigint) % 3)::text)::bigint) % 2 = 0 THEN 'agree' ELSE 'disagree' END
           FROM participant p CROSS JOIN opinion_statement s
          WHERE p.session_id = $1 AND p.display_name LIKE 'Banc %' AND s.activity_id = $2 AND abs(hashtext(s.id::text || p.id::text)::bigint) % 100 < 75`,
        [session.id, activityId],
      );
    }
    // Hidden and pending statements keep their answers; the map does not count them.
    await t.db.query(`UPDATE opinion_statement SET status = 'hidden' WHERE id IN (SELECT id FROM opinion_statement WHERE activity_id = $1 ORDER BY id LIMIT 6)`, [map.id]);
    await t.db.query(`UPDATE opinion_statement SET status = 'pending' WHERE id IN (SELECT id FROM opinion_statement WHERE activity_id = $1 AND status = 'visible' ORDER BY id DESC LIMIT 2)`, [map.id]);

    // The reference: the map's reading before its answers were packed, one row per counted answer.
    const rows: { participant_id: string; statement_id: string; vote: OpinionAnswer['vote']; category: string | null; gender: string | null; territory_type: string | null }[] = await t.db.query(
      `SELECT a.participant_id, a.statement_id, a.vote, m.category, m.gender, m.territory_type
         FROM opinion_answer a JOIN opinion_statement s ON s.id = a.statement_id
         JOIN participant p ON p.id = a.participant_id LEFT JOIN member m ON m.id = p.member_id
        WHERE a.activity_id = $1 AND s.status = 'visible'`,
      [map.id],
    );
    const expected: OpinionAnswer[] = rows.map((r) => ({ memberId: pseudonym(map.id, r.participant_id), statementId: r.statement_id, vote: r.vote }));
    const expectedProfiles = new Map<string, OpinionMemberProfile>(
      rows.map((r) => [pseudonym(map.id, r.participant_id), { category: r.category, gender: r.gender, territoryType: r.territory_type, presence: null }]),
    );
    // The matrix has what the test is about: passes, members without a profile, answers not counted.
    const [{ n: stored }]: { n: number }[] = await t.db.query('SELECT count(*)::int AS n FROM opinion_answer WHERE activity_id = $1', [map.id]);
    expect(rows.length).toBeGreaterThan(2500);
    expect(stored - rows.length).toBeGreaterThan(200);
    expect(rows.some((r) => r.vote === 'pass')).toBe(true);
    expect(rows.some((r) => r.category === null)).toBe(true);

    const { packed, participantOf, config } = await mapInputs(t.db.manager, map.id);
    expect(packed.members).toHaveLength(60);
    const { answers, profiles } = unpackOpinionAnswers(packed);
    const key = (a: OpinionAnswer) => `${a.memberId} ${a.statementId} ${a.vote}`;
    expect(answers.map(key).sort()).toEqual(expected.map(key).sort());
    expect(profiles).toEqual(expectedProfiles);
    expect(new Set(participantOf.values())).toEqual(new Set(members.map((m) => m.id)));
    for (const [memberId, participantId] of participantOf) expect(pseudonym(map.id, participantId)).toBe(memberId);

    // The same map, byte for byte: computed by the worker (live) and by computeMap (the seal).
    const reference = JSON.stringify(opinionMap(expected, expectedProfiles, { consensusThreshold: config.consensusThreshold }));
    expect(JSON.parse(reference)).toMatchObject({ members: 60, answers: rows.length });
    const worker = new OpinionMapWorker();
    try {
      expect(JSON.stringify(await worker.compute(packed, { consensusThreshold: config.consensusThreshold }))).toBe(reference);
    } finally {
      await worker.close();
    }
    expect(JSON.stringify((await computeMap(t.db.manager, map.id)).map)).toBe(reference);
  });

  it('acknowledges answers while a map is computed (the mathematics runs off the event loop)', async () => {
    const { session, staff, map, phones } = await room({}, 1);
    const [alice] = phones;
    const first = await sendOk(staff, 'opinions.propose', { activityId: map.id, text: 'Une affirmation à répondre' });
    // A large map, straight in the database: 200 members × 300 statements, two planted blocs.
    await t.db.query(
      `INSERT INTO participant (session_id, display_name, role, joined_at) SELECT $1, 'Banc ' || i, 'member', now() FROM generate_series(1, 200) i`,
      [session.id],
    );
    await t.db.query(
      `INSERT INTO opinion_statement (session_id, activity_id, author_id, origin, text, status)
       SELECT $1, $2, $3, 'facilitator', 'Affirmation ' || i, 'visible' FROM generate_series(1, 300) i`,
      [session.id, map.id, alice.joined.participant.id],
    );
    await t.db.query(
      `INSERT INTO opinion_answer (statement_id, participant_id, activity_id, vote)
       SELECT s.id, p.id, $2, CASE WHEN abs(hashtext(p.id::text || s.id::text)::bigint) % 3 = 0 THEN 'agree' ELSE 'disagree' END
         FROM participant p CROSS JOIN opinion_statement s
        WHERE p.session_id = $1 AND p.display_name LIKE 'Banc %' AND s.activity_id = $2 AND s.id <> $3`,
      [session.id, map.id, first.id],
    );
    // The order of what happens: the computation's start and end in the worker, and the answer's ack.
    const order: string[] = [];
    let started!: () => void;
    const computing = new Promise<void>((resolve) => (started = resolve));
    const compute = OpinionMapWorker.prototype.compute;
    const spy = jest.spyOn(OpinionMapWorker.prototype, 'compute').mockImplementation(function (this: OpinionMapWorker, ...args) {
      order.push('compute started');
      started();
      return compute.apply(this, args).then((m) => {
        order.push('compute done');
        return m;
      });
    });
    try {
      const published = nextEvent(staff, 'opinions.map.updated', (e) => e.activityId === map.id, 60_000);
      const recompute = t.palabre.app.get(OpinionsMapBroadcaster).recompute(map.id);
      await computing;
      await sendOk(alice.socket, 'opinions.answer', { statementId: first.id, vote: 'agree' });
      order.push('answer acknowledged');
      await recompute;
      expect((await published).map.members).toBe(200);
      expect(order.slice(0, 3)).toEqual(['compute started', 'answer acknowledged', 'compute done']);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the opinion map on two nodes over Redis', () => {
  let nodes: Awaited<ReturnType<typeof twoNodeSession>> | undefined;

  afterAll(async () => {
    await nodes?.a.close();
    await nodes?.b.close();
    await nodes?.db.drop();
  });

  it('lets one node compute a map at a time, and every node’s members and screens receive it', async () => {
    nodes = await twoNodeSession(SHARED_REDIS_URL);
    const { a, b, code, sessionId, staffToken } = nodes;
    const staff = await a.connect(staffToken);
    const map = await sendOk(staff, 'activity.create', { kind: 'opinions', title: 'Carte des opinions' });
    await sendOk(staff, 'activity.open', { activityId: map.id });
    const statement = await sendOk(staff, 'opinions.propose', { activityId: map.id, text: 'Une affirmation' });
    const joinedA = await a.join(code, 'Membre A');
    const joinedB = await b.join(code, 'Membre B');
    const onA = await a.connect(joinedA.token);
    const onB = await b.connect(joinedB.token);
    // Answers written straight in the database: no coalesced recompute of either node interferes.
    await a.db.query(`INSERT INTO opinion_answer (statement_id, participant_id, activity_id, vote) VALUES ($1, $2, $4, 'agree'), ($1, $3, $4, 'disagree')`, [
      statement.id,
      joinedA.participant.id,
      joinedB.participant.id,
      map.id,
    ]);
    const screenOnB = await b.connect((await b.screen(sessionId)).token);
    const heardOnA = nextEvent(onA, 'opinions.agreements.updated', (e) => e.agreements.members === 2, 20_000);
    const heardOnB = nextEvent(onB, 'opinions.agreements.updated', (e) => e.agreements.members === 2, 20_000);
    const mapOnA = nextEvent(staff, 'opinions.map.updated', (e) => e.map.answers === 2, 20_000);
    const mapOnB = nextEvent(screenOnB, 'opinions.map.updated', (e) => e.map.answers === 2, 20_000);

    // Node A's computation is held until node B has tried: B finds the map's lock taken.
    let started!: () => void;
    const computing = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const compute = OpinionMapWorker.prototype.compute;
    const spy = jest.spyOn(OpinionMapWorker.prototype, 'compute').mockImplementation(async function (this: OpinionMapWorker, ...args) {
      started();
      await held;
      return compute.apply(this, args);
    });
    try {
      const mapsA = a.palabre.app.get(OpinionsMapBroadcaster);
      const mapsB = b.palabre.app.get(OpinionsMapBroadcaster);
      const before = { a: { ...mapsA.counts }, b: { ...mapsB.counts } };
      const onNodeA = mapsA.recompute(map.id);
      await computing;
      await mapsB.recompute(map.id);
      expect(mapsB.counts.computed - before.b.computed).toBe(0);
      expect(mapsB.counts.deferred - before.b.deferred).toBe(1);
      release();
      await onNodeA;
      expect(mapsA.counts.computed - before.a.computed).toBe(1);
      // Computed on A, received on both nodes through the Redis adapter: the phones' agreements, the console's and the screen's map.
      expect((await heardOnB).agreements).toEqual((await heardOnA).agreements);
      expect((await mapOnB).map).toEqual((await mapOnA).map);
    } finally {
      release();
      spy.mockRestore();
    }
  });
});
