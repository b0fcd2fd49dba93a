import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { BallotValue, JoinResponse, QuestionConfig } from '@palabre/contracts';
import { seeded } from '../../common/testing/fake-outcomes';
import { binary } from '../../common/testing/download';
import { sendOk, type TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { pdfText, pdfTextBoxes } from '../../common/testing/pdf-text';
import { snapshotOf } from '../../common/testing/snapshot';
import { DEMO } from '../../seed/demo';
import { auditLabel } from './render/labels';
import { PDF_MARGIN } from './render/pdf';
import type { SurveysFeature } from '@palabre/contracts';

/** Where CI keeps the demo minutes; `.ci/run` renders them to PNG pages for a person to look at. */
const OUT = join(__dirname, '../../../../../test-results/minutes');

const WORDS = ['Coopération !', 'cooperation et confiance', 'Ingénierie partagée.', 'Simplification', 'confiance'];

/** A plausible ballot for any question, from a seeded generator. */
function ballotFor(config: QuestionConfig, random: () => number): BallotValue {
  const pick = (n: number) => Math.floor(random() * n);
  const ids = 'options' in config ? config.options.map((o) => o.id) : [];
  const shuffled = [...ids].map((id) => ({ id, k: random() })).sort((a, b) => a.k - b.k).map((x) => x.id);
  switch (config.type) {
    case 'single':
      return { type: 'single', optionId: ids[pick(ids.length)] };
    case 'multiple':
      return { type: 'multiple', optionIds: shuffled.slice(0, config.minSelections) };
    case 'ranking':
      return { type: 'ranking', ranking: shuffled.slice(0, config.topK ?? ids.length) };
    case 'points': {
      const first = pick(config.budget + 1);
      return { type: 'points', allocation: { [shuffled[0]]: first, [shuffled[1]]: config.budget - first } };
    }
    case 'scale':
      return { type: 'scale', value: 1 + pick(config.max) };
    case 'majority':
      return { type: 'majority', grades: Object.fromEntries(ids.map((id, i) => [id, Math.min(config.gradeCount - 1, pick(3) + (i % 3))])) };
    case 'yesno':
      return { type: 'yesno', choice: (['yes', 'yes', 'no', 'abstain'] as const)[pick(4)] };
    case 'text':
      return { type: 'text', text: WORDS[pick(WORDS.length)] };
  }
}

describe('the demo plenary minutes (real database, real sockets)', () => {
  let t: TestApp;
  appForTests((app) => (t = app), { seedDemo: true });

  it('votes on the demo survey, then exports minutes that fit the page and spreadsheets in Paris time', async () => {
    const login = await t.http().post('/api/auth/login').send({ email: DEMO.facilitator.email, password: DEMO.facilitator.password }).expect(200);
    const sessions = await t.http().get('/api/sessions').set('Authorization', `Bearer ${login.body.token}`).expect(200);
    const session = (sessions.body as { id: string; joinCode: string }[]).find((s) => s.joinCode === DEMO.joinCode)!;
    const entered = (await t.http().post(`/api/sessions/${session.id}/enter`).set('Authorization', `Bearer ${login.body.token}`).expect(200)).body as JoinResponse;
    const staff = await t.connect(entered.token);
    const snap = await snapshotOf(t, entered.token, session.id);
    const [survey] = Object.values((snap.features.surveys as SurveysFeature).surveys);
    const title = snap.activities.find((a) => a.id === survey.activityId)!.title;
    expect(survey.questions.length).toBeGreaterThan(2);

    const random = seeded(2026);
    const members = [];
    for (let i = 0; i < 12; i++) members.push(await t.connect((await t.join(DEMO.joinCode, `Membre ${i + 1}`)).token));
    await sendOk(staff, 'survey.open', { activityId: survey.activityId });
    for (const socket of members) for (const q of survey.questions) await sendOk(socket, 'ballot.cast', { questionId: q.id, value: ballotFor(q.config, random) });
    await sendOk(staff, 'survey.close', { activityId: survey.activityId });
    await sendOk(staff, 'survey.publish', { activityId: survey.activityId });

    const download = (format: string) => t.http().get(`/api/sessions/${session.id}/export.${format}`).set('Authorization', `Bearer ${login.body.token}`).buffer(true).parse(binary).expect(200);
    const pdf = (await download('pdf')).body as Buffer;
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'demo-plenary.pdf'), pdf);
    // Kept beside it for a person (or LibreOffice, docs/operations.md) to open.
    writeFileSync(join(OUT, 'demo-plenary.docx'), (await download('docx')).body as Buffer);

    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Classement par la méthode de Borda — points Borda');
    expect(text).toContain('Jugement majoritaire — profil de mérite');
    expect(text).toMatch(/12 votants sur 12 présents à la clôture \(100\s?%\)/);
    // State codes stay out of the French text (the audit log's event types are identifiers, listed last).
    expect(text.slice(0, text.indexOf('Journal d’audit'))).not.toMatch(/\b(published|draft|report_back|closed|open)\b/);
    expect(text).toMatch(/Résultats publiés \d{1,2} h \d{2} \d{1,2} h \d{2}/);
    // Every event of the audit chain is named in French, its code beside it for whoever checks the JSON.
    const json = JSON.parse(((await download('json')).body as Buffer).toString('utf8')) as { audit: { types: Record<string, number> } };
    const types = Object.keys(json.audit.types);
    expect(types).toEqual(expect.arrayContaining(['activity.created', 'survey.question.open', 'survey.question.closed', 'survey.question.published']));
    expect(types.filter((type) => auditLabel(type) === '—')).toEqual([]);
    expect(text).toContain(`${auditLabel('survey.question.published')} survey.question.published`);
    const { pages, boxes } = pdfTextBoxes(pdf);
    // No page holds only its folio.
    for (let page = 1; page <= pages.length; page++) expect(boxes.some((b) => b.page === page && !/^\d+ \/ \d+$/.test(b.text))).toBe(true);
    for (const a of boxes) {
      const page = pages[a.page - 1];
      expect(a.left >= PDF_MARGIN - 0.5 && a.right <= page.width - PDF_MARGIN + 0.5).toBe(true);
    }
    const clash = boxes.find((a, i) => boxes.some((b, j) => j > i && a.page === b.page && Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5));
    expect(clash).toBeUndefined();

    // The agenda's times in the spreadsheet: Paris local time with its winter offset.
    const csv = ((await download('csv')).body as Buffer).subarray(3).toString('utf8');
    const rows: string[][] = parse(csv, { delimiter: ';', relaxColumnCount: true, skipEmptyLines: true });
    const agenda = rows.find((r) => r[1] === title)!;
    expect(agenda[3]).toBe('Résultats publiés');
    expect(agenda[4]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00$/);
    expect(agenda[5]).toMatch(/\+01:00$/);
  }, 300_000);
});
