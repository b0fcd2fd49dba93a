import { Injectable } from '@nestjs/common';
import type { BallotBoardEntry, BallotBoardQuestion, BallotChannel, BallotValue, OutcomeRaw, OutcomeRecord, PublicBallotBoard, OutcomeSectionInput, OutcomeTable, PaperTotals, QuestionConfig } from '@palabre/contracts';
import { ballotParts, paperBallots, questionTurnout, receiptCode, tally } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from '../audit/hash-chain';
import { ballotText, resultsTable } from './survey-outcome-tables';
import { surveysRepository, type OutcomeRows } from './surveys.repository';

type SurveyRow = OutcomeRows['surveys'][number];
type QuestionRow = OutcomeRows['questions'][number];
type NamedRow = OutcomeRows['named'][number];
type PaperRow = OutcomeRows['paper'][number];
type ReceiptRow = OutcomeRows['receipts'][number];

/** How a ballot was cast, in the minutes (« mode de vote »). */
const CHANNEL_LABEL: Record<BallotChannel, string> = { device: 'Téléphone', proxy: 'Procuration', paper: 'Papier', assisted: 'Vote assisté' };
type AnonymousRow = OutcomeRows['anonymous'][number];

/** The published ballots of an anonymous question: value and commitment, sorted by commitment (random, and deterministic for the seal). */
export function ballotBoard(rows: readonly { commitment: string; value: BallotValue }[]): BallotBoardEntry[] {
  return rows.map((r) => ({ commitment: r.commitment, receipt: receiptCode(r.commitment), value: r.value })).sort(byKey((e) => e.commitment));
}

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * The survey sections of the outcomes: per question the `tally()` table, the turnout, the
 * inputs to recompute it, and the named ballots (named surveys only). Deterministic: sealing
 * hashes the result. Anonymous ballots are sorted by their own content, so their order says
 * nothing about who cast them or when; their ballot board (value + commitment) is in the
 * sealed record, so the seal digest covers it.
 */
@Injectable()
export class SurveyOutcomes {
  async sections(sessionId: string, manager: EntityManager): Promise<OutcomeSectionInput[]> {
    const rows = await surveysRepository.outcomeRows(manager, sessionId);
    if (!rows) return [];
    const { surveys, questions, named, anonymous, paper, receipts } = rows;
    return surveys.map((survey) => this.section(survey, questions.filter((q) => q.activity_id === survey.id), named, anonymous, paper, receipts));
  }

  private section(survey: SurveyRow, questions: QuestionRow[], named: NamedRow[], anonymous: AnonymousRow[], paper: PaperRow[] = [], receipts: ReceiptRow[] = []): OutcomeSectionInput {
    const isNamed = survey.anonymity === 'named';
    const tables: OutcomeTable[] = [];
    const raw: OutcomeRaw[] = [];
    const recompute: { questionId: string; prompt: string; present: number | null; config: QuestionConfig; ballots: BallotValue[]; board?: BallotBoardEntry[]; paperTotals?: PaperTotals[] }[] = [];
    const channelRows: (string | number)[][] = [];
    for (const q of questions) {
      const rows = isNamed ? named.filter((b) => b.question_id === q.id) : [];
      const ballots = isNamed
        ? rows.map((b) => b.value)
        : anonymous.filter((b) => b.question_id === q.id).map((b) => b.value).sort(byKey(canonicalJson));
      // Confirmed paper totals count as ballots of the same tally (libs/domain paperBallots).
      const entries = paper.filter((e) => e.question_id === q.id);
      const paperTotals = entries.flatMap((e) => (e.totals ? [e.totals] : []));
      const counted = [...ballots, ...paperTotals.flatMap((t) => paperBallots(q.config, t))];
      // Members present at the close, never fewer than the voters (one rule: libs/domain questionTurnout).
      const turnout = questionTurnout(counted.length, q.present_at_close);
      const present = turnout.present;
      const results = tally(q.config, counted, present === null ? {} : { present });
      tables.push(resultsTable(q.prompt, q.config, results, turnout));
      const channels = isNamed ? rows.map((b) => b.channel) : receipts.filter((r) => r.question_id === q.id).map((r) => r.channel);
      const parts = ballotParts(channels, counted.length - ballots.length);
      if (!isNamed) parts.device = Math.max(0, ballots.length - parts.proxy - parts.assisted);
      if (parts.proxy + parts.assisted + parts.paper > 0) channelRows.push([q.prompt, parts.device, parts.proxy, parts.assisted, parts.paper, counted.length]);
      // Anonymous: the ballot board, each ballot with its commitment, ordered by commitment (a random order).
      const board = isNamed ? undefined : ballotBoard(anonymous.filter((b) => b.question_id === q.id));
      recompute.push({ questionId: q.id, prompt: q.prompt, present, config: q.config, ballots, ...(board ? { board } : {}), ...(paperTotals.length > 0 ? { paperTotals } : {}) });
      if (isNamed) {
        // « Mode de vote » only where some ballot was not cast on the member's own phone.
        const withMode = rows.some((b) => b.channel !== 'device');
        raw.push({
          title: `Bulletins — ${q.prompt}`,
          named: true,
          columns: withMode ? ['Participant', 'Vote', 'Mode de vote'] : ['Participant', 'Vote'],
          rows: rows.map((b) => [b.display_name, ballotText(q.config, b.value), ...(withMode ? [b.cast_by_name ? `${CHANNEL_LABEL[b.channel]} (${b.cast_by_name})` : CHANNEL_LABEL[b.channel]] : [])]),
        });
      }
      if (entries.length > 0) {
        raw.push({
          title: `Saisies papier — ${q.prompt}`,
          named: isNamed,
          columns: ['Saisie', 'Bulletins', 'Saisi par', 'Confirmé par'],
          rows: entries.map((e) => [
            e.kind === 'named' ? `${e.member_name ?? ''} : ${e.value ? ballotText(q.config, e.value) : ''}` : Object.entries(e.totals ?? {}).map(([k, n]) => `${k} = ${n}`).join(', '),
            e.kind === 'named' ? 1 : Object.values(e.totals ?? {}).reduce((a, b) => a + b, 0),
            e.entered,
            e.confirmed,
          ]),
        });
      }
    }
    if (channelRows.length > 0) {
      tables.push({ title: 'Modes de vote', method: null, columns: ['Question', 'Téléphone', 'Procuration', 'Vote assisté', 'Papier', 'Total'], rows: channelRows, note: null, figures: [], chart: null });
    }
    return {
      schemaVersion: 1,
      activityId: survey.id,
      kind: 'survey',
      title: survey.title,
      anonymity: survey.anonymity,
      summary: isNamed ? 'Vote nominatif : les bulletins sont joints.' : 'Vote anonyme : seuls les résultats agrégés sont publiés.',
      tables,
      raw,
      recompute: {
        method: paper.some((e) => questions.some((q) => q.id === e.question_id && e.totals))
          ? 'tally(config, [...ballots, ...paperTotals.flatMap((t) => paperBallots(config, t))], { present }) de @palabre/domain'
          : 'tally(config, ballots, { present }) de @palabre/domain',
        ...(isNamed ? {} : { board: 'board : chaque bulletin compté (valeur + engagement), trié par engagement ; reçu = receiptCode(engagement) ; scripts/tally-ballot-board.mjs recalcule le décompte' }),
        questions: recompute,
      },
    };
  }
}

/** The ballot boards of a sealed record's anonymous questions, for the public receipt page. */
export function publicBallotBoard({ record, sealedAt, digest }: { record: OutcomeRecord; sealedAt: string; digest: string }): PublicBallotBoard {
  const questions: BallotBoardQuestion[] = [];
  for (const section of record.sections) {
    if (section.kind !== 'survey' || section.anonymity !== 'anonymous' || !section.activityId) continue;
    const recompute = section.recompute as { questions?: { questionId: string; prompt: string; present: number | null; config: QuestionConfig; board?: BallotBoardEntry[] }[] } | null;
    for (const q of recompute?.questions ?? []) {
      if (q.board) questions.push({ activityId: section.activityId, activityTitle: section.title, questionId: q.questionId, prompt: q.prompt, config: q.config, present: q.present, ballots: q.board });
    }
  }
  return { session: { title: record.session.title, date: record.session.date }, sealedAt, digest, questions };
}
