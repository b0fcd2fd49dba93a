import type { ActivityKind, CountCell, ExportFormat, ExportStatus, Gender, MemberCategory, ParticipantRole, TerritoryType } from '@palabre/contracts';

/** French labels of the outcomes documents (minutes are written for a French assembly). */
export const KIND_LABEL: Record<ActivityKind, string> = { survey: 'Questionnaire', board: "Mur d’idées", qna: 'Questions-réponses', groups: 'Groupes de travail', opinions: 'Carte des opinions', floor: 'Liste des orateurs', amendments: 'Texte amendé' };
export const ROLE_LABEL: Record<ParticipantRole, string> = { member: 'Membres', facilitator: 'Animation', organiser: 'Organisation', observer: 'Écrans et observateurs' };
export const TERRITORY_LABEL: Record<TerritoryType, string> = {
  metropole: 'Métropole',
  agglomeration: "Communauté d’agglomération ou urbaine",
  territoire_projet: 'Territoire de projet (pays, PNR, PETR)',
  bourg_centre: 'Commune (bourg-centre)',
};
export const CATEGORY_LABEL: Record<MemberCategory, string> = { elu: 'Élu·e·s', citoyen: 'Citoyen·ne·s' };
export const GENDER_LABEL: Record<Gender, string> = { femme: 'Femmes', homme: 'Hommes', autre: 'Autre' };
/**
 * Activity states as the French interface names them (apps/web/src/i18n/fr/session.json,
 * `activityState`; render.spec checks they agree). A state missing here is printed as « — »,
 * never as its English code.
 */
export const ACTIVITY_STATE_LABEL: Record<string, string> = {
  draft: 'À venir',
  open: 'Ouvert',
  live: 'En cours',
  closed: 'Clos',
  published: 'Résultats publiés',
  report_back: 'Restitution',
  locked: 'Clos',
};
export function activityStateLabel(state: string): string {
  return Object.hasOwn(ACTIVITY_STATE_LABEL, state) ? ACTIVITY_STATE_LABEL[state] : '—';
}
/**
 * The audit chain's event types as the minutes name them in French (the code stays beside it, for
 * whoever checks the minutes against the JSON export). A type missing here prints « — ».
 */
export const AUDIT_LABEL: Record<string, string> = {
  'session.created': 'Séance créée',
  'session.live': 'Séance ouverte',
  'session.closed': 'Séance close',
  'session.sealed': 'Séance scellée',
  'session.draft': 'Séance remise en préparation',
  'session.archived': 'Séance archivée',
  'roster.imported': 'Liste des membres importée',
  'participant.blocked': 'Contributions d’une personne suspendues',
  'participant.unblocked': 'Contributions d’une personne rétablies',
  'participant.confirmed': 'Identité d’une personne confirmée',
  'participant.merged': 'Doublon de participant fusionné',
  'participant.revoked': 'Accès d’une personne retiré',
  'participant.updated': 'Fiche d’une personne modifiée',
  'presence.confirmed': 'Présence confirmée',
  'room.quorum': 'Quorum fixé',
  'screen.opened': 'Écran de projection ouvert',
  'screen.paired': 'Écran de projection appairé',
  'screen.shown': 'Affichage du projecteur changé',
  'timer.extended': 'Minuteur prolongé',
  'timer.paused': 'Minuteur mis en pause',
  'timer.resumed': 'Minuteur relancé',
  'agenda.started': 'Point de l’ordre du jour lancé',
  'activity.created': 'Activité créée',
  'activity.updated': 'Activité modifiée',
  'activity.deleted': 'Activité supprimée',
  'activity.opened': 'Activité ouverte',
  'activity.closed': 'Activité close',
  'activity.reopened': 'Activité rouverte',
  'activity.autoClosed': 'Activité close à la fin du minuteur',
  'activity.closedWithSession': 'Activité close avec la séance',
  'survey.opened': 'Questionnaire ouvert',
  'survey.closed': 'Questionnaire clos',
  'survey.settings': 'Réglages d’un questionnaire',
  'survey.question.open': 'Vote ouvert sur une question',
  'survey.question.draft': 'Question remise en préparation',
  'survey.question.closed': 'Vote clos sur une question',
  'survey.question.published': 'Résultats d’une question publiés',
  'proxy.settings': 'Réglages des procurations',
  'proxy.recorded': 'Procuration enregistrée',
  'proxy.revoked': 'Procuration retirée',
  'proxy.lapsed': 'Procuration levée (mandant présent)',
  'proxy.requested': 'Procuration demandée par un membre',
  'proxy.request.approved': 'Demande de procuration acceptée',
  'proxy.request.declined': 'Demande de procuration refusée',
  'ballot.proxy': 'Vote par procuration',
  'ballot.assisted': 'Vote assisté',
  'paper.entered': 'Bulletins papier saisis',
  'paper.confirmed': 'Saisie papier confirmée',
  'rollcall.started': 'Appel nominal ouvert',
  'rollcall.passed': 'Appel nominal : membre sans réponse',
  'ballot.rollcall': 'Vote à l’appel nominal',
  'board.settings': 'Réglages d’un mur d’idées',
  'board.supportsRevealed': 'Soutiens révélés',
  'board.opened': 'Mur d’idées ouvert',
  'board.locked': 'Mur d’idées verrouillé',
  'board.unlocked': 'Mur d’idées déverrouillé',
  'idea.approved': 'Idée publiée par la modération',
  'idea.rejected': 'Idée refusée par la modération',
  'idea.hidden': 'Idée masquée',
  'idea.restored': 'Idée rétablie',

  'idea.pinned': 'Idée épinglée',
  'idea.unpinned': 'Idée désépinglée',
  'idea.corrected': 'Idée corrigée',
  'idea.merged': 'Idées fusionnées',
  'opinions.proposed': 'Affirmation écrite (carte des opinions)',
  'opinions.promoted': 'Idées reprises en affirmations',
  'opinions.approve': 'Affirmation validée par la modération',
  'opinions.reject': 'Affirmation refusée par la modération',
  'opinions.hide': 'Affirmation masquée',
  'opinions.restore': 'Affirmation rétablie',
  'idea.tagged': 'Idée étiquetée',
  'comment.deleted': 'Commentaire supprimé',
  'qna.asked': 'Question posée',
  'qna.configured': 'Réglages des questions-réponses',
  'qna.merged': 'Questions fusionnées',
  'qna.approve': 'Question du public publiée par la modération',
  'qna.reject': 'Question du public refusée',
  'qna.hide': 'Question du public masquée',
  'qna.restore': 'Question du public rétablie',
  'qna.markAnswering': 'Question du public mise à l’écran',
  'qna.markAnswering.released': 'Question du public retirée de l’écran',
  'qna.markAnswered': 'Question du public marquée comme traitée',
  'floor.requested': 'Parole demandée',
  'floor.withdrawn': 'Demande de parole retirée',
  'floor.added': 'Orateur inscrit par la présidence',
  'floor.moved': 'Orateur déplacé dans la liste (dérogation)',
  'floor.given': 'Parole donnée',
  'floor.timer.start': 'Temps de parole lancé',
  'floor.timer.pause': 'Temps de parole mis en pause',
  'floor.timer.extend': 'Temps de parole prolongé',
  'floor.timer.end': 'Intervention terminée',
  'group.seeded': 'Groupes de travail préparés',
  'group.imported': 'Répartition dans les groupes importée',
  'group.auto_assigned': 'Répartition automatique dans les groupes',
  'group.member_moved': 'Membre changé de groupe',
  'group.rapporteur_set': 'Rapporteur·e désigné·e',
  'groups.live': 'Groupes de travail lancés',
  'groups.report_back': 'Restitution ouverte',
  'groups.report_back_opened': 'Restitution ouverte',
  'groups.reportBackOpened': 'Restitution ouverte',
  'groups.closed': 'Groupes de travail clos',
  'groups.final_survey_created': 'Questionnaire final des groupes créé',
  'synthesis.draft': 'Synthèse remise en rédaction',
  'synthesis.submitted': 'Synthèse soumise pour validation',
  'synthesis.validated': 'Synthèse validée',
  'export.generated': 'Export généré',
  'archive.published': 'Archive rendue publique',
  'archive.unpublished': 'Archive retirée du public',
  'archive.pseudonymised': 'Archive pseudonymisée',
};
export function auditLabel(type: string): string {
  return Object.hasOwn(AUDIT_LABEL, type) ? AUDIT_LABEL[type] : '—';
}

export const STATUS_LABEL: Record<ExportStatus, string> = { draft: 'Projet — séance en cours', final: 'Version définitive — séance close', sealed: 'Version scellée — archive' };

/** U+202F: the narrow no-break space French typography puts before ; : ! ? % and inside « ». */
export const NNBSP = '\u202f';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 3 décembre 2026 » from an ISO date (no time zone games: the date is a calendar date). */
export function frenchDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}

// Intl formatters are costly to build: one per time zone for the process.
const TIME = new Map<string, Intl.DateTimeFormat>();
const OFFSET = new Map<string, Intl.DateTimeFormat>();
const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const formatter = (cache: Map<string, Intl.DateTimeFormat>, zone: string, opts: Intl.DateTimeFormatOptions) => {
  let f = cache.get(zone);
  if (!f) cache.set(zone, (f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', ...opts })));
  return f;
};
const part = (parts: Intl.DateTimeFormatPart[], type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';

/** « 14 h 05 » in the display zone (TZ_DISPLAY, Europe/Paris by default), as French documents write times. */
export function frenchTime(iso: string | null, zone: string): string {
  if (!iso) return '—';
  const parts = formatter(TIME, zone, { hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(iso));
  return `${Number(part(parts, 'hour'))}\u00a0h\u00a0${part(parts, 'minute')}`;
}

/** « 2026-12-03T14:05:00+01:00 »: the local time in the display zone with its offset, for spreadsheets. */
export function localIso(iso: string | null, zone: string): string | null {
  if (!iso) return null;
  const parts = formatter(OFFSET, zone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset' }).formatToParts(new Date(iso));
  const offset = part(parts, 'timeZoneName').replace('GMT', '') || '+00:00';
  return `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}T${part(parts, 'hour')}:${part(parts, 'minute')}:${part(parts, 'second')}${offset}`;
}

/** The calendar date in the display zone (a document generated at 00:30 in Paris is dated that day). */
export function localDate(iso: string, zone: string): string {
  return (localIso(iso, zone) ?? iso).slice(0, 10);
}

export function frenchNumber(value: number): string {
  return NUMBER.format(value).replace(/[\u00a0\u202f]/g, NNBSP);
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
