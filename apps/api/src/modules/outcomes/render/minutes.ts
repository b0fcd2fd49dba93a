import { Gender, MAJORITY_GRADES, MemberCategory, ParticipantRole, TerritoryType, type ChartScore, type OutcomeExport, type OutcomeSection, type OutcomeTable, type ResultChart } from '@palabre/contracts';
import { gradeColours } from '@palabre/domain';
import {
  activityStateLabel, auditLabel, CATEGORY_LABEL, cellText, countText, frenchDate, frenchNumber, frenchPercent, frenchTime, GENDER_LABEL, KIND_LABEL, label, localDate, NNBSP, ROLE_LABEL, STATUS_LABEL, TERRITORY_LABEL,
} from './labels';

/** A merit profile drawn in a table cell: ballots per grade, best first, each grade in its colour. */
export interface ProfileCell {
  type: 'profile';
  segments: number[];
  total: number;
  colours: readonly string[];
  /** What the bar says, for readers who cannot see it (alternative text). */
  text: string;
}
export type TableCell = string | ProfileCell;

/** One bar of a chart; `segments` stack grades (merit profile), otherwise one bar of `value`. */
export interface ChartItem {
  label: string;
  value: number;
  text: string;
}

/** The minutes as a list of neutral blocks: the PDF and DOCX writers only lay them out. */
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; muted?: boolean }
  | { type: 'table'; columns: string[]; rows: TableCell[][]; numeric?: boolean[] }
  | { type: 'chart'; items: ChartItem[]; max: number; caption: string; alt: string }
  | { type: 'legend'; items: { label: string; colour: string }[]; caption: string }
  | { type: 'pagebreak' };

export interface Minutes {
  cover: { kicker: string; title: string; lines: string[] };
  blocks: Block[];
}

const TOP_IDEAS = 10;

/** What a chart's bars count, named under the chart after the method. */
const SCORE_CAPTION: Record<ChartScore, string> = {
  votes: 'nombre de voix',
  borda_points: 'points Borda (plus de points = mieux classé)',
  points: 'total des points attribués',
  answers: 'nombre de réponses citant le mot',
};

export function buildMinutes(doc: OutcomeExport): Minutes {
  const blocks: Block[] = [];
  const session = doc.session;
  const zone = doc.export.timeZone;
  blocks.push({ type: 'heading', level: 1, text: 'Ordre du jour' });
  blocks.push(
    doc.agenda.length === 0
      ? { type: 'paragraph', text: 'Aucune activité.', muted: true }
      : {
          type: 'table',
          columns: ['N°', 'Activité', 'Type', 'État', 'Début', 'Fin'],
          rows: doc.agenda.map((item, index) => [String(index + 1), item.title, KIND_LABEL[item.kind], activityStateLabel(item.state), frenchTime(item.startedAt, zone), frenchTime(item.endedAt, zone)]),
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
  if (types.length > 0) blocks.push({ type: 'table', columns: ['Événement', 'Code', 'Nombre'], rows: types.map(([type, count]) => [auditLabel(type), type, frenchNumber(count)]), numeric: [false, false, true] });
  return {
    cover: {
      kicker: session.assembly ?? 'Palabre',
      title: session.title,
      lines: [
        `Compte rendu — ${frenchDate(session.date)}`,
        STATUS_LABEL[doc.export.status],
        label(`Code de séance : ${session.joinCode}`),
        `Document généré le ${frenchDate(localDate(doc.export.generatedAt, zone))} à ${frenchTime(doc.export.generatedAt, zone)}`,
      ],
    },
    blocks,
  };
}

function attendance(doc: OutcomeExport): Block[] {
  const counts = doc.attendance;
  const breakdown = counts.breakdown;
  const blocks: Block[] = [{ type: 'heading', level: 1, text: 'Participation' }];
  blocks.push({
    type: 'paragraph',
    text: label(
      counts.invited > 0
        ? `${frenchNumber(counts.present)} membres présents. ${frenchNumber(Math.round((counts.turnout ?? 0) * counts.invited))} des ${frenchNumber(counts.invited)} membres invités ont rejoint la séance : taux de participation ${frenchPercent(counts.turnout)}.`
        : `${frenchNumber(counts.present)} membres présents (séance ouverte, sans liste d’invités).`,
    ),
  });
  // Proxies (issue #25): present, represented and voting members, separately.
  if (counts.represented !== undefined && counts.voting !== undefined) {
    blocks.push({ type: 'paragraph', text: label(`${frenchNumber(counts.present)} membres présents, ${frenchNumber(counts.represented)} représentés par une procuration : ${frenchNumber(counts.voting)} membres pouvant voter.`) });
  }
  blocks.push({ type: 'table', columns: ['Rôle', 'Présents'], rows: ParticipantRole.options.map((role) => [ROLE_LABEL[role], frenchNumber(counts.byRole[role])]), numeric: [false, true] });
  const dims: [string, [string, string][]][] = [
    ['Type de territoire', TerritoryType.options.map((type) => [TERRITORY_LABEL[type], countText(breakdown.territoryType[type])])],
    ['Catégorie', MemberCategory.options.map((category) => [CATEGORY_LABEL[category], countText(breakdown.category[category])])],
    ['Genre', Gender.options.map((gender) => [GENDER_LABEL[gender], countText(breakdown.gender[gender])])],
  ];
  for (const [title, rows] of dims) {
    blocks.push({ type: 'heading', level: 3, text: `Membres présents par ${title.toLowerCase()}` });
    blocks.push({ type: 'table', columns: [title, 'Présents'], rows, numeric: [false, true] });
  }
  blocks.push({ type: 'paragraph', text: label(`Les groupes de moins de ${breakdown.minCell} personnes sont masqués (« <${breakdown.minCell} ») pour que personne ne puisse être identifié.`), muted: true });
  return blocks;
}

function sectionBlocks(section: OutcomeSection): Block[] {
  const blocks: Block[] = [{ type: 'heading', level: 2, text: `${KIND_LABEL[section.kind]} — ${section.title}` }];
  if (section.anonymity) blocks.push({ type: 'paragraph', text: section.anonymity === 'anonymous' ? 'Vote anonyme.' : 'Vote nominatif.', muted: true });
  if (section.summary) blocks.push({ type: 'paragraph', text: section.summary });
  for (const table of section.tables) blocks.push(...tableBlocks(table));
  if (section.ideas.length > 0) {
    const top = [...section.ideas].slice(0, TOP_IDEAS);
    blocks.push({ type: 'heading', level: 3, text: 'Idées les plus soutenues' });
    blocks.push({
      type: 'table',
      columns: ['Idée', 'Colonne', 'Soutiens', 'Commentaires'],
      rows: top.map((idea) => [idea.text, idea.column ?? '—', frenchNumber(idea.supports), frenchNumber(idea.comments)]),
      numeric: [false, false, true, true],
    });
  }
  for (const synthesis of section.syntheses) {
    blocks.push({ type: 'heading', level: 3, text: label(`Synthèse du groupe « ${synthesis.group} »`) });
    blocks.push({ type: 'paragraph', text: synthesis.text });
    if (synthesis.author) blocks.push({ type: 'paragraph', text: `Rapporteur·e${NNBSP}: ${synthesis.author}`, muted: true });
  }
  if (section.questions.length > 0) {
    blocks.push({ type: 'heading', level: 3, text: 'Questions posées' });
    blocks.push({
      type: 'table',
      columns: ['Question', 'Votes', 'Réponse'],
      rows: section.questions.map((question) => [question.text, frenchNumber(question.upvotes), question.answered ? (question.answer ?? 'Répondue en séance') : 'Sans réponse']),
      numeric: [false, true, false],
    });
  }
  return blocks;
}

/** A results table, its key figures and its chart, which plots the method's own score. */
function tableBlocks(table: OutcomeTable): Block[] {
  const blocks: Block[] = [{ type: 'heading', level: 3, text: table.title }];
  if (table.method) blocks.push({ type: 'paragraph', text: label(`Méthode : ${table.method}`), muted: true });
  const chart = table.chart;
  if (chart?.layout === 'merit_profile' && chart.gradeCount !== null) {
    blocks.push(...meritProfile(chart, chart.gradeCount, table.method));
  } else {
    blocks.push({ type: 'table', columns: table.columns, rows: table.rows.map((row) => row.map(cellText)), numeric: table.rows[0]?.map((cell) => typeof cell === 'number') });
  }
  if (table.figures.length > 0) blocks.push({ type: 'paragraph', text: table.figures.map((figure) => `${figure.label}${NNBSP}: ${cellText(figure.value)}`).join(' · ') });
  if (table.note) blocks.push({ type: 'paragraph', text: table.note, muted: true });
  if (chart && chart.layout !== 'merit_profile' && chart.bars.length > 0) blocks.push(barChart(chart, table.method));
  return blocks;
}

function barChart(chart: ResultChart, method: string | null): Block {
  const items = chart.bars.map((bar) => ({ label: bar.rank === null || chart.layout === 'words' ? bar.label : `${bar.rank}. ${bar.label}`, value: bar.value, text: frenchNumber(bar.value) }));
  const stats = chart.mean !== null || chart.median !== null ? ` ; moyenne ${cellText(chart.mean)}, médiane ${cellText(chart.median)}` : '';
  const caption = `${method ?? 'Résultats'} — ${SCORE_CAPTION[chart.score]}${stats}`;
  return { type: 'chart', items, max: chart.max, caption, alt: `Graphique en barres. ${caption}. ${items.map((item) => `${item.label}${NNBSP}: ${item.text}`).join(' ; ')}.` };
}

/** Majority judgment: rank, option, majority grade, then the merit profile as one stacked bar per option. */
function meritProfile(chart: ResultChart, gradeCount: 6 | 7, method: string | null): Block[] {
  const grades = MAJORITY_GRADES[gradeCount].fr;
  const colours = gradeColours(gradeCount);
  const rows: TableCell[][] = chart.bars.map((bar) => {
    const segments = bar.segments ?? [];
    const total = segments.reduce((sum, segment) => sum + segment, 0);
    const text = segments.map((segment, grade) => `${grades[grade]} ${frenchPercent(total > 0 ? segment / total : 0)}`).join(', ');
    return [bar.rank === null ? '—' : String(bar.rank), bar.label, bar.majorityGrade === null ? '—' : grades[bar.majorityGrade], { type: 'profile', segments, total, colours, text }];
  });
  return [
    { type: 'table', columns: ['Rang', 'Choix', 'Mention majoritaire', 'Profil de mérite'], rows, numeric: [true, false, false, false] },
    {
      type: 'legend',
      items: grades.map((grade, index) => ({ label: grade, colour: colours[index] })),
      caption: `${method ?? 'Jugement majoritaire'} — profil de mérite : part des votants ayant donné chaque mention, de la meilleure (à gauche) à la moins bonne ; la mention majoritaire est celle qui couvre le milieu de la barre`,
    },
  ];
}
