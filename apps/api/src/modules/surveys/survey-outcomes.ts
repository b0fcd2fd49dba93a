import { Injectable } from '@nestjs/common';
import type { BallotValue, OutcomeRaw, OutcomeSectionInput, OutcomeTable, QuestionConfig, SurveyAnonymity } from '@palabre/contracts';
import { questionTurnout, tally } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from '../audit/hash-chain';
import { ballotText, resultsTable } from './survey-outcome-tables';

interface SurveyRow { id: string; title: string; anonymity: SurveyAnonymity }
interface QuestionRow { id: string; activity_id: string; prompt: string; config: QuestionConfig; present_at_close: number | null }
interface NamedRow { question_id: string; display_name: string; value: BallotValue }
interface AnonymousRow { question_id: string; value: BallotValue }

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * The survey sections of the outcomes: per question the `tally()` table, the turnout, the
 * inputs to recompute it, and the named ballots (named surveys only). Deterministic: sealing
 * hashes the result. Anonymous ballots are sorted by their own content, so their order says
 * nothing about who cast them or when.
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
    const anonymous: AnonymousRow[] = await manager.query('SELECT question_id, value FROM anonymous_ballot WHERE question_id = ANY($1::uuid[])', [qids]);
    return surveys.map((survey) => this.section(survey, questions.filter((q) => q.activity_id === survey.id), named, anonymous));
  }

  private section(survey: SurveyRow, questions: QuestionRow[], named: NamedRow[], anonymous: AnonymousRow[]): OutcomeSectionInput {
    const isNamed = survey.anonymity === 'named';
    const tables: OutcomeTable[] = [];
    const raw: OutcomeRaw[] = [];
    const recompute: { questionId: string; prompt: string; present: number | null; config: QuestionConfig; ballots: BallotValue[] }[] = [];
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
      recompute.push({ questionId: q.id, prompt: q.prompt, present, config: q.config, ballots });
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
      recompute: { method: 'tally(config, ballots, { present }) de @palabre/domain', questions: recompute },
    };
  }
}
