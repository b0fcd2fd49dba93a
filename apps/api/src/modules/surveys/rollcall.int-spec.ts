import type { Invitation, JoinResponse, QuestionVoters } from '@palabre/contracts';
import { nextEvent, send, sendOk, type TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { BallotsService } from './ballots.service';
import { FIVE_ROSTER as ROSTER, snapshot, YESNO } from './survey-fixtures';


/** The console's « who already voted » and the roll call: staff only, every answer through the one ballot path. */
describe('who voted and the roll call (real database, real socket.io)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const yes = { type: 'yesno', choice: 'yes' } as const;
  const no = { type: 'yesno', choice: 'no' } as const;

  /** A live session with a roster of five (nobody joined), two staff accounts connected, one yes/no question open. */
  async function setup(anonymity: 'named' | 'anonymous') {
    const live = await t.liveSession();
    const staff = await t.connect(live.facilitator.token);
    await t.http().post(`/api/sessions/${live.session.id}/roster`).set(auth(live.staff.token)).set('Content-Type', 'text/csv').send(ROSTER).expect(200);
    const invitations = (await t.http().get(`/api/sessions/${live.session.id}/invitations`).set(auth(live.staff.token)).expect(200)).body as Invitation[];
    const rows: { id: string; display_name: string }[] = await t.db.query("SELECT id, display_name FROM participant WHERE session_id = $1 AND role = 'member'", [live.session.id]);
    const id = (name: string) => rows.find((r) => r.display_name === name)!.id;
    const arrive = async (name: string) => {
      const invitation = invitations.find((i) => i.name === name)!.link.split('/i/')[1];
      const joined = (await t.http().post('/api/sessions/join').send({ invitation }).expect(200)).body as JoinResponse;
      return { socket: await t.connect(joined.token), token: joined.token, id: joined.participant.id };
    };
    const second = await t.staff('facilitator');
    const entered = (await t.http().post(`/api/sessions/${live.session.id}/enter`).set(auth(second.token)).expect(200)).body as JoinResponse;
    const teller2 = await t.connect(entered.token);
    const activity = await sendOk(staff, 'activity.create', { kind: 'survey', title: 'Délibération', config: { anonymity, resultsVisibility: 'live', questions: [YESNO] } });
    const [questionId] = (await snapshot(t, live.session.id, live.facilitator.token)).surveys[activity.id].questions.map((q) => q.id);
    await sendOk(staff, 'survey.question.open', { questionId });
    const voters = (token: string) => t.http().get(`/api/sessions/${live.session.id}/survey-questions/${questionId}/voters`).set(auth(token));
    return { ...live, staff, teller2, id, arrive, questionId, voters };
  }

  it('tells staff who already voted and how (phone, paper, assisted), never what; a member cannot read it', async () => {
    const s = await setup('named');
    const anne = await s.arrive('Anne Vidal');
    await sendOk(anne.socket, 'ballot.cast', { questionId: s.questionId, value: yes });
    const entry = await sendOk(s.staff, 'paper.enter', { questionId: s.questionId, memberId: s.id('Luc Martin'), value: no });
    await sendOk(s.teller2, 'paper.confirm', { entryId: entry.id });
    await sendOk(s.staff, 'ballot.assist', { questionId: s.questionId, memberId: s.id('Jean Roux'), value: yes, consent: true });

    const refused = await s.voters(anne.token).expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    const read = (await s.voters(s.facilitator.token).expect(200)).body as QuestionVoters;
    expect(read).toMatchObject({ questionId: s.questionId, anonymous: false, rollCall: null });
    // Roster order, and how each voted: never the value.
    expect(read.voters.map((v) => [v.name, v.channel, v.present])).toEqual([
      ['Anne Vidal', 'device', true],
      ['Jean Roux', 'assisted', false],
      ['Luc Martin', 'paper', false],
      ['Marie Dupont', null, false],
      ['Paul Bernard', null, false],
    ]);
    expect(JSON.stringify(read)).not.toContain('"choice"');
  }, 60_000);

  it('on an anonymous question tells staff only who voted on paper (the receipts of phone voters stay unread)', async () => {
    const s = await setup('anonymous');
    const anne = await s.arrive('Anne Vidal');
    await sendOk(anne.socket, 'ballot.cast', { questionId: s.questionId, value: yes, ballotSecret: 'a'.repeat(64) });
    const entry = await sendOk(s.staff, 'paper.enter', { questionId: s.questionId, totals: { no: 1 }, voterIds: [s.id('Luc Martin')] });
    await sendOk(s.teller2, 'paper.confirm', { entryId: entry.id });
    const read = (await s.voters(s.facilitator.token).expect(200)).body as QuestionVoters;
    expect(read.anonymous).toBe(true);
    expect(read.voters.filter((v) => v.channel !== null).map((v) => [v.name, v.channel])).toEqual([['Luc Martin', 'paper']]);
    // A roll call is a public answer: not on an anonymous question.
    expect(await send(s.staff, 'rollcall.start', { questionId: s.questionId })).toMatchObject({ ok: false, error: { code: 'ROLLCALL_NAMED_YESNO' } });
  }, 60_000);

  it('runs a roll call: staff only, members in roster order, phone voters skipped, answers as assisted ballots, progress on every screen', async () => {
    const s = await setup('named');
    const anne = await s.arrive('Anne Vidal');
    await sendOk(anne.socket, 'ballot.cast', { questionId: s.questionId, value: yes });
    const [jean, luc, marie, paul] = ['Jean Roux', 'Luc Martin', 'Marie Dupont', 'Paul Bernard'].map(s.id);

    // A member can neither run the roll nor answer for someone; nothing is answered before the roll starts.
    expect(await send(anne.socket, 'rollcall.start', { questionId: s.questionId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await send(anne.socket, 'rollcall.answer', { questionId: s.questionId, memberId: jean, value: no })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await send(s.staff, 'rollcall.answer', { questionId: s.questionId, memberId: jean, value: no })).toMatchObject({ ok: false, error: { code: 'ROLLCALL_NOT_STARTED' } });
    expect(await send(s.staff, 'rollcall.pass', { questionId: s.questionId, memberId: jean })).toMatchObject({ ok: false, error: { code: 'ROLLCALL_NOT_STARTED' } });

    // Started: Anne already voted on her phone, so she counts as called (skipped).
    const shown = nextEvent(anne.socket, 'results.updated', (e) => e.questionId === s.questionId && e.rollCall?.called === 1);
    expect(await sendOk(s.staff, 'rollcall.start', { questionId: s.questionId })).toEqual({ called: 1, total: 5 });
    expect((await shown).rollCall).toEqual({ called: 1, total: 5 });
    // Resuming from another console changes nothing.
    expect(await sendOk(s.teller2, 'rollcall.start', { questionId: s.questionId })).toEqual({ called: 1, total: 5 });

    // Anne is skipped: the roll never overwrites a phone ballot.
    expect(await send(s.staff, 'rollcall.answer', { questionId: s.questionId, memberId: anne.id, value: no })).toMatchObject({ ok: false, error: { code: 'ROLLCALL_ALREADY_VOTED' } });
    // Jean answers « oui » (the same validation as his own ballot), Luc does not answer, Marie answers « non », then corrects it.
    expect(await send(s.staff, 'rollcall.answer', { questionId: s.questionId, memberId: jean, value: { type: 'single', optionId: 'x' } })).toMatchObject({ ok: false });
    expect(await sendOk(s.staff, 'rollcall.answer', { questionId: s.questionId, memberId: jean, value: yes })).toMatchObject({ questionId: s.questionId, replaced: false });
    expect(await sendOk(s.staff, 'rollcall.pass', { questionId: s.questionId, memberId: luc })).toEqual({ called: 3, total: 5 });
    await sendOk(s.staff, 'rollcall.answer', { questionId: s.questionId, memberId: marie, value: no });
    expect(await sendOk(s.staff, 'rollcall.answer', { questionId: s.questionId, memberId: marie, value: yes })).toMatchObject({ replaced: true });

    const progressed = nextEvent(anne.socket, 'results.updated', (e) => e.questionId === s.questionId && e.rollCall?.called === 4);
    expect((await progressed).rollCall).toEqual({ called: 4, total: 5 });
    const read = (await s.voters(s.facilitator.token).expect(200)).body as QuestionVoters;
    expect(read.rollCall).toEqual({ called: 4, total: 5 });
    expect(read.voters.map((v) => [v.name, v.channel, v.passed])).toEqual([
      ['Anne Vidal', 'device', false],
      ['Jean Roux', 'assisted', false],
      ['Luc Martin', null, true],
      ['Marie Dupont', 'assisted', false],
      ['Paul Bernard', null, false],
    ]);
    expect(read.voters.find((v) => v.memberId === paul)?.channel).toBeNull();

    // One ballot path: assisted ballots, cast by the facilitator, one audit link per answer (never the value), and the pass audited.
    const ballots: { participant_id: string; channel: string; cast_by: string | null }[] = await t.db.query('SELECT participant_id, channel, cast_by FROM ballot WHERE question_id = $1 AND channel = $2', [s.questionId, 'assisted']);
    expect(ballots.map((b) => b.participant_id).sort()).toEqual([jean, marie].sort());
    expect(new Set(ballots.map((b) => b.cast_by))).toEqual(new Set([s.facilitator.participant.id]));
    const audit: { type: string; payload: Record<string, unknown> }[] = await t.db.query("SELECT type, payload FROM audit_event WHERE session_id = $1 AND type IN ('ballot.rollcall', 'rollcall.started', 'rollcall.passed') ORDER BY seq", [s.session.id]);
    expect(audit.map((a) => a.type)).toEqual(['rollcall.started', 'ballot.rollcall', 'rollcall.passed', 'ballot.rollcall', 'ballot.rollcall']);
    expect(JSON.stringify(audit)).not.toContain('choice');
    expect((await snapshot(t, s.session.id, s.facilitator.token)).results[s.questionId]).toMatchObject({ ballots: 3, parts: { device: 1, assisted: 2 }, rollCall: { called: 4, total: 5 } });
  }, 60_000);

  it('never lets a roll-call answer overwrite a phone ballot cast while the answer was on its way (the write itself checks the locked row)', async () => {
    const s = await setup('named');
    const anne = await s.arrive('Anne Vidal');
    await sendOk(s.staff, 'rollcall.start', { questionId: s.questionId });
    const ballots = t.palabre.app.get(BallotsService);
    const activity: { activity_id: string }[] = await t.db.query('SELECT activity_id FROM survey_question WHERE id = $1', [s.questionId]);
    const answer = { questionId: s.questionId, activityId: activity[0].activity_id, participantId: anne.id, anonymity: 'named', value: no, channel: 'assisted', castBy: s.facilitator.participant.id, rollCall: true } as const;
    // Anne votes on her phone after the roll's check has read nothing for her: the answer's write must not replace her ballot.
    await sendOk(anne.socket, 'ballot.cast', { questionId: s.questionId, value: yes });
    const [refused] = await t.db.transaction((m) => ballots.castMany(m, [answer]));
    expect(refused).toMatchObject({ code: 'ROLLCALL_ALREADY_VOTED' });
    const stored: { channel: string; value: unknown }[] = await t.db.query('SELECT channel, value FROM ballot WHERE question_id = $1 AND participant_id = $2', [s.questionId, anne.id]);
    expect(stored).toEqual([{ channel: 'device', value: yes }]);
    // An earlier answer of the roll is replaced as before.
    const jean = s.id('Jean Roux');
    await sendOk(s.staff, 'rollcall.answer', { questionId: s.questionId, memberId: jean, value: no });
    const [corrected] = await t.db.transaction((m) => ballots.castMany(m, [{ ...answer, participantId: jean, value: yes }]));
    expect(corrected).toBe(true);
  });
});
