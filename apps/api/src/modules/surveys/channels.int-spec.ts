import type { ArchiveVerification, Invitation, JoinResponse, LiveResults, ProxyView, SessionSnapshot } from '@palabre/contracts';
import { nextEvent, send, sendOk, type TestApp, type TestSocket } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { device, FIVE_ROSTER as ROSTER, snapshot, YESNO } from './survey-fixtures';


/** Proxies, paper and assisted ballots: every channel through the one ballot path, one tally, one seal. */
describe('ballot channels: proxies, paper and assisted ballots (real database, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** A live session with a roster of five (nobody joined), two staff accounts connected, and a survey of one yes/no question, open. */
  async function setup(anonymity: 'named' | 'anonymous') {
    const live = await t.liveSession();
    const staff = await t.connect(live.facilitator.token);
    const auth1 = auth(live.staff.token);
    await t.http().post(`/api/sessions/${live.session.id}/roster`).set(auth1).set('Content-Type', 'text/csv').send(ROSTER).expect(200);
    const invitations = (await t.http().get(`/api/sessions/${live.session.id}/invitations`).set(auth1).expect(200)).body as Invitation[];
    const rows: { id: string; display_name: string }[] = await t.db.query("SELECT id, display_name FROM participant WHERE session_id = $1 AND role = 'member'", [live.session.id]);
    const id = (name: string) => rows.find((r) => r.display_name === name)!.id;
    const invitation = (name: string) => invitations.find((i) => i.name === name)!.link.split('/i/')[1];
    const arrive = async (name: string) => {
      const joined = (await t.http().post('/api/sessions/join').send({ invitation: invitation(name) }).expect(200)).body as JoinResponse;
      return { socket: await t.connect(joined.token), token: joined.token, id: joined.participant.id };
    };
    const second = await t.staff('facilitator');
    const entered = (await t.http().post(`/api/sessions/${live.session.id}/enter`).set(auth(second.token)).expect(200)).body as JoinResponse;
    const teller2 = await t.connect(entered.token);
    const activity = await sendOk(staff, 'activity.create', { kind: 'survey', title: 'Délibération', config: { anonymity, resultsVisibility: 'live', questions: [YESNO] } });
    const [questionId] = (await snapshot(t, live.session.id, live.facilitator.token)).surveys[activity.id].questions.map((q) => q.id);
    await sendOk(staff, 'survey.question.open', { questionId });
    return { ...live, account: live.staff, staff, teller2, id, arrive, questionId };
  }

  const yes = { type: 'yesno', choice: 'yes' } as const;
  const no = { type: 'yesno', choice: 'no' } as const;

  it('records proxies within the limits, lets a holder cast for two members, and lapses a proxy when its giver arrives', async () => {
    const s = await setup('named');
    const [marie, jean, luc] = [s.id('Marie Dupont'), s.id('Jean Roux'), s.id('Luc Martin')];
    const paul = await s.arrive('Paul Bernard');
    const record = (giverId: string, holderId: string) => send(s.staff, 'proxy.record', { giverId, holderId, formRef: `pouvoir-${giverId.slice(0, 4)}.pdf` });

    expect(await record(marie, paul.id)).toMatchObject({ ok: false, error: { code: 'PROXIES_DISABLED' } });
    await sendOk(s.staff, 'proxy.settings', { settings: { enabled: true, maxPerHolder: 1 } });
    const told = nextEvent(paul.socket, 'proxy.updated', (e) => e.proxy.giverId === marie);
    expect(await record(marie, paul.id)).toMatchObject({ ok: true, data: { giverName: 'Marie Dupont', holderName: 'Paul Bernard', lapsedAt: null } });
    expect((await told).proxy.holderId).toBe(paul.id);
    expect(await record(jean, paul.id)).toMatchObject({ ok: false, error: { code: 'PROXY_LIMIT' } });
    expect(await record(marie, s.id('Anne Vidal'))).toMatchObject({ ok: false, error: { code: 'PROXY_GIVER_HAS_PROXY' } });
    expect(await record(paul.id, luc)).toMatchObject({ ok: false, error: { code: 'PROXY_CHAIN' } });
    const anne = await s.arrive('Anne Vidal');
    expect(await record(anne.id, luc)).toMatchObject({ ok: false, error: { code: 'PROXY_GIVER_PRESENT' } });
    await sendOk(s.staff, 'proxy.settings', { settings: { enabled: true, maxPerHolder: 2 } });
    await sendOk(s.staff, 'proxy.record', { giverId: jean, holderId: paul.id, formRef: 'registre-12' });

    // One phone, three ballots: Paul's own, then one for each member he represents.
    await sendOk(paul.socket, 'ballot.cast', { questionId: s.questionId, value: yes });
    const recorded = nextEvent(paul.socket, 'ballot.recorded', (e) => e.forMemberId === marie);
    expect(await sendOk(paul.socket, 'ballot.cast', { questionId: s.questionId, value: no, forMemberId: marie })).toMatchObject({ replaced: false });
    expect(await recorded).toMatchObject({ value: no, forMemberId: marie });
    await sendOk(paul.socket, 'ballot.cast', { questionId: s.questionId, value: yes, forMemberId: jean });
    expect(await send(paul.socket, 'ballot.cast', { questionId: s.questionId, value: yes, forMemberId: luc })).toMatchObject({ ok: false, error: { code: 'PROXY_NOT_HELD' } });
    const ballots: { participant_id: string; channel: string; cast_by: string | null }[] = await t.db.query('SELECT participant_id, channel, cast_by FROM ballot WHERE question_id = $1 ORDER BY channel', [s.questionId]);
    expect(ballots).toHaveLength(3);
    expect(ballots.filter((b) => b.channel === 'proxy').map((b) => b.cast_by)).toEqual([paul.id, paul.id]);
    const audited: { n: number }[] = await t.db.query("SELECT count(*)::int AS n FROM audit_event WHERE session_id = $1 AND type = 'ballot.proxy'", [s.session.id]);
    expect(audited[0].n).toBe(2);

    // Paul's phone gets both proxies and what he cast for them from the snapshot.
    const snap = (await t.http().get(`/api/sessions/${s.session.id}/snapshot`).set(auth(paul.token)).expect(200)).body as SessionSnapshot;
    const channels = snap.features.channels as { proxies: ProxyView[]; ballots: Record<string, Record<string, unknown>> };
    expect(channels.proxies.map((p) => p.giverName).sort()).toEqual(['Jean Roux', 'Marie Dupont']);
    expect(channels.ballots[marie][s.questionId]).toEqual(no);

    // Results: 3 ballots, two by proxy; those represented count among who may vote.
    const live: LiveResults = (await snapshot(t, s.session.id, s.facilitator.token)).results[s.questionId];
    expect(live).toMatchObject({ ballots: 3, parts: { device: 1, proxy: 2, assisted: 0, paper: 0 } });
    // Paul and Anne connected, Marie and Jean represented.
    expect(live.present).toBe(4);

    // Marie arrives in person: her proxy lapses, both phones hear it, her own vote takes over.
    const lapsed = nextEvent(paul.socket, 'proxy.updated', (e) => e.proxy.giverId === marie && e.proxy.lapsedAt !== null);
    const mine = await s.arrive('Marie Dupont');
    expect((await lapsed).proxy.lapsedAt).not.toBeNull();
    expect(await send(paul.socket, 'ballot.cast', { questionId: s.questionId, value: yes, forMemberId: marie })).toMatchObject({ ok: false, error: { code: 'PROXY_NOT_HELD' } });
    expect(await sendOk(mine.socket, 'ballot.cast', { questionId: s.questionId, value: yes })).toMatchObject({ replaced: true });
    const marieBallot: { channel: string; value: unknown }[] = await t.db.query('SELECT channel, value FROM ballot WHERE question_id = $1 AND participant_id = $2', [s.questionId, marie]);
    expect(marieBallot).toEqual([{ channel: 'device', value: yes }]);
    const lapse: { n: number }[] = await t.db.query("SELECT count(*)::int AS n FROM audit_event WHERE session_id = $1 AND type = 'proxy.lapsed'", [s.session.id]);
    expect(lapse[0].n).toBe(1);
  }, 60_000);

  it('counts a named paper ballot once a second staff confirms it, refuses it on the device after, and records assisted ballots', async () => {
    const s = await setup('named');
    const luc = s.id('Luc Martin');
    const anne = await s.arrive('Anne Vidal');
    await sendOk(anne.socket, 'ballot.cast', { questionId: s.questionId, value: yes });

    const entry = await sendOk(s.staff, 'paper.enter', { questionId: s.questionId, memberId: luc, value: no });
    expect(entry).toMatchObject({ kind: 'named', memberName: 'Luc Martin', confirmedBy: null });
    let rows: { n: number }[] = await t.db.query('SELECT count(*)::int AS n FROM ballot WHERE question_id = $1', [s.questionId]);
    expect(rows[0].n).toBe(1); // not counted yet
    expect(await send(s.staff, 'paper.confirm', { entryId: entry.id })).toMatchObject({ ok: false, error: { code: 'PAPER_SAME_STAFF' } });
    expect(await sendOk(s.teller2, 'paper.confirm', { entryId: entry.id })).toMatchObject({ confirmedBy: 'Staff facilitator' });
    expect(await send(s.teller2, 'paper.confirm', { entryId: entry.id })).toMatchObject({ ok: false, error: { code: 'PAPER_ALREADY_CONFIRMED' } });
    rows = await t.db.query("SELECT count(*)::int AS n FROM ballot WHERE question_id = $1 AND channel = 'paper'", [s.questionId]);
    expect(rows[0].n).toBe(1);

    // Luc, who voted on paper, then opens the app: refused with a clear code. Anne voted in the app: her paper ballot is refused.
    const lucPhone = await s.arrive('Luc Martin');
    expect(await send(lucPhone.socket, 'ballot.cast', { questionId: s.questionId, value: yes })).toMatchObject({ ok: false, error: { code: 'BALLOT_CAST_ON_PAPER' } });
    const anneOnPaper = await sendOk(s.staff, 'paper.enter', { questionId: s.questionId, memberId: anne.id, value: no });
    expect(await send(s.teller2, 'paper.confirm', { entryId: anneOnPaper.id })).toMatchObject({ ok: false, error: { code: 'BALLOT_CAST_ON_DEVICE' } });

    // Assisted: the facilitator casts Jean's ballot at his request; the consent and the facilitator are recorded.
    const jean = await s.arrive('Jean Roux');
    expect(await send(s.staff, 'ballot.assist', { questionId: s.questionId, memberId: jean.id, value: no, consent: false as never })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    await sendOk(s.staff, 'ballot.assist', { questionId: s.questionId, memberId: jean.id, value: no, consent: true });
    const assisted: { channel: string; cast_by: string }[] = await t.db.query('SELECT channel, cast_by FROM ballot WHERE question_id = $1 AND participant_id = $2', [s.questionId, jean.id]);
    expect(assisted).toEqual([{ channel: 'assisted', cast_by: s.facilitator.participant.id }]);
    const audit: { type: string; payload: Record<string, unknown> }[] = await t.db.query(
      "SELECT type, payload FROM audit_event WHERE session_id = $1 AND type IN ('ballot.assisted', 'paper.entered', 'paper.confirmed') ORDER BY seq",
      [s.session.id],
    );
    expect(audit.map((a) => a.type)).toEqual(['paper.entered', 'paper.confirmed', 'paper.entered', 'ballot.assisted']);
    expect(audit[3].payload).toMatchObject({ memberId: jean.id, consent: true });

    // The minutes say how each vote was cast.
    const json = await t.http().get(`/api/sessions/${s.session.id}/export.json`).set(auth(s.account.token)).expect(200);
    const raw = (json.body as { sections: { raw: { title: string; columns: string[]; rows: unknown[][] }[] }[] }).sections.flatMap((x) => x.raw);
    const ballotsTable = raw.find((r) => r.title.startsWith('Bulletins'))!;
    expect(ballotsTable.columns).toContain('Mode de vote');
    expect(ballotsTable.rows.map((r) => r[2])).toEqual(expect.arrayContaining(['Téléphone', 'Papier (Staff facilitator)', 'Vote assisté (Staff facilitator)']));
  }, 60_000);

  it('adds confirmed paper totals to device ballots on an anonymous question, and the seal detects a tampered paper entry', async () => {
    const s = await setup('anonymous');
    const anne = await s.arrive('Anne Vidal');
    const phone = device();
    await sendOk(anne.socket, 'ballot.cast', { questionId: s.questionId, value: yes, ballotSecret: phone.for(s.questionId) });
    const luc = s.id('Luc Martin');
    expect(await send(s.staff, 'paper.enter', { questionId: s.questionId, memberId: luc, value: yes })).toMatchObject({ ok: false, error: { code: 'PAPER_NAMED_ONLY' } });
    expect(await send(s.staff, 'paper.enter', { questionId: s.questionId, totals: { peutetre: 1 } })).toMatchObject({ ok: false, error: { code: 'PAPER_TOTALS_UNKNOWN_OPTION' } });
    const entry = await sendOk(s.staff, 'paper.enter', { questionId: s.questionId, totals: { yes: 2, no: 1, abstain: 0 }, voterIds: [luc] });
    expect(entry.totals).toEqual({ yes: 2, no: 1 });
    const counted = nextEvent(s.staff, 'results.updated', (r) => r.questionId === s.questionId && r.ballots === 4);
    await sendOk(s.teller2, 'paper.confirm', { entryId: entry.id });
    const results = await counted;
    expect(results.parts).toEqual({ device: 1, proxy: 0, assisted: 0, paper: 3 });
    expect(results.results).toMatchObject({ type: 'yesno', ballots: 4 });
    expect(results.paper).toMatchObject({ type: 'yesno', ballots: 3 });
    // Luc handed in a paper ballot: the app refuses his.
    const lucPhone = await s.arrive('Luc Martin');
    expect(await send(lucPhone.socket, 'ballot.cast', { questionId: s.questionId, value: no, ballotSecret: device().for(s.questionId) })).toMatchObject({ ok: false, error: { code: 'BALLOT_CAST_ON_PAPER' } });

    // Seal: intact with every channel; a paper entry altered afterwards is detected.
    const organiser = (await t.staff('organiser')).token;
    await sendOk(s.staff, 'survey.question.close', { questionId: s.questionId });
    await t.http().post(`/api/sessions/${s.session.id}/transition`).set(auth(s.account.token)).send({ to: 'closed' }).expect(200);
    await t.http().post(`/api/sessions/${s.session.id}/seal`).set(auth(organiser)).expect(200);
    const verify = async () => (await t.http().get(`/api/archive/${s.session.id}/verify`).set(auth(organiser)).expect(200)).body as ArchiveVerification;
    expect(await verify()).toMatchObject({ intact: true, live: { matches: true } });
    await t.db.query(`UPDATE paper_entry SET totals = '{"yes": 3, "no": 0}'::jsonb WHERE id = $1`, [entry.id]);
    expect(await verify()).toMatchObject({ intact: false, digest: { matches: true }, live: { matches: false } });
  }, 60_000);
  it("lets a member ask for a proxy from their phone, and staff approve it under proxy.record's rules or decline it", async () => {
    const s = await setup('named');
    const marie = await s.arrive('Marie Dupont');
    const paul = await s.arrive('Paul Bernard');
    const [jean, luc] = [s.id('Jean Roux'), s.id('Luc Martin')];
    expect(await send(marie.socket, 'proxy.request', { holderId: paul.id })).toMatchObject({ ok: false, error: { code: 'PROXIES_DISABLED' } });
    await sendOk(s.staff, 'proxy.settings', { settings: { enabled: true, maxPerHolder: 1 } });
    // A member picks the holder among the others (names only: who is present is not theirs to see).
    const snap = (await t.http().get(`/api/sessions/${s.session.id}/snapshot`).set(auth(marie.token)).expect(200)).body as SessionSnapshot;
    const members = (snap.features.channels as { members: { id: string; present: boolean }[] }).members;
    expect(members).toHaveLength(4);
    expect(members.every((m) => m.id !== marie.id && !m.present)).toBe(true);

    expect(await send(marie.socket, 'proxy.request', { holderId: marie.id })).toMatchObject({ ok: false, error: { code: 'PROXY_SELF' } });
    expect(await send(s.staff, 'proxy.request', { holderId: paul.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const told = nextEvent(s.staff, 'proxy.request.updated', (e) => e.request.giverId === marie.id);
    const request = await sendOk(marie.socket, 'proxy.request', { holderId: paul.id });
    expect(request).toMatchObject({ giverName: 'Marie Dupont', holderName: 'Paul Bernard', status: 'pending' });
    expect((await told).request.id).toBe(request.id);
    expect(await send(marie.socket, 'proxy.request', { holderId: jean })).toMatchObject({ ok: false, error: { code: 'PROXY_REQUEST_PENDING' } });
    expect(await send(paul.socket, 'proxy.decide', { requestId: request.id, approve: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Meanwhile Paul was given another proxy: approving now would pass his limit, so it is refused and the request stays pending.
    const other = await sendOk(s.staff, 'proxy.record', { giverId: jean, holderId: paul.id, formRef: 'registre-3' });
    expect(await send(s.teller2, 'proxy.decide', { requestId: request.id, approve: true })).toMatchObject({ ok: false, error: { code: 'PROXY_LIMIT' } });
    await sendOk(s.staff, 'proxy.revoke', { proxyId: other.id });

    // Approved: the proxy is recorded (Marie is in the room, but she asked: she is leaving), both phones hear it.
    const holderTold = nextEvent(paul.socket, 'proxy.updated', (e) => e.proxy.giverId === marie.id);
    const giverTold = nextEvent(marie.socket, 'proxy.request.updated', (e) => e.request.status === 'approved');
    expect(await sendOk(s.teller2, 'proxy.decide', { requestId: request.id, approve: true })).toMatchObject({ status: 'approved' });
    expect((await holderTold).proxy).toMatchObject({ giverName: 'Marie Dupont', holderName: 'Paul Bernard', lapsedAt: null });
    await giverTold;
    expect(await send(s.staff, 'proxy.decide', { requestId: request.id, approve: false })).toMatchObject({ ok: false, error: { code: 'PROXY_REQUEST_DECIDED' } });
    expect(await sendOk(paul.socket, 'ballot.cast', { questionId: s.questionId, value: yes, forMemberId: marie.id })).toMatchObject({ replaced: false });
    // Counted once: still in the room, Marie is present, not also represented; gone, she is represented.
    const present = async () => (await snapshot(t, s.session.id, s.facilitator.token)).results[s.questionId].present;
    expect(await present()).toBe(2);
    const gone = nextEvent(s.staff, 'presence.updated', (e) => !(e.presence.online ?? []).some((p) => p.id === marie.id));
    marie.socket.disconnect();
    await gone;
    expect(await present()).toBe(2);

    // Another member's request, declined: nothing recorded.
    const lucSide = await s.arrive('Luc Martin');
    const declined = await sendOk(lucSide.socket, 'proxy.request', { holderId: s.id('Anne Vidal') });
    expect(await sendOk(s.staff, 'proxy.decide', { requestId: declined.id, approve: false })).toMatchObject({ status: 'declined' });
    const live: { giver_id: string }[] = await t.db.query('SELECT giver_id FROM proxy WHERE session_id = $1 AND revoked_at IS NULL', [s.session.id]);
    expect(live.map((r) => r.giver_id)).toEqual([marie.id]);
    expect(live.map((r) => r.giver_id)).not.toContain(luc);
    const audit: { type: string }[] = await t.db.query("SELECT type FROM audit_event WHERE session_id = $1 AND type LIKE 'proxy.request%' ORDER BY seq", [s.session.id]);
    expect(audit.map((a) => a.type)).toEqual(['proxy.requested', 'proxy.request.approved', 'proxy.requested', 'proxy.request.declined']);
  }, 60_000);
});
