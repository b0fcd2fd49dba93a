/**
 * The opinion map's view logic, pure: how events change a map's view, which statement a member
 * answers next, what their group agrees with most (from the map's agreements, all a phone gets
 * of it), and where the dots go on the projector.
 */
import type { IdeaView, OpinionAgreements, OpinionAnswerResult, OpinionStatementStatus, OpinionMapView, OpinionStatementView, OpinionsActivityView, OpinionsSnapshot, OpinionVote } from '@palabre/contracts';

export const EMPTY_OPINIONS: OpinionsSnapshot = { activities: {} };

/** The votes in the order of the phone's buttons. */
export const VOTES: readonly OpinionVote[] = ['agree', 'disagree', 'pass'];

/** A statement added or changed (`opinions.statement.updated`). Members keep only what is on the map (and their own pending statements). */
export function withStatement(view: OpinionsActivityView, statement: OpinionStatementView, staff: boolean): OpinionsActivityView {
  const kept = staff || statement.status === 'visible' || statement.status === 'pending';
  const known = view.statements.some((s) => s.id === statement.id);
  const statements = !kept
    ? view.statements.filter((s) => s.id !== statement.id)
    : known
      ? view.statements.map((s) => (s.id === statement.id ? statement : s))
      : [...view.statements, statement];
  return { ...view, statements, next: nextStatement({ ...view, statements }) };
}

/** The member's own answer, from the ack: the server's next statement (fewest answers first) comes with it. */
export function withAnswer(view: OpinionsActivityView, result: OpinionAnswerResult): OpinionsActivityView {
  return { ...view, myAnswers: { ...view.myAnswers, [result.statementId]: result.vote }, next: result.next };
}

/**
 * The statement to answer: the server's choice while it is still visible and unanswered; else
 * (it was hidden, or a first statement just appeared) the oldest visible unanswered one, until
 * the next ack brings the server's order back.
 */
export function nextStatement(view: Pick<OpinionsActivityView, 'statements' | 'myAnswers' | 'next'>): string | null {
  const open = (id: string | null) => id !== null && !view.myAnswers[id] && view.statements.some((s) => s.id === id && s.status === 'visible');
  if (open(view.next)) return view.next;
  return view.statements.find((s) => open(s.id))?.id ?? null;
}

/** How far a member is: answered visible statements over visible statements. */
export function progress(view: Pick<OpinionsActivityView, 'statements' | 'myAnswers'>): { answered: number; total: number } {
  const visible = view.statements.filter((s) => s.status === 'visible');
  return { answered: visible.filter((s) => view.myAnswers[s.id]).length, total: visible.length };
}

export interface GroupAgreement {
  statementId: string;
  text: string;
  /** Share of the group that agrees (0..1). */
  share: number;
}

export interface AssemblyConsensus extends GroupAgreement {
  /** Whether the assembly agrees or disagrees with it. */
  direction: 'agree' | 'disagree';
}

/** The visible statements' text by id: what the phone can still show (a statement hidden since the map was computed is not). */
function visibleText(statements: readonly OpinionStatementView[]): Map<string, string> {
  return new Map(statements.filter((s) => s.status === 'visible').map((s) => [s.id, s.text]));
}

/**
 * "Your group agrees most with…", from the map's agreements (the server's `opinionAgreements`:
 * highest share first, ties by statement id), with the statements' text.
 */
export function groupAgreesMost(agreements: OpinionAgreements | null, group: number | null, statements: readonly OpinionStatementView[]): GroupAgreement[] {
  if (!agreements || group === null) return [];
  const textOf = visibleText(statements);
  return (agreements.groups.find((g) => g.index === group)?.agreesMost ?? [])
    .filter((a) => textOf.has(a.statementId))
    .map((a) => ({ statementId: a.statementId, text: textOf.get(a.statementId)!, share: a.share }));
}

/** How many members the group has on the last map (0 when it is not on it). */
export function groupSize(agreements: OpinionAgreements | null, group: number | null): number {
  return (group !== null && agreements?.groups.find((g) => g.index === group)?.size) || 0;
}

/** What unites the assembly, strongest first, with the statements' text. */
export function assemblyConsensus(agreements: OpinionAgreements | null, statements: readonly OpinionStatementView[]): AssemblyConsensus[] {
  const textOf = visibleText(statements);
  return (agreements?.consensus ?? [])
    .filter((c) => textOf.has(c.statementId))
    .map((c) => ({ statementId: c.statementId, text: textOf.get(c.statementId)!, share: c.share, direction: c.direction }));
}

/** A group's name on every screen: « A », « B »… (groups are numbered largest first). */
export function groupLetter(index: number): string {
  return String.fromCharCode(65 + (index % 26));
}

/** Colours and shapes for up to five groups: the shape tells the groups apart without colour. */
export const GROUP_STYLES = [
  { colour: '#1d3f8f', shape: 'circle' },
  { colour: '#b3550a', shape: 'square' },
  { colour: '#14522b', shape: 'triangle' },
  { colour: '#7a1f6e', shape: 'diamond' },
  { colour: '#5c3b00', shape: 'cross' },
] as const;
export type GroupShape = (typeof GROUP_STYLES)[number]['shape'];

export function groupStyle(index: number): (typeof GROUP_STYLES)[number] {
  return GROUP_STYLES[index % GROUP_STYLES.length];
}

/** The dots scaled into a square viewBox of `size` with a margin; a single spot sits in the middle. */
export function layoutPoints(points: OpinionMapView['points'], size = 100, margin = 8): { x: number; y: number; group: number }[] {
  if (points.length === 0) return [];
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // One scale for both axes keeps the distances the PCA found.
  const span = Math.max(maxX - minX, maxY - minY);
  const inner = size - 2 * margin;
  const place = (v: number, min: number, max: number) => (span === 0 ? size / 2 : margin + (v - min) / span * inner + (inner - (max - min) / span * inner) / 2);
  return points.map((p) => ({ x: round2(place(p.x, minX, maxX)), y: round2(place(p.y, minY, maxY)), group: p.group }));
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** « 72 % » */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** The text of a statement, or null when the viewer does not have it (hidden since the map was computed). */
export function statementText(statements: readonly OpinionStatementView[], id: string): string | null {
  return statements.find((s) => s.id === id)?.text ?? null;
}

/** The moderation buttons a statement offers, by its status (the server's transitions). */
export function moderationActions(status: OpinionStatementStatus): ('approve' | 'reject' | 'hide' | 'restore')[] {
  switch (status) {
    case 'pending':
      return ['approve', 'reject'];
    case 'visible':
      return ['hide'];
    default:
      return ['restore'];
  }
}

/** The ideas of a board that may become statements: visible and not merged into another. */
export function promotableIdeas(ideas: readonly IdeaView[] | undefined): IdeaView[] {
  return (ideas ?? []).filter((i) => i.status === 'visible' && !i.mergedInto);
}
