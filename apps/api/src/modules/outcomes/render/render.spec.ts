import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { fakeExport } from '../../../common/testing/fake-outcomes';
import { pdfText } from '../../../common/testing/pdf-text';
import { renderCsv } from './csv';
import { renderDocx } from './docx';
import { ACTIVITY_STATE_LABEL, activityStateLabel, frenchTime, localIso } from './labels';
import { PDF_FONT, renderPdf } from './pdf';
import { renderXlsx } from './xlsx';

describe('outcome documents for a 250-member plenary', () => {
  const doc = fakeExport(250);

  it('writes PDF minutes with French typography intact', async () => {
    const started = performance.now();
    const pdf = await renderPdf(doc);
    const ms = performance.now() - started;
    console.log(`PDF (${PDF_FONT}) for 250 members, 8 activities: ${ms.toFixed(0)} ms, ${(pdf.length / 1024).toFixed(0)} kio`);
    const raw = pdfText(pdf);
    const text = raw.replace(/\s+/g, ' ');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(text).toContain('Ordre du jour');
    expect(text).toContain('l’œuvre commune');
    expect(text).toContain('Revitalisation des cœurs de ville');
    expect(text).toContain('Créer un guichet unique pour les porteurs de projets');
    expect(raw).toContain('Méthode\u202f: Méthode de Borda');
    expect(text).toContain('Ordre du jour');
  });

  it('writes DOCX minutes whose document.xml holds the results', async () => {
    const started = performance.now();
    const docx = await renderDocx(doc);
    console.log(`DOCX for 250 members, 8 activities: ${(performance.now() - started).toFixed(0)} ms`);
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Compte rendu');
    expect(xml).toContain('Méthode de Borda');
    expect(xml).toContain('Synthèse du groupe');
  });

  it('writes a workbook with a summary sheet and one sheet per activity', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx(doc)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Synthèse', ...doc.sections.map((_, i) => (i === 0 ? 'Atelier 1 — l’œuvre commune' : expect.any(String)))]);
    expect(new Set(book.worksheets.map((s) => s.name)).size).toBe(9);
  });

  it('writes a CSV with a BOM and semicolons that parses back', () => {
    const csv = renderCsv(doc);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(csv.subarray(3).toString('utf8'), { delimiter: ';', relaxColumnCount: true, skipEmptyLines: true });
    expect(rows).toContainEqual(['1', 'Mobilités du quotidien', '412']);
    expect(rows.filter((r) => r[1] === 'mobilites>coeurs>transition')).toHaveLength(250 * 4);
  });
});

describe('times and states as a French reader expects them', () => {
  it('writes spreadsheet times in Paris time with their offset, winter and summer', () => {
    expect(localIso('2026-12-03T13:05:00.000Z', 'Europe/Paris')).toBe('2026-12-03T14:05:00+01:00');
    expect(localIso('2026-07-01T13:05:00.000Z', 'Europe/Paris')).toBe('2026-07-01T15:05:00+02:00');
    expect(localIso('2026-12-03T13:05:00.000Z', 'America/Cayenne')).toBe('2026-12-03T10:05:00-03:00');
    expect(localIso(null, 'Europe/Paris')).toBeNull();
  });

  it('writes document times as « 14 h 05 » in the display zone', () => {
    expect(frenchTime('2026-12-03T13:05:00.000Z', 'Europe/Paris')).toBe('14\u00a0h\u00a005');
    expect(frenchTime('2026-12-03T08:00:00.000Z', 'Europe/Paris')).toBe('9\u00a0h\u00a000');
    expect(frenchTime(null, 'Europe/Paris')).toBe('—');
  });

  it('puts the Paris offset on the agenda times of the CSV', () => {
    const doc = fakeExport(20);
    const rows: string[][] = parse(renderCsv(doc).subarray(3).toString('utf8'), { delimiter: ';', relaxColumnCount: true, skipEmptyLines: true });
    const agenda = rows.find((r) => r[1] === doc.agenda[0].title)!;
    expect(agenda.slice(3)).toEqual(['Clos', '2026-12-03T10:00:00+01:00', '2026-12-03T10:40:00+01:00']);
  });

  it('names activity states as the French interface does, never by their code', () => {
    const catalogue = JSON.parse(readFileSync(join(__dirname, '../../../../../web/src/i18n/fr/session.json'), 'utf8')) as { activityState: Record<string, string> };
    expect(ACTIVITY_STATE_LABEL).toEqual(catalogue.activityState);
    expect(activityStateLabel('report_back')).toBe('Restitution');
    expect(activityStateLabel('unheard_of')).toBe('—');
  });
});
