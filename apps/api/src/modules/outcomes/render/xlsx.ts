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
  const session = doc.session;
  const attendance = doc.attendance;
  const out = writer(summary);
  out.block('Séance', ['Titre', 'Date', 'Code', 'Assemblée', 'Statut'], [[session.title, session.date, session.joinCode, session.assembly, STATUS_LABEL[doc.export.status]]]);
  out.block('Ordre du jour', ['N°', 'Activité', 'Type', 'État', 'Début', 'Fin'], doc.agenda.map((item) => [item.position + 1, item.title, KIND_LABEL[item.kind], activityStateLabel(item.state), localIso(item.startedAt, doc.export.timeZone), localIso(item.endedAt, doc.export.timeZone)]));
  out.block('Participation', ['Invités', 'Présents', 'Taux de participation'], [[attendance.invited, attendance.present, attendance.turnout]]);
  out.block('Présents par rôle', ['Rôle', 'Présents'], ParticipantRole.options.map((role) => [ROLE_LABEL[role], attendance.byRole[role]]));
  out.block('Par type de territoire', ['Type de territoire', 'Membres présents'], TerritoryType.options.map((type) => [TERRITORY_LABEL[type], cellValue(countText(attendance.breakdown.territoryType[type]))]));
  out.block('Par catégorie', ['Catégorie', 'Membres présents'], MemberCategory.options.map((category) => [CATEGORY_LABEL[category], cellValue(countText(attendance.breakdown.category[category]))]));
  out.block('Par genre', ['Genre', 'Membres présents'], Gender.options.map((gender) => [GENDER_LABEL[gender], cellValue(countText(attendance.breakdown.gender[gender]))]));
  if (attendance.turnout !== null) summary.getCell(`C${findRow(summary, 'Taux de participation') + 1}`).numFmt = '0.0%';

  for (const section of doc.sections) {
    const sheet = book.addWorksheet(sheetName(section.title, used));
    const sw = writer(sheet);
    sw.block(`${KIND_LABEL[section.kind]} — ${section.title}`, ['Mode', 'Résumé'], [[section.anonymity === 'anonymous' ? 'anonyme' : section.anonymity === 'named' ? 'nominatif' : null, section.summary]]);
    for (const table of section.tables) {
      const after: Cell[][] = [...table.figures.map((figure): Cell[] => [figure.label, figure.value]), ...(table.note ? [[table.note]] : [])];
      sw.block(`${table.title}${table.method ? ` — méthode : ${table.method}` : ''}`, table.columns, [...table.rows, ...after]);
    }
    if (section.ideas.length > 0) sw.block('Idées', ['Idée', 'Colonne', 'Soutiens', 'Commentaires'], section.ideas.map((idea) => [idea.text, idea.column, idea.supports, idea.comments]));
    if (section.syntheses.length > 0) sw.block('Synthèses', ['Groupe', 'Synthèse'], section.syntheses.map((synthesis) => [synthesis.group, synthesis.text]));
    if (section.questions.length > 0) sw.block('Questions', ['Question', 'Votes', 'Répondue', 'Réponse'], section.questions.map((question) => [question.text, question.upvotes, question.answered, question.answer]));
    for (const raw of section.raw.filter((data) => data.named)) sw.block(raw.title, raw.columns, raw.rows);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function writer(sheet: ExcelJS.Worksheet) {
  sheet.getColumn(1).width = 48;
  for (let column = 2; column <= 8; column++) sheet.getColumn(column).width = 18;
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
  const number = Number(text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));
  return Number.isFinite(number) && /\d/.test(text) && !text.startsWith('<') ? number : text;
}

function findRow(sheet: ExcelJS.Worksheet, text: string): number {
  let found = 0;
  sheet.eachRow((row, rowNumber) => {
    if (row.values && (row.values as unknown[]).includes(text)) found = rowNumber;
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
