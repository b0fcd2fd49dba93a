import ExcelJS from 'exceljs';
import { Gender, MemberCategory, ParticipantRole, TerritoryType, type OutcomeExport } from '@palabre/contracts';
import { activityStateLabel, CATEGORY_LABEL, countText, GENDER_LABEL, KIND_LABEL, localIso, ROLE_LABEL, STATUS_LABEL, TERRITORY_LABEL } from './labels';

type Cell = string | number | boolean | null;

/** A summary sheet (session, agenda, attendance, breakdowns) then one sheet per activity. */
export async function renderXlsx(doc: OutcomeExport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Palabre';
  book.title = doc.session.title;
  const used = new Set<string>();
  const summary = book.addWorksheet(sheetName('Synthèse', used));
  const s = doc.session;
  const a = doc.attendance;
  const w = writer(summary);
  w.block('Séance', ['Titre', 'Date', 'Code', 'Assemblée', 'Statut'], [[s.title, s.date, s.joinCode, s.assembly, STATUS_LABEL[doc.export.status]]]);
  w.block('Ordre du jour', ['N°', 'Activité', 'Type', 'État', 'Début', 'Fin'], doc.agenda.map((x) => [x.position + 1, x.title, KIND_LABEL[x.kind], activityStateLabel(x.state), localIso(x.startedAt, doc.export.timeZone), localIso(x.endedAt, doc.export.timeZone)]));
  w.block('Participation', ['Invités', 'Présents', 'Taux de participation'], [[a.invited, a.present, a.turnout]]);
  w.block('Présents par rôle', ['Rôle', 'Présents'], ParticipantRole.options.map((r) => [ROLE_LABEL[r], a.byRole[r]]));
  w.block('Par type de territoire', ['Type de territoire', 'Membres présents'], TerritoryType.options.map((t) => [TERRITORY_LABEL[t], cellValue(countText(a.breakdown.territoryType[t]))]));
  w.block('Par catégorie', ['Catégorie', 'Membres présents'], MemberCategory.options.map((c) => [CATEGORY_LABEL[c], cellValue(countText(a.breakdown.category[c]))]));
  w.block('Par genre', ['Genre', 'Membres présents'], Gender.options.map((g) => [GENDER_LABEL[g], cellValue(countText(a.breakdown.gender[g]))]));
  if (a.turnout !== null) summary.getCell(`C${findRow(summary, 'Taux de participation') + 1}`).numFmt = '0.0%';

  for (const section of doc.sections) {
    const sheet = book.addWorksheet(sheetName(section.title, used));
    const sw = writer(sheet);
    sw.block(`${KIND_LABEL[section.kind]} — ${section.title}`, ['Mode', 'Résumé'], [[section.anonymity === 'anonymous' ? 'anonyme' : section.anonymity === 'named' ? 'nominatif' : null, section.summary]]);
    for (const t of section.tables) {
      const after: Cell[][] = [...t.figures.map((f): Cell[] => [f.label, f.value]), ...(t.note ? [[t.note]] : [])];
      sw.block(`${t.title}${t.method ? ` — méthode : ${t.method}` : ''}`, t.columns, [...t.rows, ...after]);
    }
    if (section.ideas.length > 0) sw.block('Idées', ['Idée', 'Colonne', 'Soutiens', 'Commentaires'], section.ideas.map((i) => [i.text, i.column, i.supports, i.comments]));
    if (section.syntheses.length > 0) sw.block('Synthèses', ['Groupe', 'Synthèse'], section.syntheses.map((y) => [y.group, y.text]));
    if (section.questions.length > 0) sw.block('Questions', ['Question', 'Votes', 'Répondue', 'Réponse'], section.questions.map((q) => [q.text, q.upvotes, q.answered, q.answer]));
    for (const raw of section.raw.filter((r) => r.named)) sw.block(raw.title, raw.columns, raw.rows);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function writer(sheet: ExcelJS.Worksheet) {
  sheet.getColumn(1).width = 48;
  for (let c = 2; c <= 8; c++) sheet.getColumn(c).width = 18;
  return {
    block(title: string, columns: string[], rows: Cell[][]) {
      if (sheet.rowCount > 0) sheet.addRow([]);
      sheet.addRow([title]).font = { bold: true, size: 13 };
      const header = sheet.addRow(columns);
      header.font = { bold: true };
      header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } }));
      // Strings are written as strings: exceljs makes a formula only of a { formula } object.
      for (const row of rows) sheet.addRow(row);
    },
  };
}

function cellValue(text: string): Cell {
  const n = Number(text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));
  return Number.isFinite(n) && /\d/.test(text) && !text.startsWith('<') ? n : text;
}

function findRow(sheet: ExcelJS.Worksheet, text: string): number {
  let found = 0;
  sheet.eachRow((row, n) => {
    if (row.values && (row.values as unknown[]).includes(text)) found = n;
  });
  return found;
}

/** Excel sheet names: 31 characters, none of \ / ? * [ ] :, unique in the workbook. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[\\/?*[\]:]/g, ' ').trim().slice(0, 28) || 'Activité';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27 - String(i).length)} (${i})`;
  used.add(name.toLowerCase());
  return name;
}
