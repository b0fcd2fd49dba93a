import { Gender, MemberCategory, ParticipantRole, TerritoryType, type OutcomeExport } from '@palabre/contracts';
import { activityStateLabel, CATEGORY_LABEL, countText, GENDER_LABEL, KIND_LABEL, localIso, ROLE_LABEL, STATUS_LABEL, TERRITORY_LABEL } from './labels';

type Cell = string | number | boolean | null;

/**
 * RFC 4180 with `;` (French Excel's list separator) and a UTF-8 BOM so accents survive.
 * Numbers use a decimal comma; a cell starting with = + - @ is prefixed with ' so a
 * spreadsheet never runs user text as a formula.
 */
export function csvField(value: Cell): string {
  let text = value === null ? '' : typeof value === 'number' ? String(value).replace('.', ',') : typeof value === 'boolean' ? (value ? 'oui' : 'non') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLines(rows: Cell[][]): string {
  return rows.map((row) => row.map(csvField).join(';')).join('\r\n');
}

/**
 * One file, blocks separated by an empty line: each block a title line, a header line, its rows.
 * Times are local to the display zone with their offset (« 2026-12-03T14:05:00+01:00 »).
 */
export function renderCsv(doc: OutcomeExport): Buffer {
  const rows: Cell[][] = [];
  const block = (title: string, columns: string[], body: Cell[][]) => {
    if (rows.length > 0) rows.push([]);
    rows.push([title], columns, ...body);
  };
  const session = doc.session;
  const zone = doc.export.timeZone;
  block('Séance', ['Titre', 'Date', 'Code', 'Assemblée', 'Statut'], [[session.title, session.date, session.joinCode, session.assembly, STATUS_LABEL[doc.export.status]]]);
  block('Ordre du jour', ['Position', 'Activité', 'Type', 'État', 'Début', 'Fin'], doc.agenda.map((item) => [item.position + 1, item.title, KIND_LABEL[item.kind], activityStateLabel(item.state), localIso(item.startedAt, zone), localIso(item.endedAt, zone)]));
  const attendance = doc.attendance;
  block('Participation', ['Invités', 'Présents', 'Taux'], [[attendance.invited, attendance.present, attendance.turnout]]);
  block('Présents par rôle', ['Rôle', 'Présents'], ParticipantRole.options.map((role) => [ROLE_LABEL[role], attendance.byRole[role]]));
  block('Membres présents par type de territoire', ['Type de territoire', 'Présents'], TerritoryType.options.map((type) => [TERRITORY_LABEL[type], countText(attendance.breakdown.territoryType[type])]));
  block('Membres présents par catégorie', ['Catégorie', 'Présents'], MemberCategory.options.map((category) => [CATEGORY_LABEL[category], countText(attendance.breakdown.category[category])]));
  block('Membres présents par genre', ['Genre', 'Présents'], Gender.options.map((gender) => [GENDER_LABEL[gender], countText(attendance.breakdown.gender[gender])]));
  for (const section of doc.sections) {
    const where = `${KIND_LABEL[section.kind]} — ${section.title}`;
    for (const table of section.tables) {
      block(`${where} — ${table.title}${table.method ? ` (${table.method})` : ''}`, table.columns, table.rows);
      if (table.figures.length > 0) rows.push(...table.figures.map((figure): Cell[] => [figure.label, figure.value]));
      if (table.note) rows.push([table.note]);
    }
    if (section.ideas.length > 0) block(`${where} — Idées`, ['Idée', 'Colonne', 'Soutiens', 'Commentaires'], section.ideas.map((idea) => [idea.text, idea.column, idea.supports, idea.comments]));
    if (section.syntheses.length > 0) block(`${where} — Synthèses`, ['Groupe', 'Synthèse'], section.syntheses.map((synthesis) => [synthesis.group, synthesis.text]));
    if (section.questions.length > 0) block(`${where} — Questions`, ['Question', 'Votes', 'Répondue', 'Réponse'], section.questions.map((question) => [question.text, question.upvotes, question.answered, question.answer]));
    // Row-level data only when it is named anyway: anonymous ballots are exported as aggregates.
    for (const raw of section.raw.filter((data) => data.named)) block(`${where} — ${raw.title}`, raw.columns, raw.rows);
  }
  return Buffer.concat([Buffer.from('\ufeff', 'utf8'), Buffer.from(`${csvLines(rows)}\r\n`, 'utf8')]);
}
