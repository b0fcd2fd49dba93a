import { parse } from 'csv-parse/sync';
import { OutcomeExport, type ArchiveVerification, type PublicBallotBoard, type BallotValue, type QuestionConfig, type QuestionDraft } from '@palabre/contracts';
import { ballotCommitment, questionTurnout, receiptCode, tally } from '@palabre/domain';
import { sendOk, TestApp } from '../../common/testing/harness';
import { resultsTable } from './survey-outcome-tables';
import { device, member, RANKING, snapshot, surveySession } from './survey-fixtures';
import { appForTests } from '../../common/testing/lifecycle';

const POINTS = {
  type: 'points',
  prompt: 'Comment répartir le budget participatif ?',
  budget: 10,
  options: [
    { id: 'velo', label: 'Pistes cyclables' },
    { id: 'ecoles', label: 'Cours d’écoles' },
  ],
} satisfies QuestionDraft;

interface Recompute { questions: { questionId: string; prompt: string; present: number | null; config: QuestionConfig; ballots: BallotValue[] }[] }

describe('survey outcomes: tallies, ballots and recomputation in the exports (real database)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  it('exports the Borda table with named ballots, the anonymous survey as aggregates only, recomputable and sealable', async () => {
    const s = await surveySession(t, { questions: [RANKING] });
    const anon = await sendOk(s.staff, 'activity.create', { kind: 'survey', title: 'Budget', config: { anonymity: 'anonymous', resultsVisibility: 'live', questions: [POINTS] } });
    const [pointsId] = (await snapshot(t, s.session.id, s.facilitator.token)).surveys[anon.id].questions.map((q) => q.id);
    const [rankingId] = s.questionIds;
    await sendOk(s.staff, 'survey.question.open', { questionId: rankingId });
    await sendOk(s.staff, 'survey.question.open', { questionId: pointsId });
    const voters: { name: string; ranking: string[]; allocation: Record<string, number> }[] = [
      { name: 'Aline Roussel', ranking: ['mobilite', 'sante', 'eau'], allocation: { velo: 7, ecoles: 3 } },
      { name: 'Bruno Mesplède', ranking: ['sante', 'mobilite', 'eau'], allocation: { velo: 2, ecoles: 8 } },
      { name: 'Chloé Vidal', ranking: ['mobilite', 'eau', 'sante'], allocation: { velo: 10 } },
    ];
    const commitments: string[] = [];
    for (const v of voters) {
      const m = await member(t, s.session.joinCode, v.name);
      const secret = device().for(pointsId);
      commitments.push(ballotCommitment(secret));
      await sendOk(m.socket, 'ballot.cast', { questionId: rankingId, value: { type: 'ranking', ranking: v.ranking } });
      await sendOk(m.socket, 'ballot.cast', { questionId: pointsId, value: { type: 'points', allocation: v.allocation }, ballotSecret: secret });
    }
    await sendOk(s.staff, 'survey.question.close', { questionId: rankingId });
    await sendOk(s.staff, 'survey.question.close', { questionId: pointsId });
    const auth = { Authorization: `Bearer ${s.account.token}` };

    const csv = await t.http().get(`/api/sessions/${s.session.id}/export.csv`).set(auth).expect(200);
    const rows: string[][] = parse(csv.text.replace(/^\uFEFF/, ''), { delimiter: ';', relaxColumnCount: true, skipEmptyLines: true });
    const flat = rows.map((r) => r.join('|')).join('\n');
    expect(flat).toContain('Classement par la méthode de Borda');
    // Borda with 3 options: 2 points for a first place. Mobilités 2+1+2, Santé 1+2+0, Eau 0+0+1.
    expect(rows).toContainEqual(['1', 'Mobilités', '5', '1,33', '3']);
    expect(rows).toContainEqual(['2', 'Santé', '3', expect.any(String), '3']);
    expect(rows.some((r) => r[0] === 'Bruno Mesplède' && r[1] === 'Santé > Mobilités > Eau')).toBe(true);
    expect(flat).toContain('Répartition de points');
    expect(rows.some((r) => r[1] === 'Pistes cyclables' && r[2] === '19')).toBe(true);
    // The anonymous survey: aggregates only, so each name appears once (the named ballot), never beside a points ballot.
    for (const v of voters) expect(rows.filter((r) => r.includes(v.name)).every((r) => r[1]?.includes('>'))).toBe(true);
    expect(flat).not.toMatch(/velo|ecoles/);

    const json = await t.http().get(`/api/sessions/${s.session.id}/export.json`).set(auth).expect(200);
    const doc = OutcomeExport.parse(json.body);
    const named = doc.sections.find((x) => x.activityId === s.activity.id)!;
    const anonymous = doc.sections.find((x) => x.activityId === anon.id)!;
    expect(anonymous.anonymity).toBe('anonymous');
    expect(anonymous.raw).toEqual([]);
    expect(JSON.stringify(anonymous)).not.toMatch(/Aline|Bruno|Chloé|participant/i);
    expect(named.raw[0]).toMatchObject({ named: true, columns: ['Participant', 'Vote'] });
    for (const section of [named, anonymous]) {
      const inputs = section.recompute as unknown as Recompute;
      expect(inputs.questions).toHaveLength(1);
      for (const [i, q] of inputs.questions.entries()) {
        expect(q.ballots).toHaveLength(3);
        const results = tally(q.config, q.ballots, q.present === null ? {} : { present: q.present });
        expect(resultsTable(q.prompt, q.config, results, questionTurnout(q.ballots.length, q.present))).toEqual(section.tables[i]);
      }
    }

    // The anonymous question's ballot board: every ballot with its commitment and receipt code, ordered by commitment.
    const board = (anonymous.recompute as unknown as { questions: { board: { commitment: string; receipt: string; value: BallotValue }[] }[] }).questions[0].board;
    expect(board.map((b) => b.commitment)).toEqual([...commitments].sort());
    for (const b of board) expect(b.receipt).toBe(receiptCode(b.commitment));
    expect(board.map((b) => b.value)).toEqual(expect.arrayContaining(voters.map((v) => ({ type: 'points', allocation: v.allocation }))));

    await t.http().post(`/api/sessions/${s.session.id}/transition`).set(auth).send({ to: 'closed' }).expect(200);
    const organiser = (await t.staff('organiser')).token;
    await t.http().post(`/api/sessions/${s.session.id}/seal`).set('Authorization', `Bearer ${organiser}`).expect(200);
    const verified = (await t.http().get(`/api/archive/${s.session.id}/verify`).set('Authorization', `Bearer ${organiser}`).expect(200)).body as ArchiveVerification;
    expect(verified).toMatchObject({ intact: true, problems: [], live: { matches: true } });

    // The board is in the sealed record (under its digest) and, once published, on the public route.
    await t.http().get(`/api/public/${s.session.joinCode}/ballot-board`).expect(404);
    await t.http().post(`/api/archive/${s.session.id}/public`).set('Authorization', `Bearer ${organiser}`).send({ public: true }).expect(200);
    const published = (await t.http().get(`/api/public/${s.session.joinCode}/ballot-board`).expect(200)).body as PublicBallotBoard;
    expect(published.digest).toBe(verified.digest.stored);
    expect(published.questions).toEqual([expect.objectContaining({ questionId: pointsId, prompt: POINTS.prompt, ballots: board })]);
  }, 120_000);
});
