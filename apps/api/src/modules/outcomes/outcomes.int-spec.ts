import type { EntityManager } from 'typeorm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { OutcomeExport, type ActivitySummary, type ArchiveDetail, type ArchiveSummary, type ArchiveVerification, type JoinResponse, type PublicResults } from '@palabre/contracts';
import { binary } from '../../common/testing/download';
import { send, sendOk, type TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { invitationTokens } from '../../common/testing/roster';
import { AuditService } from '../audit/audit.service';
import { canonicalJson } from '../audit/hash-chain';
import { OutcomeRecordService } from './outcome-record.service';
import { ActivityKinds } from '../sessions/activity-kinds';
import { fakeBoardSection, fakeSurveySection } from '../../common/testing/fake-outcomes';
import { pdfText } from '../../common/testing/pdf-text';

const ROSTER = [
  'name;email;perimeter;territoryType;category;gender',
  ...Array.from({ length: 12 }, (_, i) =>
    [`Membre ${String(i + 1).padStart(2, '0')} Lœvenbruck`, `m${i}@exemple.test`, `Périmètre ${i}`, ['metropole', 'agglomeration', 'bourg_centre'][i % 3], i % 2 ? 'elu' : 'citoyen', i % 2 ? 'femme' : 'homme'].join(';'),
  ),
].join('\n');

describe('outcomes: exports, sealing and the archive (real database)', () => {
  let t: TestApp;
  let sessionId: string;
  let joinCode: string;
  let staffToken: string;
  let organiser: string;
  let member: JoinResponse;
  let survey: ActivitySummary;
  let board: ActivitySummary;

  const download = (format: string, token: string, query = '') =>
    t.http().get(`/api/sessions/${sessionId}/export.${format}${query}`).set('Authorization', `Bearer ${token}`).buffer(true).parse(binary);

  appForTests((app) => (t = app));
  beforeAll(async () => {
    const live = await t.liveSession({ accessMode: 'roster', joinCode: 'CRTEST' });
    sessionId = live.session.id;
    joinCode = live.session.joinCode;
    staffToken = live.staff.token;
    organiser = (await t.staff('organiser')).token;
    for (const invitation of (await invitationTokens(t, sessionId, staffToken, ROSTER)).slice(0, 10)) {
      const res = await t.http().post('/api/sessions/join').send({ invitation }).expect(200);
      member = res.body as JoinResponse;
    }
    const socket = await t.connect(live.facilitator.token);
    survey = await sendOk(socket, 'activity.create', { kind: 'survey', title: 'Priorités des contrats territoriaux' });
    board = await sendOk(socket, 'activity.create', { kind: 'board', title: 'Faire vivre les démarches contractuelles' });
    await t.db.transaction(async (m) => {
      const audit = t.palabre.app.get(AuditService);
      await audit.append(m, sessionId, 'survey.opened', null, { activityId: survey.id });
      await audit.append(m, sessionId, 'survey.closed', null, { activityId: survey.id });
    });
    // The fakes give fixed tallies and ideas to assert the renderers against; the real survey and
    // board contributors (tested in their modules) would add a second section for these activities.
    const kinds = t.palabre.app.get(ActivityKinds);
    const fixed = async (id: string, manager: EntityManager) => {
      const rows: { display_name: string }[] = await manager.query(`SELECT display_name FROM participant WHERE session_id = $1 AND role = 'member' AND joined_at IS NOT NULL ORDER BY display_name`, [id]);
      const names = rows.map((r) => r.display_name);
      return id === sessionId ? [fakeBoardSection(board.id, names[0]), fakeSurveySection(survey.id, names)] : [];
    };
    jest.spyOn(kinds.get('survey'), 'outcomes').mockImplementation(fixed);
    jest.spyOn(kinds.get('board'), 'outcomes').mockResolvedValue([]);
  });

  it('builds a byte-identical canonical record on every run', async () => {
    const records = t.palabre.app.get(OutcomeRecordService);
    const [a, b] = [canonicalJson(await records.build(sessionId)), canonicalJson(await records.build(sessionId))];
    expect(a).toBe(b);
    expect(JSON.parse(a).sections.map((s: { activityId: string }) => s.activityId)).toEqual([survey.id, board.id]);
  });

  it('exports a draft CSV with a BOM and semicolons that French Excel reads, raw ballots only when named', async () => {
    const res = await download('csv', staffToken).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''R%C3%A9sultats");
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(body.subarray(3).toString('utf8'), { delimiter: ';', relaxColumnCount: true, skipEmptyLines: true });
    expect(rows).toContainEqual(['Séance de test', '2026-12-03', 'CRTEST', 'Séance de test', 'Projet — séance en cours']);
    expect(rows).toContainEqual(['2', 'Revitalisation des cœurs de ville', '388']);
    expect(rows).toContainEqual(['Invités', 'Présents', 'Taux']);
    expect(rows).toContainEqual(['12', '10', '0,833']);
    expect(rows.some((r) => r[0] === 'Membre 01 Lœvenbruck' && r[1] === 'mobilites>coeurs>transition')).toBe(true);
  });

  it('exports a workbook with a summary sheet and a sheet per activity', async () => {
    const res = await download('xlsx', staffToken).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Synthèse', 'Priorités des contrats terri', 'Faire vivre les démarches co']);
    const summary: string[] = [];
    book.getWorksheet('Synthèse')!.eachRow((row) => summary.push(row.values!.toString()));
    expect(summary.join('\n')).toContain('Participation');
    const ideas: string[] = [];
    book.worksheets[2].eachRow((row) => ideas.push(row.values!.toString()));
    expect(ideas.join('\n')).toContain('Créer un guichet unique pour les porteurs de projets,Animation,12,3');
  });

  it('writes DOCX and PDF minutes holding the agenda, the methods, the ideas and the attendance', async () => {
    const docx = await download('docx', staffToken).expect(200);
    const xml = await (await JSZip.loadAsync(docx.body as Buffer)).file('word/document.xml')!.async('string');
    for (const text of ['Séance de test', 'Ordre du jour', 'Méthode de Borda', 'Créer un guichet unique', 'Participation', 'Synthèse du groupe']) expect(xml).toContain(text);
    const pdf = await download('pdf', staffToken).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.body as Buffer).replace(/\s+/g, ' ');
    for (const s of ['Séance de test', 'Ordre du jour', 'Priorités des contrats territoriaux', 'Revitalisation des cœurs de ville', 'Créer un guichet unique', '10 membres présents sur 12 invités']) expect(text).toContain(s);
  });

  it('exports complete JSON that follows the versioned schema, and one activity on demand', async () => {
    const res = await download('json', staffToken).expect(200);
    const doc = OutcomeExport.parse(JSON.parse((res.body as Buffer).toString('utf8')));
    expect(doc.export.status).toBe('draft');
    expect(doc.agenda.find((a) => a.activityId === survey.id)?.startedAt).not.toBeNull();
    expect(doc.sections[0].recompute).toMatchObject({ question: { type: 'ranking' } });
    const one = OutcomeExport.parse(JSON.parse(((await download('json', staffToken, `?activityId=${board.id}`).expect(200)).body as Buffer).toString('utf8')));
    expect(one.sections.map((s) => s.kind)).toEqual(['board']);
    await download('json', staffToken, '?activityId=nope').expect(404);
  });

  it('refuses exports to a member and to anonymous callers', async () => {
    await download('pdf', member.token).expect(401);
    await t.http().get(`/api/sessions/${sessionId}/export.csv`).expect(401);
  });

  it('seals only a closed session, and only for organisers', async () => {
    await t.http().post(`/api/sessions/${sessionId}/seal`).set('Authorization', `Bearer ${staffToken}`).expect(403);
    const early = await t.http().post(`/api/sessions/${sessionId}/seal`).set('Authorization', `Bearer ${organiser}`).expect(409);
    expect(early.body.error.code).toBe('SESSION_NOT_CLOSED');
    await t.http().post(`/api/sessions/${sessionId}/transition`).set('Authorization', `Bearer ${staffToken}`).send({ to: 'closed' }).expect(200);
    const sealed = await t.http().post(`/api/sessions/${sessionId}/seal`).set('Authorization', `Bearer ${organiser}`).expect(200);
    expect((sealed.body as ArchiveSummary).digest).toMatch(/^[0-9a-f]{64}$/);
    const again = await t.http().post(`/api/sessions/${sessionId}/seal`).set('Authorization', `Bearer ${organiser}`).expect(409);
    expect(again.body.error.code).toBe('SESSION_READ_ONLY');
  });

  it('refuses every write to a sealed session with SESSION_READ_ONLY', async () => {
    const auth = { Authorization: `Bearer ${staffToken}` };
    const patch = await t.http().patch(`/api/sessions/${sessionId}`).set(auth).send({ title: 'Autre titre' }).expect(409);
    expect(patch.body.error).toEqual({ code: 'SESSION_READ_ONLY', message: 'Cette séance est archivée et ne peut plus être modifiée.' });
    await t.http().post(`/api/sessions/${sessionId}/roster`).set(auth).set('Content-Type', 'text/csv').send(ROSTER).expect(409);
    await t.http().post(`/api/sessions/${sessionId}/transition`).set(auth).send({ to: 'live' }).expect(409);
    const stranger = await t.staff('facilitator');
    await t.http().post(`/api/sessions/${sessionId}/enter`).set('Authorization', `Bearer ${stranger.token}`).expect(409);
    const entered = await t.http().post(`/api/sessions/${sessionId}/enter`).set(auth).expect(200);
    const socket = await t.connect((entered.body as JoinResponse).token);
    const ack = await send(socket, 'activity.create', { kind: 'qna', title: 'Trop tard' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'SESSION_READ_ONLY' } });
  });

  it('verifies an intact archive, also after exports of the sealed version', async () => {
    const pdf = await download('json', staffToken).expect(200);
    expect(JSON.parse((pdf.body as Buffer).toString('utf8')).export.status).toBe('sealed');
    const res = await t.http().get(`/api/archive/${sessionId}/verify`).set('Authorization', `Bearer ${organiser}`).expect(200);
    expect(res.body as ArchiveVerification).toMatchObject({ intact: true, problems: [], live: { matches: true }, chain: { intact: true, sealLinked: true } });
  });

  it('detects a data row altered after sealing, and an altered archived record', async () => {
    const verify = async () => (await t.http().get(`/api/archive/${sessionId}/verify`).set('Authorization', `Bearer ${organiser}`).expect(200)).body as ArchiveVerification;
    await t.db.query(`UPDATE activity SET title = 'Titre falsifié' WHERE id = $1`, [board.id]);
    const altered = await verify();
    expect(altered).toMatchObject({ intact: false, digest: { matches: true }, live: { matches: false } });
    await t.db.query(`UPDATE activity SET title = $2 WHERE id = $1`, [board.id, board.title]);
    expect((await verify()).intact).toBe(true);
    await t.db.query(`UPDATE archive_record SET canonical_json = replace(canonical_json, 'guichet unique', 'guichet double') WHERE session_id = $1`, [sessionId]);
    const forged = await verify();
    expect(forged).toMatchObject({ intact: false, digest: { matches: false } });
    expect(forged.problems[0]).toContain('enregistrement archivé');
    await t.db.query(`UPDATE archive_record SET canonical_json = replace(canonical_json, 'guichet double', 'guichet unique') WHERE session_id = $1`, [sessionId]);
    expect((await verify()).intact).toBe(true);
  });

  it('lists and searches the archive for organisers only', async () => {
    const search = async (q: string) => (await t.http().get('/api/archive').query({ q }).set('Authorization', `Bearer ${organiser}`).expect(200)).body as ArchiveSummary[];
    expect((await search('guichet unique')).map((a) => a.sessionId)).toEqual([sessionId]);
    expect((await search('2026-12')).map((a) => a.sessionId)).toEqual([sessionId]);
    expect(await search('introuvable%')).toEqual([]);
    await t.http().get('/api/archive').set('Authorization', `Bearer ${staffToken}`).expect(403);
    const detail = (await t.http().get(`/api/archive/${sessionId}`).set('Authorization', `Bearer ${organiser}`).expect(200)).body as ArchiveDetail;
    expect(detail.record.sections).toHaveLength(2);
  });

  it('publishes aggregate results without an account, never names or ballots', async () => {
    await t.http().get(`/api/public/${joinCode}/results`).expect(404);
    await t.http().post(`/api/archive/${sessionId}/public`).set('Authorization', `Bearer ${organiser}`).send({ public: true }).expect(200);
    const res = await t.http().get(`/api/public/${joinCode.toLowerCase()}/results`).expect(200);
    const results = res.body as PublicResults;
    expect(results.sections[0].tables[0].rows[0]).toEqual([1, 'Mobilités du quotidien', 412]);
    expect(JSON.stringify(results)).not.toContain('Lœvenbruck');
    expect(results).not.toHaveProperty('participants');
  });

  it('pseudonymises personal data, keeps aggregates, and still verifies', async () => {
    const before = (await t.http().get(`/api/archive/${sessionId}`).set('Authorization', `Bearer ${organiser}`).expect(200)).body as ArchiveDetail;
    const res = await t.http().post(`/api/archive/${sessionId}/pseudonymise`).set('Authorization', `Bearer ${organiser}`).expect(200);
    expect((res.body as ArchiveSummary).digest).not.toBe(before.digest);
    const after = (await t.http().get(`/api/archive/${sessionId}`).set('Authorization', `Bearer ${organiser}`).expect(200)).body as ArchiveDetail;
    expect(JSON.stringify(after.record)).not.toContain('Lœvenbruck');
    expect(after.record.attendance).toEqual(before.record.attendance);
    expect(after.record.sections[0].tables).toEqual(before.record.sections[0].tables);
    const verification = (await t.http().get(`/api/archive/${sessionId}/verify`).set('Authorization', `Bearer ${organiser}`).expect(200)).body as ArchiveVerification;
    expect(verification.intact).toBe(true);
    const links: { payload: Record<string, string> }[] = await t.db.query(`SELECT payload FROM audit_event WHERE session_id = $1 AND type = 'archive.pseudonymised'`, [sessionId]);
    expect(links[0].payload).toEqual({ previousDigest: before.digest, digest: after.digest });
    await t.http().post(`/api/archive/${sessionId}/pseudonymise`).set('Authorization', `Bearer ${organiser}`).expect(409);
  });
});
