import type { ActivityKind, CountCell, ExportFormat, ExportStatus, Gender, MemberCategory, ParticipantRole, TerritoryType } from '@palabre/contracts';

/** French labels of the outcomes documents (minutes are written for a French assembly). */
export const KIND_LABEL: Record<ActivityKind, string> = { survey: 'Questionnaire', board: "Mur d’idées", qna: 'Questions-réponses', groups: 'Groupes de travail' };
export const ROLE_LABEL: Record<ParticipantRole, string> = { member: 'Membres', facilitator: 'Animation', organiser: 'Organisation', observer: 'Écrans et observateurs' };
export const TERRITORY_LABEL: Record<TerritoryType, string> = {
  metropole: 'Métropole',
  agglomeration: "Communauté d’agglomération ou urbaine",
  territoire_projet: 'Territoire de projet (pays, PNR, PETR)',
  bourg_centre: 'Commune (bourg-centre)',
};
export const CATEGORY_LABEL: Record<MemberCategory, string> = { elu: 'Élu·e·s', citoyen: 'Citoyen·ne·s' };
export const GENDER_LABEL: Record<Gender, string> = { femme: 'Femmes', homme: 'Hommes', autre: 'Autre' };
export const STATUS_LABEL: Record<ExportStatus, string> = { draft: 'Projet — séance en cours', final: 'Version définitive — séance close', sealed: 'Version scellée — archive' };

/** U+202F: the narrow no-break space French typography puts before ; : ! ? % and inside « ». */
export const NNBSP = '\u202f';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 3 décembre 2026 » from an ISO date (no time zone games: the date is a calendar date). */
export function frenchDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}

/** « 14 h 05 », Paris time. */
// Intl formatters are costly to build: one each for the process.
const TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

export function frenchTime(iso: string | null): string {
  if (!iso) return '—';
  const parts = TIME.formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${Number(get('hour'))}\u00a0h\u00a0${get('minute')}`;
}

export function frenchNumber(n: number): string {
  return NUMBER.format(n).replace(/[\u00a0\u202f]/g, NNBSP);
}

export function frenchPercent(ratio: number | null): string {
  return ratio === null ? '—' : `${frenchNumber(Math.round(ratio * 1000) / 10)}${NNBSP}%`;
}

/** Our own labels get French spacing; user text is never rewritten. */
export function label(text: string): string {
  return text.replace(/ ([:;!?])/g, `${NNBSP}$1`).replace(/« /g, `«${NNBSP}`).replace(/ »/g, `${NNBSP}»`);
}

export function cellText(value: string | number | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return frenchNumber(value);
  return value;
}

export function countText(cell: CountCell): string {
  return cell.hidden ? (cell.count ?? 'masqué') : frenchNumber(cell.count);
}

/** « compte-rendu_seance-pleniere_2026-12-03.pdf » — ASCII fallback and the UTF-8 original. */
export function exportFileName(title: string, date: string, format: ExportFormat, activityTitle?: string): { ascii: string; utf8: string } {
  const base = `${format === 'pdf' || format === 'docx' ? 'Compte rendu' : 'Résultats'} — ${title}${activityTitle ? ` — ${activityTitle}` : ''} — ${date}.${format}`
    .replace(/[\\/:*?"<>|\r\n]+/g, ' ')
    .slice(0, 180);
  const ascii = base.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '-').replace(/"/g, "'");
  return { ascii, utf8: base };
}

export function contentDisposition(name: { ascii: string; utf8: string }): string {
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}`;
}
