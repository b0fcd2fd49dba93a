import { Gender, MemberCategory, ParticipantRole, TerritoryType, type OutcomeExport, type OutcomeSection } from '@palabre/contracts';
import { CATEGORY_LABEL, cellText, countText, frenchDate, frenchNumber, frenchPercent, frenchTime, GENDER_LABEL, KIND_LABEL, label, ROLE_LABEL, STATUS_LABEL, TERRITORY_LABEL } from './labels';

/** The minutes as a list of neutral blocks: the PDF and DOCX writers only lay them out. */
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; muted?: boolean }
  | { type: 'table'; columns: string[]; rows: string[][]; numeric?: boolean[] }
  | { type: 'bars'; items: { label: string; value: number }[] }
  | { type: 'pagebreak' };

export interface Minutes {
  cover: { kicker: string; title: string; lines: string[] };
  blocks: Block[];
}

const TOP_IDEAS = 10;

export function buildMinutes(doc: OutcomeExport): Minutes {
  const blocks: Block[] = [];
  const s = doc.session;
  blocks.push({ type: 'heading', level: 1, text: 'Ordre du jour' });
  blocks.push(
    doc.agenda.length === 0
      ? { type: 'paragraph', text: 'Aucune activité.', muted: true }
      : {
          type: 'table',
          columns: ['N°', 'Activité', 'Type', 'État', 'Début', 'Fin'],
          rows: doc.agenda.map((a, i) => [String(i + 1), a.title, KIND_LABEL[a.kind], a.state, frenchTime(a.startedAt), frenchTime(a.endedAt)]),
        },
  );
  blocks.push(...attendance(doc));
  for (const section of doc.sections) blocks.push(...sectionBlocks(section));
  blocks.push({ type: 'heading', level: 1, text: "Journal d’audit" });
  blocks.push({
    type: 'paragraph',
    text: label(`Le journal chaîné compte ${frenchNumber(doc.audit.length)} maillons ; empreinte de tête : ${doc.audit.head}.`),
  });
  const types = Object.entries(doc.audit.types).sort(([a], [b]) => a.localeCompare(b));
  if (types.length > 0) blocks.push({ type: 'table', columns: ['Événement', 'Nombre'], rows: types.map(([t, n]) => [t, frenchNumber(n)]), numeric: [false, true] });
  return {
    cover: {
      kicker: s.assembly ?? 'Palabre',
      title: s.title,
      lines: [`Compte rendu — ${frenchDate(s.date)}`, STATUS_LABEL[doc.export.status], label(`Code de séance : ${s.joinCode}`), `Document généré le ${frenchDate(doc.export.generatedAt)} à ${frenchTime(doc.export.generatedAt)}`],
    },
    blocks,
  };
}

function attendance(doc: OutcomeExport): Block[] {
  const a = doc.attendance;
  const b = a.breakdown;
  const blocks: Block[] = [{ type: 'heading', level: 1, text: 'Participation' }];
  blocks.push({
    type: 'paragraph',
    text: label(
      a.invited > 0
        ? `${frenchNumber(a.present)} membres présents sur ${frenchNumber(a.invited)} invités : taux de participation ${frenchPercent(a.turnout)}.`
        : `${frenchNumber(a.present)} membres présents (séance ouverte, sans liste d’invités).`,
    ),
  });
  blocks.push({ type: 'table', columns: ['Rôle', 'Présents'], rows: ParticipantRole.options.map((r) => [ROLE_LABEL[r], frenchNumber(a.byRole[r])]), numeric: [false, true] });
  const dims: [string, [string, string][]][] = [
    ['Type de territoire', TerritoryType.options.map((t) => [TERRITORY_LABEL[t], countText(b.territoryType[t])])],
    ['Catégorie', MemberCategory.options.map((c) => [CATEGORY_LABEL[c], countText(b.category[c])])],
    ['Genre', Gender.options.map((g) => [GENDER_LABEL[g], countText(b.gender[g])])],
  ];
  for (const [title, rows] of dims) {
    blocks.push({ type: 'heading', level: 3, text: `Membres présents par ${title.toLowerCase()}` });
    blocks.push({ type: 'table', columns: [title, 'Présents'], rows, numeric: [false, true] });
  }
  blocks.push({ type: 'paragraph', text: label(`Les groupes de moins de ${b.minCell} personnes sont masqués (« <${b.minCell} ») pour que personne ne puisse être identifié.`), muted: true });
  return blocks;
}

function sectionBlocks(section: OutcomeSection): Block[] {
  const blocks: Block[] = [{ type: 'heading', level: 2, text: `${KIND_LABEL[section.kind]} — ${section.title}` }];
  if (section.anonymity) blocks.push({ type: 'paragraph', text: section.anonymity === 'anonymous' ? 'Vote anonyme.' : 'Vote nominatif.', muted: true });
  if (section.summary) blocks.push({ type: 'paragraph', text: section.summary });
  for (const table of section.tables) {
    blocks.push({ type: 'heading', level: 3, text: table.title });
    if (table.method) blocks.push({ type: 'paragraph', text: label(`Méthode : ${table.method}`), muted: true });
    blocks.push({ type: 'table', columns: table.columns, rows: table.rows.map((r) => r.map(cellText)), numeric: table.rows[0]?.map((c) => typeof c === 'number') });
    const bars = chartOf(table.rows);
    if (bars) blocks.push({ type: 'bars', items: bars });
    if (table.note) blocks.push({ type: 'paragraph', text: table.note, muted: true });
  }
  if (section.ideas.length > 0) {
    const top = [...section.ideas].slice(0, TOP_IDEAS);
    blocks.push({ type: 'heading', level: 3, text: 'Idées les plus soutenues' });
    blocks.push({
      type: 'table',
      columns: ['Idée', 'Colonne', 'Soutiens', 'Commentaires'],
      rows: top.map((i) => [i.text, i.column ?? '—', frenchNumber(i.supports), frenchNumber(i.comments)]),
      numeric: [false, false, true, true],
    });
  }
  for (const synthesis of section.syntheses) {
    blocks.push({ type: 'heading', level: 3, text: `Synthèse du groupe « ${synthesis.group} »`.replace('« ', '«\u202f').replace(' »', '\u202f»') });
    blocks.push({ type: 'paragraph', text: synthesis.text });
    if (synthesis.author) blocks.push({ type: 'paragraph', text: `Rapporteur·e : ${synthesis.author}`.replace(' :', '\u202f:'), muted: true });
  }
  if (section.questions.length > 0) {
    blocks.push({ type: 'heading', level: 3, text: 'Questions posées' });
    blocks.push({
      type: 'table',
      columns: ['Question', 'Votes', 'Réponse'],
      rows: section.questions.map((q) => [q.text, frenchNumber(q.upvotes), q.answered ? (q.answer ?? 'Répondue en séance') : 'Sans réponse']),
      numeric: [false, true, false],
    });
  }
  return blocks;
}

/** A bar chart when a table is « label ; number » shaped (counts, scores, points). */
function chartOf(rows: (string | number | boolean | null)[][]): { label: string; value: number }[] | null {
  if (rows.length < 2 || rows.length > 15) return null;
  // The label is the first text cell (a rank column comes before the option's name).
  const items = rows.map((r) => ({ label: String(r.find((c) => typeof c === 'string') ?? r[0] ?? ''), value: r.at(-1) }));
  if (!items.every((i) => typeof i.value === 'number' && i.value >= 0)) return null;
  return items.map((i) => ({ label: i.label, value: i.value as number }));
}
