import type { JoinResponse } from '@palabre/contracts';
import { ballotCommitment } from '@palabre/domain';
import { Client } from 'pg';
import { eventually, httpPoster, liveSessionOverHttp, type ProcessNode, type TcpFront, TwoProcessNodes } from '../../common/testing/nodes';
import { WebClient } from '../../common/testing/web-client';
import { device, YESNO } from './survey-fixtures';

// Fault: one of two API nodes is SIGKILLed while anonymous ballots wait in its mixing pool
// (receipts committed, ballots not yet written, acks not yet sent). The members run the web app's
// client, which reconnects to the survivor and sends unacknowledged commands again, same opId,
// same device secret. Every acknowledged ballot must be in the tally once.
const MEMBERS = 40;
const CHANGERS = 10;
const CHOICES = ['yes', 'no', 'abstain'] as const;
// Batches that never fill, and a long window: the kill lands inside it.
const MIXING = { ANON_MIX_BATCH: '500', ANON_MIX_WINDOW_MS: '2500' };

describe('when a node is SIGKILLed during an anonymous mixing window', () => {
  let cluster: TwoProcessNodes;
  let db: TwoProcessNodes['db'];
  let nodes: ProcessNode[];
  let front: TcpFront;

  beforeAll(async () => {
    cluster = await TwoProcessNodes.start(MIXING);
    ({ db, nodes, front } = cluster);
  }, 180_000);

  afterAll(async () => {
    await cluster?.close();
  });

  const post = httpPoster(() => front.url);

  it('counts every acknowledged anonymous ballot once, the last value of each device', async () => {
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const { session, staffToken } = await liveSessionOverHttp(db.url, post, 'secret@palabre.test');
    const staff = new WebClient(front.url, session.id, staffToken);
    cluster.clients.push(staff);
    const activity = await staff.command('activity.create', { kind: 'survey', title: 'Vote secret sous panne', config: { anonymity: 'anonymous', questions: [YESNO] } });
    const questionId = (await staff.command('survey.open', { activityId: activity.id })).questions[0].id;

    const members = await Promise.all(
      Array.from({ length: MEMBERS }, async (_, i) => {
        const joined = await post<JoinResponse>('/api/sessions/join', { code: session.joinCode, displayName: `Membre ${i + 1}` });
        return { participantId: joined.participant.id, client: new WebClient(front.url, session.id, joined.token), secret: device().for(questionId) };
      }),
    );
    cluster.clients.push(...members.map((m) => m.client));
    await eventually(() => members.every((m) => m.client.idle), 60_000, 'every member connected with a snapshot');
    const [doomed] = nodes;
    const onDoomed = members.filter((m) => front.backendOf(m.client.localPort) === doomed.port);
    expect(onDoomed.length).toBeGreaterThan(MEMBERS / 4);

    const last = new Map<string, string>(); // commitment → last acknowledged choice
    const voting = members.map(async (m, i) => {
      const cast = async (choice: string) => {
        await m.client.command('ballot.cast', { questionId, value: { type: 'yesno', choice }, ballotSecret: m.secret });
        last.set(ballotCommitment(m.secret), choice);
      };
      await cast(CHOICES[i % 3]);
      if (i < CHANGERS) await cast(CHOICES[(i + 1) % 3]);
    });
    const outcome = Promise.allSettled(voting);

    // Receipts committed on the doomed node, ballots still waiting in its pool: SIGKILL.
    const doomedIds = new Set(onDoomed.map((m) => m.participantId));
    await eventually(
      async () => {
        const receipts = (await pg.query('SELECT participant_id FROM ballot_receipt WHERE question_id = $1', [questionId])).rows as { participant_id: string }[];
        const waiting = receipts.filter((r) => doomedIds.has(r.participant_id)).length;
        const written = (await pg.query('SELECT count(*)::int AS n FROM anonymous_ballot WHERE question_id = $1', [questionId])).rows[0].n as number;
        return waiting >= 3 && written === 0;
      },
      10_000,
      'anonymous ballots waiting in the doomed node’s mixing pool',
    );
    await doomed.kill('SIGKILL');

    const settled = await outcome;
    expect(settled.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason?.code ?? (s as PromiseRejectedResult).reason))).toEqual([]);
    expect(onDoomed.every((m) => m.client.stats.connects >= 2)).toBe(true);

    // One ballot per device, the last value acknowledged; one receipt per member.
    const ballots = (await pg.query(`SELECT commitment, value->>'choice' AS choice FROM anonymous_ballot WHERE question_id = $1`, [questionId])).rows as { commitment: string; choice: string }[];
    expect(ballots).toHaveLength(MEMBERS);
    expect(new Map(ballots.map((b) => [b.commitment, b.choice]))).toEqual(last);
    const receipts = (await pg.query('SELECT count(*)::int AS n FROM ballot_receipt WHERE question_id = $1', [questionId])).rows[0].n;
    expect(receipts).toBe(MEMBERS);
    await pg.end();

    // The tally at the close counts exactly those.
    const closed = await staff.command('survey.question.close', { questionId });
    expect(closed.state).toBe('closed');
    const audit = await fetch(`${nodes[1].url}/api/sessions/${session.id}/survey-questions/${questionId}/results`, { headers: { authorization: `Bearer ${staffToken}` } }).then((r) => r.json() as Promise<{ ballots: number }>);
    expect(audit.ballots).toBe(MEMBERS);
  }, 240_000);
});
