import type { BoardsFeature, SessionSnapshot } from '@palabre/contracts';
import { sendOk, sendRetrying, type TestApp } from '../testing/harness';
import { eventually, startNodes, TcpFront, throwawayDatabase } from '../testing/nodes';
import { seededRandom, testSeed } from '../testing/random';
import { WebClient } from '../testing/web-client';

// Fault: venue Wi-Fi. Every member's connection (websocket and snapshot requests alike) is cut
// every 2 to 3 seconds for 20 seconds while ballots, ideas, supports and agenda changes flow.
// The members run the web app's own client code (command queue, snapshot sync with version-gap
// detection and refetch on reconnect). Afterwards each member's view must equal what the server
// says now, and the database must hold every acknowledged action exactly once.
// 20 s rather than a minute: each member still loses its connection 7 to 10 times, and the
// suite runs on shared two-core CI machines.
const MEMBERS = 40;
const CUT_WINDOW_MS = 20_000;
/** Connections per member the storm must reach: the first, then after the first cut and two more. */
const MIN_CONNECTS = 4;
const CHOICES = ['yes', 'no', 'abstain'] as const;
// Connection lifetimes and members' actions are drawn from this seed (in the test's name; replay a
// failure with TEST_SEED=<seed>). The network's timing still varies from run to run.
const SEED = testSeed();
const random = seededRandom(SEED);

const byId = <T extends { id?: string; ideaId?: string }>(list: T[]) => [...list].sort((x, y) => String(x.id ?? x.ideaId).localeCompare(String(y.id ?? y.ideaId)));

/**
 * A snapshot reduced to what it means. Left out: the instant (who is online: presence; the
 * server clock). The turnout of open questions (`present`, `percentOfPresent`) stays in: a
 * presence change re-sends it. Normalised: the order of ideas and comments (the board view
 * sorts them itself) and zero support counts (the board reads a missing count as zero).
 */
function comparable(s: SessionSnapshot | undefined) {
  if (!s) return s;
  const boards = s.features.boards as BoardsFeature | undefined;
  return {
    ...s,
    presence: undefined,
    features: {
      ...s.features,
      room: s.features.room && { ...(s.features.room as object), serverNow: undefined },
      boards: boards && {
        ...boards,
        boards: Object.fromEntries(
          Object.entries(boards.boards).map(([id, b]) => [
            id,
            { ...b, ideas: byId(b.ideas), comments: byId(b.comments), counts: b.counts && byId(b.counts.filter((c) => c.supports > 0 || c.supporters > 0)) },
          ]),
        ),
      },
    },
  };
}

/** JSON with object keys sorted (a patched object may list its keys in another order than the server's). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}

describe('when every connection is cut every few seconds', () => {
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;
  let t: TestApp;
  let front: TcpFront;
  const clients: WebClient[] = [];

  beforeAll(async () => {
    db = await throwawayDatabase();
    [t] = await startNodes(1, db.url);
    front = new TcpFront(() => [t.palabre.port]);
    await front.listen();
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await front?.close();
    await t?.close();
    await db?.drop();
  });

  it(`heals every member's view: after the storm each one equals the server's, and every acknowledged action is stored once (seed ${SEED})`, async () => {
    const { session, facilitator } = await t.liveSession();
    const staff = await t.connect(facilitator.token);
    const survey = await sendOk(staff, 'activity.create', {
      kind: 'survey',
      title: 'Priorités',
      config: { questions: [{ type: 'yesno', prompt: 'Prolonger les contrats ?' }, { type: 'yesno', prompt: 'Élargir les périmètres ?' }] },
    });
    const questionIds = (await sendOk(staff, 'survey.open', { activityId: survey.id })).questions.map((q) => q.id);
    const board = await sendOk(staff, 'activity.create', { kind: 'board', title: 'Faire vivre les contrats', config: { columns: [{ title: 'Gouvernance' }, { title: 'Financement' }] } });
    const columns = (await sendOk(staff, 'board.open', { activityId: board.id })).columns.map((c) => c.id);

    const members: { participantId: string; client: WebClient }[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      const joined = await t.join(session.joinCode, `Membre ${i + 1}`);
      members.push({ participantId: joined.participant.id, client: new WebClient(front.url, session.id, joined.token) });
    }
    clients.push(...members.map((m) => m.client));
    await eventually(() => members.every((m) => m.client.idle), 30_000, 'every member connected with a snapshot');

    // What the members were told succeeded.
    const lastBallot = new Map<string, string>(); // `${participant}:${question}` → choice
    const ideas = new Set<string>();
    const supports = new Set<string>(); // `${participant}:${idea}`
    const refusals: string[] = [];
    let agenda = 0;

    front.lifetime = () => 2000 + random() * 1000;
    front.cutAll(); // the first cut now, then every connection lives 2 to 3 s
    const until = Date.now() + CUT_WINDOW_MS;
    // The storm lasts the window, and on a slow machine (handshakes and snapshots served late, so
    // fewer cuts fit in it) until every member has lost its connection at least three times.
    const giveUpAt = until + 60_000;
    const storming = () => Date.now() < until || (Date.now() < giveUpAt && members.some((m) => m.client.stats.connects < MIN_CONNECTS));
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    // Each member acts every 1 to 2.5 s during the window; its commands run one after the other
    // (so "the last acknowledged ballot" is well defined) and may wait out a cut in the queue.
    const chains: Promise<void>[] = [];
    const memberLoop = async ({ participantId, client }: (typeof members)[number], i: number) => {
      let chain = Promise.resolve();
      for (let k = 0; storming(); k++) {
        await pause(1000 + random() * 1500);
        const roll = random();
        const action = async () => {
          if (roll < 0.5) {
            const questionId = questionIds[k % questionIds.length];
            const choice = CHOICES[Math.floor(random() * 3)];
            await client.command('ballot.cast', { questionId, value: { type: 'yesno', choice } });
            lastBallot.set(`${participantId}:${questionId}`, choice);
          } else if (roll < 0.7) {
            const idea = await client.command('idea.post', { activityId: board.id, columnId: columns[k % columns.length], title: `Idée ${i + 1}.${k + 1}` });
            ideas.add(idea.id);
          } else {
            const known = ((client.view()?.features.boards as BoardsFeature | undefined)?.boards[board.id]?.ideas ?? []).map((x) => x.id);
            if (known.length === 0) return;
            const ideaId = known[Math.floor(random() * known.length)];
            await client.command('idea.support', { activityId: board.id, ideaId });
            supports.add(`${participantId}:${ideaId}`);
          }
        };
        chain = chain.then(action).catch((error: unknown) => void refusals.push(String((error as { code?: string }).code ?? error)));
      }
      chains.push(chain);
    };
    // The facilitator keeps changing the agenda: versioned session events a member can miss.
    const agendaLoop = async () => {
      while (storming()) {
        await pause(1000);
        // The console sends again, with the same opId, what a busy database refused as retryable.
        const item = await sendRetrying(staff, 'activity.create', { kind: 'qna', title: `Question au président ${++agenda}` });
        await sendRetrying(staff, 'activity.open', { activityId: item.id });
      }
    };
    await Promise.all([...members.map(memberLoop), agendaLoop()]);
    front.lifetime = undefined;
    await Promise.all(chains);

    // The storm is over (connections made from now on stay up): every queue drained; let every view settle.
    await eventually(() => members.every((m) => m.client.idle), 60_000, 'every member back, nothing pending');

    expect(refusals).toEqual([]);
    // Every member really lost its connection again and again: at least the first cut and two more.
    for (const m of members) expect(m.client.stats.connects).toBeGreaterThanOrEqual(MIN_CONNECTS);

    // Each member's view equals a fresh snapshot for that member (once the last coalesced
    // results and support counts, sent a moment after the last write, have arrived).
    const fresh = async (m: (typeof members)[number]) =>
      comparable((await t.http().get(`/api/sessions/${session.id}/snapshot`).set('Authorization', `Bearer ${m.client.token}`).expect(200)).body as SessionSnapshot);
    let mismatches = members;
    await eventually(
      async () => {
        const next: typeof members = [];
        for (const m of mismatches) if (canonical(comparable(m.client.view())) !== canonical(await fresh(m))) next.push(m);
        mismatches = next;
        return mismatches.length === 0;
      },
      15_000,
      'every view equal to the server',
    ).catch(() => undefined);
    if (mismatches.length > 0) expect(comparable(mismatches[0].client.view())).toEqual(await fresh(mismatches[0]));
    expect(mismatches.map((m) => m.participantId)).toEqual([]);
    const someView = members[0].client.view()!;
    expect(someView.activities.filter((a) => a.kind === 'qna')).toHaveLength(agenda);

    // The database holds each acknowledged action once, and the last ballot acknowledged.
    const ballots: { participant_id: string; question_id: string; choice: string }[] = await t.db.query(
      `SELECT participant_id, question_id, value->>'choice' AS choice FROM ballot WHERE question_id = ANY($1::uuid[])`,
      [questionIds],
    );
    expect(ballots).toHaveLength(lastBallot.size);
    for (const b of ballots) expect(b.choice).toBe(lastBallot.get(`${b.participant_id}:${b.question_id}`));
    const storedIdeas: { id: string }[] = await t.db.query(`SELECT id FROM idea WHERE activity_id = $1`, [board.id]);
    expect(new Set(storedIdeas.map((x) => x.id))).toEqual(ideas);
    const storedSupports: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM idea_support s JOIN idea i ON i.id = s.idea_id WHERE i.activity_id = $1`, [board.id]);
    expect(storedSupports[0].n).toBe(supports.size);
  }, 180_000);
});
