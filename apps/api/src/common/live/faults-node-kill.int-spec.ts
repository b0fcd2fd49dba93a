import type { JoinResponse, SessionSnapshot, SurveysFeature } from '@palabre/contracts';
import { Client } from 'pg';
import { YESNO } from '../../modules/surveys/survey-fixtures';
import { eventually, httpPoster, liveSessionOverHttp, type ProcessNode, type TcpFront, TwoProcessNodes } from '../testing/nodes';
import { WebClient } from '../testing/web-client';

// Fault: one of two API nodes (separate OS processes sharing PostgreSQL and a private Redis) is
// SIGKILLed while a few hundred members vote. They all reach the app through one address, like
// behind the production reverse proxy, and run the web app's own client code (command queue and
// snapshot sync), which reconnects and sends unacknowledged commands again with their opIds.
const MEMBERS = 240;
const CHANGERS = 60; // the first 60 change their vote once their first ballot is acknowledged
const CHOICES = ['yes', 'no', 'abstain'] as const;

describe('when a node is SIGKILLed mid-vote', () => {
  let cluster: TwoProcessNodes;
  let db: TwoProcessNodes['db'];
  let nodes: ProcessNode[];
  let front: TcpFront;

  beforeAll(async () => {
    cluster = await TwoProcessNodes.start();
    ({ db, nodes, front } = cluster);
  }, 180_000);

  afterAll(async () => {
    await cluster?.close();
  });

  const post = httpPoster(() => front.url);

  async function snapshotFrom(node: ProcessNode, sessionId: string, token: string): Promise<SessionSnapshot> {
    const res = await fetch(`${node.url}/api/sessions/${sessionId}/snapshot`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`snapshot: HTTP ${res.status}`);
    return (await res.json()) as SessionSnapshot;
  }

  it('reconnects every client to the survivor and counts every acknowledged ballot, retried ones once', async () => {
    // A facilitator account, a live session, a one-question survey open to ballots.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const { session, staffToken } = await liveSessionOverHttp(db.url, post, 'panne@palabre.test');
    const staff = new WebClient(front.url, session.id, staffToken);
    cluster.clients.push(staff);
    const activity = await staff.command('activity.create', { kind: 'survey', title: 'Vote sous panne', config: { questions: [YESNO] } });
    const questionId = (await staff.command('survey.open', { activityId: activity.id })).questions[0].id;

    // Members join and connect through the front: about half land on each node.
    const members: { participantId: string; client: WebClient }[] = [];
    for (let i = 0; i < MEMBERS; i += 40) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(40, MEMBERS - i) }, async (_, k) => {
          const joined = await post<JoinResponse>('/api/sessions/join', { code: session.joinCode, displayName: `Membre ${i + k + 1}` });
          return { participantId: joined.participant.id, client: new WebClient(front.url, session.id, joined.token) };
        }),
      );
      members.push(...batch);
    }
    cluster.clients.push(...members.map((m) => m.client));
    await eventually(() => members.every((m) => m.client.idle), 60_000, 'every member connected with a snapshot');
    const [doomed, survivor] = nodes;
    const onDoomed = members.filter((m) => front.backendOf(m.client.localPort) === doomed.port);
    expect(onDoomed.length).toBeGreaterThan(MEMBERS / 4);

    // Every emit of ballot.cast, by opId: a command sent twice was retried.
    const sends = new Map<string, number>();
    for (const m of members) {
      m.client.socket.onAnyOutgoing((name: string, payload: { opId?: string }) => {
        if (name === 'ballot.cast' && payload?.opId) sends.set(payload.opId, (sends.get(payload.opId) ?? 0) + 1);
      });
    }

    // Voting, paced over ~2 s; changers vote again once acknowledged. The last acknowledged value is what must count.
    const last = new Map<string, string>();
    const voting = members.map(async (m, i) => {
      await new Promise((r) => setTimeout(r, (i * 2000) / MEMBERS));
      const first = CHOICES[i % 3];
      await m.client.command('ballot.cast', { questionId, value: { type: 'yesno', choice: first } });
      last.set(m.participantId, first);
      if (i < CHANGERS) {
        const second = CHOICES[(i + 1) % 3];
        await m.client.command('ballot.cast', { questionId, value: { type: 'yesno', choice: second } });
        last.set(m.participantId, second);
      }
    });
    const outcome = Promise.allSettled(voting);

    // Mid-vote, with ballots in flight on the doomed node: SIGKILL (no shutdown, no goodbye to clients).
    await eventually(() => onDoomed.filter((m) => m.client.queue.pending > 0).length >= 3, 10_000, 'ballots in flight on the doomed node');
    await doomed.kill('SIGKILL');
    const sentBeforeKill = sends.size;

    const settled = await outcome;
    const refused = settled.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason?.code ?? (s as PromiseRejectedResult).reason));
    expect(refused).toEqual([]);
    expect(sentBeforeKill).toBeLessThan(MEMBERS + CHANGERS); // the kill did happen mid-vote
    const retried = [...sends.values()].filter((n) => n > 1).length;
    expect(retried).toBeGreaterThan(0);

    // Everyone is connected again, to the survivor (the only node left), and it sees them all.
    await eventually(() => members.every((m) => m.client.idle), 30_000, 'every member reconnected');
    for (const m of members) expect(front.backendOf(m.client.localPort)).toBe(survivor.port);
    expect(onDoomed.every((m) => m.client.stats.connects >= 2)).toBe(true);
    await eventually(
      async () => ((await snapshotFrom(survivor, session.id, staffToken)).presence.online ?? []).filter((o) => o.role === 'member').length === MEMBERS,
      20_000,
      'the survivor counting every member online',
    );

    // The database: one ballot per member, each the last value acknowledged; one processed op per logical command.
    const rows = (await pg.query(`SELECT participant_id, value->>'choice' AS choice FROM ballot WHERE question_id = $1`, [questionId])).rows as { participant_id: string; choice: string }[];
    expect(rows).toHaveLength(MEMBERS);
    for (const row of rows) expect(row.choice).toBe(last.get(row.participant_id));
    const ops = (await pg.query(`SELECT count(*)::int AS n FROM processed_op WHERE command = 'ballot.cast'`)).rows[0].n;
    expect(ops).toBe(MEMBERS + CHANGERS);
    expect(sends.size).toBe(MEMBERS + CHANGERS);
    await pg.end();

    // The final tally, closed on the survivor, counts exactly the acknowledged ballots.
    await staff.command('survey.question.close', { questionId });
    const expected = Object.fromEntries(CHOICES.map((c) => [c, [...last.values()].filter((v) => v === c).length]));
    const final = (await snapshotFrom(survivor, session.id, staffToken)).features.surveys as SurveysFeature;
    const results = final.results[questionId];
    expect(results.ballots).toBe(MEMBERS);
    expect(results.results?.type).toBe('yesno');
    if (results.results?.type === 'yesno') {
      for (const c of CHOICES) expect({ choice: c, count: results.results.choices.find((x) => x.choice === c)?.count }).toEqual({ choice: c, count: expected[c] });
    }
  }, 240_000);
});
