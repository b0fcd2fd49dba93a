import { Injectable } from '@nestjs/common';
import type { BallotBoardEntry, BallotBoardQuestion, BallotValue, OutcomeRaw, OutcomeRecord, PublicBallotBoard, OutcomeSectionInput, OutcomeTable, QuestionConfig, SurveyAnonymity } from '@palabre/contracts';
import { questionTurnout, receiptCode, tally } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from '../audit/hash-chain';
import { ballotText, resultsTable } from './survey-outcome-tables';

interface SurveyRow { id: string; title: string; anonymity: SurveyAnonymity }
interface QuestionRow { id: string; activity_id: string; prompt: string; config: QuestionConfig; present_at_close: number | null }
interface NamedRow { question_id: string; display_name: string; value: BallotValue }
interface AnonymousRow { question_id: string; commitment: string; value: BallotValue }

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
    const surveys: SurveyRow[] = await manager.query(
      `SELECT a.id, a.title, s.anonymity FROM activity a JOIN survey s ON s.activity_id = a.id
        WHERE a.session_id = $1 ORDER BY a.position, a.id`,
      [sessionId],
    );
    if (surveys.length === 0) return [];
    const ids = surveys.map((s) => s.id);
    // Drafts were never put to the vote: they have no results to report.
    const questions: QuestionRow[] = await manager.query(
      `SELECT id, activity_id, prompt, config, present_at_close FROM survey_question
        WHERE activity_id = ANY($1::uuid[]) AND state <> 'draft' ORDER BY position, id`,
      [ids],
    );
    const qids = questions.map((q) => q.id);
    const named: NamedRow[] = await manager.query(
      `SELECT b.question_id, p.display_name, b.value FROM ballot b JOIN participant p ON p.id = b.participant_id
        WHERE b.question_id = ANY($1::uuid[]) ORDER BY p.display_name, p.id`,
      [qids],
    );
    const anonymous: AnonymousRow[] = await manager.query('SELECT question_id, commitment, value FROM anonymous_ballot WHERE question_id = ANY($1::uuid[])', [qids]);
    return surveys.map((survey) => this.section(survey, questions.filter((q) => q.activity_id === survey.id), named, anonymous));
  }

  private section(survey: SurveyRow, questions: QuestionRow[], named: NamedRow[], anonymous: AnonymousRow[]): OutcomeSectionInput {
    const isNamed = survey.anonymity === 'named';
    const tables: OutcomeTable[] = [];
    const raw: OutcomeRaw[] = [];
    const recompute: { questionId: string; prompt: string; present: number | null; config: QuestionConfig; ballots: BallotValue[]; board?: BallotBoardEntry[] }[] = [];
    for (const q of questions) {
      const rows = isNamed ? named.filter((b) => b.question_id === q.id) : [];
      const ballots = isNamed
        ? rows.map((b) => b.value)
        : anonymous.filter((b) => b.question_id === q.id).map((b) => b.value).sort(byKey(canonicalJson));
      // Members present at the close, never fewer than the voters (one rule: libs/domain questionTurnout).
      const turnout = questionTurnout(ballots.length, q.present_at_close);
      const present = turnout.present;
      const results = tally(q.config, ballots, present === null ? {} : { present });
      tables.push(resultsTable(q.prompt, q.config, results, turnout));
      // Anonymous: the ballot board, each ballot with its commitment, ordered by commitment (a random order).
      const board = isNamed ? undefined : ballotBoard(anonymous.filter((b) => b.question_id === q.id));
      recompute.push({ questionId: q.id, prompt: q.prompt, present, config: q.config, ballots, ...(board ? { board } : {}) });
      if (isNamed) raw.push({ title: `Bulletins — ${q.prompt}`, named: true, columns: ['Participant', 'Vote'], rows: rows.map((b) => [b.display_name, ballotText(q.config, b.value)]) });
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
        method: 'tally(config, ballots, { present }) de @palabre/domain',
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
