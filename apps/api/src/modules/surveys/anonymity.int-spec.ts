import { createHmac } from 'node:crypto';
import { ballotCommitment, sha256Hex } from '@palabre/domain';
import { sendOk, TestApp } from '../../common/testing/harness';
import { captureOutput, type OutputCapture } from '../../common/testing/log-capture';
import { device, member, surveySession, YESNO } from './survey-fixtures';

const VOTERS = 50;
const K = 5;

/** One row of any table as an attacker holding a dump sees it: its transaction id, its physical place, its content. */
interface DumpRow {
  table: string;
  xmin: number;
  ctid: string;
  json: string;
}

/**
 * The linking attack of issue #17, on a real PostgreSQL: members vote one at a time on an
 * anonymous question (the worst case: nothing to hide among); the attacker reads every table
 * with its system columns, holds the token secret and every log line, and tries each way to
 * link a voter to a ballot. The test knows each voter's commitment, so it can score the guesses.
 */
describe('a secret ballot nobody can link (real database, real socket.io)', () => {
  let t: TestApp;
  let output: OutputCapture;
  beforeAll(async () => {
    output = captureOutput({ echo: false });
    t = await TestApp.start({ logLevel: 'debug', anonMixBatch: K, anonMixWindowMs: 60 });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    output.restore();
  });

  async function dump(): Promise<DumpRow[]> {
    const tables: { relname: string }[] = await t.db.query(`SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`);
    const rows: DumpRow[] = [];
    for (const { relname } of tables) {
      const found: { xmin: string; ctid: string; json: string }[] = await t.db.query(`SELECT xmin::text AS xmin, ctid::text AS ctid, row_to_json(x)::text AS json FROM "${relname}" x`);
      for (const r of found) rows.push({ table: relname, xmin: Number(r.xmin), ctid: r.ctid, json: r.json });
    }
    return rows;
  }

  const ctidOrder = (a: DumpRow, b: DumpRow) => {
    const [pa, ia] = a.ctid.slice(1, -1).split(',').map(Number);
    const [pb, ib] = b.ctid.slice(1, -1).split(',').map(Number);
    return pa - pb || ia - ib;
  };

  /** Spearman's rank correlation of two orders of the same n items. */
  function spearman(ranksA: number[], ranksB: number[]): number {
    const n = ranksA.length;
    const d2 = ranksA.reduce((sum, r, i) => sum + (r - ranksB[i]) ** 2, 0);
    return 1 - (6 * d2) / (n * (n * n - 1));
  }

  it('links no voter to a ballot better than chance, from the whole database, the token secret and the logs; also after vote changes', async () => {
    const s = await surveySession(t, { questions: [YESNO], anonymity: 'anonymous' });
    const [qid] = s.questionIds;
    await sendOk(s.staff, 'survey.question.open', { questionId: qid });
    const voters: { participantId: string; socket: Awaited<ReturnType<typeof member>>['socket']; secret: string; commitment: string }[] = [];
    for (let i = 0; i < VOTERS; i += 10) {
      const joined = await Promise.all(Array.from({ length: 10 }, (_, k) => member(t, s.session.joinCode, `Votant ${i + k}`)));
      for (const m of joined) {
        const secret = device().for(qid);
        voters.push({ participantId: m.participantId, socket: m.socket, secret, commitment: ballotCommitment(secret) });
      }
    }
    const choices = ['yes', 'no', 'abstain'] as const;
    // One at a time: each waits for its ack before the next votes.
    for (const [i, v] of voters.entries()) {
      await sendOk(v.socket, 'ballot.cast', { questionId: qid, value: { type: 'yesno', choice: choices[i % 3] }, ballotSecret: v.secret });
    }

    const participantIds = voters.map((v) => v.participantId);
    const commitmentOf = new Map(voters.map((v) => [v.participantId, v.commitment]));

    /** Every method an attacker has; returns how many voters each method links correctly. */
    async function attack(phase: 'open' | 'closed') {
      const rows = await dump();
      const ballots = rows.filter((r) => r.table === 'anonymous_ballot' && r.json.includes(qid));
      expect(ballots).toHaveLength(VOTERS);
      const ballotXmins = new Set(ballots.map((b) => b.xmin));
      const commitmentOfRow = (r: DumpRow) => (JSON.parse(r.json) as { commitment: string }).commitment;

      // 1. No row that names a voter shares a transaction with a ballot row.
      for (const r of rows) {
        if (r.table === 'anonymous_ballot' || !ballotXmins.has(r.xmin)) continue;
        for (const p of participantIds) expect({ table: r.table, names: r.json.includes(p) }).toEqual({ table: r.table, names: false });
      }
      // 2. Nothing the server keeps, nor anything it can derive from its secret, maps a voter to a commitment.
      const derivedKey = createHmac('sha256', t.palabre.config.tokenSecret).update('palabre/anonymous-ballot/v1').digest();
      const everything = rows.map((r) => r.json).join('\n');
      for (const v of voters) {
        expect(everything).not.toContain(v.secret);
        expect(everything).not.toContain(createHmac('sha256', derivedKey).update(`${qid}:${v.participantId}`).digest('base64url'));
        expect(everything).not.toContain(createHmac('sha256', t.palabre.config.tokenSecret).update(`${qid}:${v.participantId}`).digest('hex'));
        for (const r of rows.filter((x) => x.json.includes(v.participantId))) expect(r.json).not.toContain(v.commitment);
      }
      // The voter token on a receipt is no known function of any commitment.
      const receipts = rows.filter((r) => r.table === 'ballot_receipt' && r.json.includes(qid)).map((r) => JSON.parse(r.json) as { participant_id: string; voter_token: string });
      const commitments = new Set(ballots.map(commitmentOfRow));
      for (const r of receipts) {
        for (const f of [r.voter_token, sha256Hex(r.voter_token), sha256Hex(`${qid}:${r.participant_id}`)]) expect(commitments.has(f)).toBe(false);
      }
      // 3. The logs: no question secret, no commitment, no receipt code, at the most verbose level.
      const logs = output.text();
      for (const v of voters) {
        expect(logs).not.toContain(v.secret);
        expect(logs).not.toContain(v.commitment);
        expect(logs).not.toContain(v.commitment.slice(0, 12).toUpperCase());
      }
      // Random (v4) ids: their order is no clock.
      for (const b of ballots) expect((JSON.parse(b.json) as { id: string }).id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);

      // 4. Order and transaction ids. The voters' order as the attacker sees it: their receipts' transactions.
      const receiptRows = rows.filter((r) => r.table === 'ballot_receipt' && r.json.includes(qid));
      const voterXmin = new Map(receiptRows.map((r) => [(JSON.parse(r.json) as { participant_id: string }).participant_id, r.xmin]));
      const votersInOrder = [...participantIds].sort((a, b) => voterXmin.get(a)! - voterXmin.get(b)! || participantIds.indexOf(a) - participantIds.indexOf(b));
      const ballotsInOrder = [...ballots].sort((a, b) => a.xmin - b.xmin || ctidOrder(a, b));
      // Guess: the n-th voter cast the n-th ballot (by transaction, then physical order).
      const byOrder = votersInOrder.filter((p, n) => commitmentOfRow(ballotsInOrder[n]) === commitmentOf.get(p)).length;
      // Guess: a voter's ballot is the first one written after their receipt.
      const byNextXmin = votersInOrder.filter((p) => {
        const after = ballotsInOrder.find((b) => b.xmin > voterXmin.get(p)!);
        return after !== undefined && commitmentOfRow(after) === commitmentOf.get(p);
      }).length;
      // Physical order against voting order: no correlation beyond chance.
      const byCtid = [...ballots].sort(ctidOrder).map(commitmentOfRow);
      const rho = spearman(
        voters.map((_, i) => i),
        voters.map((v) => byCtid.indexOf(v.commitment)),
      );
      if (phase === 'open') {
        // While open, each voter hides among the ballots written at or after their receipt: at least k of them.
        for (const [n, p] of votersInOrder.entries()) {
          expect(ballots.filter((b) => b.xmin > voterXmin.get(p)!).length).toBeGreaterThanOrEqual(Math.min(K, n + 1));
        }
      } else {
        // After the close every ballot was rewritten in one transaction, in a fresh random order.
        expect(ballotXmins.size).toBe(1);
        expect(Math.abs(rho)).toBeLessThan(0.5);
      }
      return { byOrder, byNextXmin, rho };
    }

    // Open: at most 1 in k by design; 20 of 50 is far beyond what mixing in fives allows by chance.
    const open = await attack('open');
    expect(open.byOrder).toBeLessThan(20);
    expect(open.byNextXmin).toBeLessThan(20);

    // Vote changes, one at a time, from the same devices; then the close.
    for (const [i, v] of voters.slice(0, 15).entries()) {
      await sendOk(v.socket, 'ballot.cast', { questionId: qid, value: { type: 'yesno', choice: choices[(i + 1) % 3] }, ballotSecret: v.secret });
    }
    const changed = await attack('open');
    expect(changed.byOrder).toBeLessThan(20);
    expect(changed.byNextXmin).toBeLessThan(20);
    await sendOk(s.staff, 'survey.question.close', { questionId: qid });
    // Closed: the whole question is the anonymity set, 1 in 50; 7 exact guesses has a chance below 1 in 10,000.
    const closed = await attack('closed');
    expect(closed.byOrder).toBeLessThan(7);
    expect(closed.byNextXmin).toBeLessThan(7);
  }, 180_000);
});
