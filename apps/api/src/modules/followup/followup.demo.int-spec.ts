import type { ArchiveVerification, PublicFollowUp, PublicResults } from '@palabre/contracts';
import type { TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { DEMO, seedDemo } from '../../seed/demo';
import { FOLLOW_UP_DEMO, seedFollowUpDemo } from './followup.demo';

/** Rows the seed writes, counted to prove a second run writes none. */
const COUNTS = `SELECT (SELECT count(*) FROM session)::int AS sessions, (SELECT count(*) FROM archive_record)::int AS archives,
  (SELECT count(*) FROM recommendation)::int AS recommendations, (SELECT count(*) FROM recommendation_progress)::int AS progress,
  (SELECT count(*) FROM audit_event)::int AS links, (SELECT count(*) FROM staff_account)::int AS accounts`;

describe('demo seed: the sealed June plenary and the follow-up of its recommendations', () => {
  let t: TestApp;
  appForTests((app) => (t = app), { seedDemo: true });

  const login = async (who: { email: string; password: string }) => `Bearer ${(await t.http().post('/api/auth/login').send(who).expect(200)).body.token as string}`;
  const ids = async () => {
    const rows: { assembly_id: string; june: string; plenary: string }[] = await t.db.query(
      'SELECT p.assembly_id, j.id AS june, p.id AS plenary FROM session p JOIN session j ON j.assembly_id = p.assembly_id WHERE p.join_code = $1 AND j.join_code = $2',
      [DEMO.joinCode, FOLLOW_UP_DEMO.joinCode],
    );
    return rows[0];
  };

  it('shows on the public page each recommendation with its sealed evidence, the answer and the progress, and nothing personal', async () => {
    const { assembly_id: assemblyId, june } = await ids();
    const page = (await t.http().get(`/api/public/assemblies/${assemblyId}/follow-up`).expect(200)).body as PublicFollowUp;
    expect(page.assembly.name).toBe(DEMO.assembly);
    const [idea, priority] = page.recommendations;
    expect(page.recommendations.map((r) => [r.title, r.source.kind, r.session.joinCode])).toEqual([
      [FOLLOW_UP_DEMO.topIdea, 'idea', FOLLOW_UP_DEMO.joinCode],
      [FOLLOW_UP_DEMO.priority, 'survey', FOLLOW_UP_DEMO.joinCode],
    ]);
    // The evidence: the sealed figures, the digest and the link to the sealed vote or supports.
    const archive = ((await t.db.query('SELECT digest FROM archive_record WHERE session_id = $1', [june])) as { digest: string }[])[0];
    for (const r of page.recommendations) {
      expect(r.archiveDigest).toBe(archive.digest);
      expect(r.evidenceUrl).toBe(`${t.palabre.config.publicUrl}/public/${FOLLOW_UP_DEMO.joinCode}#section-${r.source.activityId}`);
    }
    expect(idea.evidence).toMatchObject({ sectionTitle: FOLLOW_UP_DEMO.board, figure: '14 soutiens' });
    expect(priority.evidence.sectionTitle).toBe(`${FOLLOW_UP_DEMO.survey} — ${FOLLOW_UP_DEMO.question}`);
    expect(priority.evidence.figure).toContain('11');
    // The answer and the progress of the first; the second awaits its answer.
    expect(idea).toMatchObject({
      response: { decision: 'accepted', reasons: FOLLOW_UP_DEMO.response },
      contractRef: FOLLOW_UP_DEMO.contractRef,
      status: 'in_progress',
      percent: 40,
      progress: [{ date: '2026-11-11', status: 'in_progress', percent: 40, note: FOLLOW_UP_DEMO.progress }],
      territories: ['Millau', 'Figeac'],
    });
    expect(idea.history.map((h) => h.type)).toEqual(['recommendation.created', 'recommendation.published', 'recommendation.answered', 'recommendation.progress']);
    expect(priority).toMatchObject({ response: null, status: 'pending', percent: 0, progress: [] });
    expect(page.themes).toHaveLength(2);

    // The evidence link's target: the public results page of the sealed session shows the idea's supports and the vote.
    const results = (await t.http().get(`/api/public/${FOLLOW_UP_DEMO.joinCode}/results`).expect(200)).body as PublicResults;
    expect(results.digest).toBe(archive.digest);
    const board = results.sections.find((s) => s.activityId === idea.source.activityId)!;
    expect(board.ideas.find((i) => i.text === FOLLOW_UP_DEMO.topIdea)?.supports).toBe(14);
    expect(results.sections.find((s) => s.activityId === priority.source.activityId)?.title).toBe(FOLLOW_UP_DEMO.survey);

    // No one is named: neither the service, nor the staff, nor the members.
    const names: { display_name: string }[] = await t.db.query('SELECT display_name FROM participant WHERE session_id = $1', [june]);
    const text = JSON.stringify(page);
    for (const name of [DEMO.instructor.displayName, DEMO.organiser.displayName, DEMO.facilitator.displayName, ...names.map((n) => n.display_name)]) expect(text).not.toContain(name);
  });

  it('lists them in the Atom and JSON feeds', async () => {
    const { assembly_id: assemblyId } = await ids();
    const atom = await t.http().get(`/api/public/assemblies/${assemblyId}/follow-up.atom`).expect(200);
    expect(atom.text).toContain(FOLLOW_UP_DEMO.topIdea);
    expect(atom.text).toContain(FOLLOW_UP_DEMO.priority);
    const json = JSON.parse((await t.http().get(`/api/public/assemblies/${assemblyId}/follow-up.json`).expect(200)).text) as { items: { title: string; content_text: string }[] };
    expect(json.items.map((i) => i.title).sort()).toEqual([FOLLOW_UP_DEMO.priority, FOLLOW_UP_DEMO.topIdea].sort());
    expect(JSON.stringify(json)).not.toContain(DEMO.instructor.displayName);
  });

  it('gives the instructing service its two recommendations; the sealed archive still verifies', async () => {
    const { june } = await ids();
    const service = await login(DEMO.instructor);
    const assigned = (await t.http().get('/api/follow-up/recommendations').set('Authorization', service).expect(200)).body as { title: string }[];
    expect(assigned.map((r) => r.title)).toEqual([FOLLOW_UP_DEMO.topIdea, FOLLOW_UP_DEMO.priority]);
    const organiser = await login(DEMO.organiser);
    const verify = (await t.http().get(`/api/archive/${june}/verify`).set('Authorization', organiser).expect(200)).body as ArchiveVerification;
    expect(verify).toMatchObject({ intact: true, problems: [] });
  });

  it('creates nothing twice when the seed runs again', async () => {
    const before = ((await t.db.query(COUNTS)) as Record<string, number>[])[0];
    await seedDemo(t.palabre.app, t.palabre.config);
    const { plenary } = await ids();
    const facilitator = ((await t.db.query('SELECT id FROM staff_account WHERE email = $1', [DEMO.facilitator.email])) as { id: string }[])[0];
    await seedFollowUpDemo(t.palabre.app, { sessionId: plenary, facilitatorAccountId: facilitator.id, config: t.palabre.config });
    expect(((await t.db.query(COUNTS)) as Record<string, number>[])[0]).toEqual(before);
  });
});
