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
  return rows.map((r) => r.map(csvField).join(';')).join('\r\n');
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
  const s = doc.session;
  const zone = doc.export.timeZone;
  block('Séance', ['Titre', 'Date', 'Code', 'Assemblée', 'Statut'], [[s.title, s.date, s.joinCode, s.assembly, STATUS_LABEL[doc.export.status]]]);
  block('Ordre du jour', ['Position', 'Activité', 'Type', 'État', 'Début', 'Fin'], doc.agenda.map((a) => [a.position + 1, a.title, KIND_LABEL[a.kind], activityStateLabel(a.state), localIso(a.startedAt, zone), localIso(a.endedAt, zone)]));
  const a = doc.attendance;
  block('Participation', ['Invités', 'Présents', 'Taux'], [[a.invited, a.present, a.turnout]]);
  block('Présents par rôle', ['Rôle', 'Présents'], ParticipantRole.options.map((r) => [ROLE_LABEL[r], a.byRole[r]]));
  block('Membres présents par type de territoire', ['Type de territoire', 'Présents'], TerritoryType.options.map((t) => [TERRITORY_LABEL[t], countText(a.breakdown.territoryType[t])]));
  block('Membres présents par catégorie', ['Catégorie', 'Présents'], MemberCategory.options.map((c) => [CATEGORY_LABEL[c], countText(a.breakdown.category[c])]));
  block('Membres présents par genre', ['Genre', 'Présents'], Gender.options.map((g) => [GENDER_LABEL[g], countText(a.breakdown.gender[g])]));
  for (const section of doc.sections) {
    const where = `${KIND_LABEL[section.kind]} — ${section.title}`;
    for (const t of section.tables) {
      block(`${where} — ${t.title}${t.method ? ` (${t.method})` : ''}`, t.columns, t.rows);
      if (t.figures.length > 0) rows.push(...t.figures.map((f): Cell[] => [f.label, f.value]));
      if (t.note) rows.push([t.note]);
    }
    if (section.ideas.length > 0) block(`${where} — Idées`, ['Idée', 'Colonne', 'Soutiens', 'Commentaires'], section.ideas.map((i) => [i.text, i.column, i.supports, i.comments]));
    if (section.syntheses.length > 0) block(`${where} — Synthèses`, ['Groupe', 'Synthèse'], section.syntheses.map((y) => [y.group, y.text]));
    if (section.questions.length > 0) block(`${where} — Questions`, ['Question', 'Votes', 'Répondue', 'Réponse'], section.questions.map((q) => [q.text, q.upvotes, q.answered, q.answer]));
    // Row-level data only when it is named anyway: anonymous ballots are exported as aggregates.
    for (const raw of section.raw.filter((r) => r.named)) block(`${where} — ${raw.title}`, raw.columns, raw.rows);
  }
  return Buffer.concat([Buffer.from('\ufeff', 'utf8'), Buffer.from(`${csvLines(rows)}\r\n`, 'utf8')]);
}
