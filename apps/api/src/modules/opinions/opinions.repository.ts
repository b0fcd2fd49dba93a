import type { OpinionAgreements, OpinionMapView, OpinionStatementStatus, OpinionVote } from '@palabre/contracts';
import type { EntityManager } from 'typeorm';
import type { StatementRow } from './opinions.views';

const STATEMENT_SELECT = 'SELECT s.id, s.session_id, s.activity_id, s.author_id, s.origin, s.text, s.status, s.created_at FROM opinion_statement s';

/**
 * The stored last map of an activity as a viewer reads it: the map itself only for a display (or
 * when the agreements were not stored with it), what the phones show, and the viewer's group on it.
 */
export interface MapStateRow {
  activity_id: string;
  map: OpinionMapView | null;
  agreements: OpinionAgreements | null;
  my_group: number | null;
}

/** What a recompute needs of its activity: its audience and the session's version. */
export interface MapActivityRow {
  session_id: string;
  group_id: string | null;
  state: string;
  version: number;
}

/** The map's inputs in one row: the settings, the visible statements by position, one entry per answering member. */
export interface MapInputsRow {
  config: unknown;
  statements: string[];
  members: { participantId: string; category: string | null; gender: string | null; territoryType: string | null; votes: string }[];
}

/** Statements, answers and stored maps of the opinion maps (« carte des opinions »). */
export const opinionsRepository = {
  /** A statement, optionally only in this session, optionally locked for update. */
  async statement(m: EntityManager, id: string, sessionId?: string, lock = false): Promise<StatementRow | undefined> {
    const rows: StatementRow[] = await m.query(
      `${STATEMENT_SELECT} WHERE s.id = $1${sessionId ? ' AND s.session_id = $2' : ''}${lock ? ' FOR UPDATE' : ''}`,
      sessionId ? [id, sessionId] : [id],
    );
    return rows[0];
  },

  /** The statement an idea of a board became on this map. */
  async statementOfIdea(m: EntityManager, activityId: string, ideaId: string | null): Promise<StatementRow | undefined> {
    const rows: StatementRow[] = await m.query(`${STATEMENT_SELECT} WHERE s.activity_id = $1 AND s.origin_idea_id = $2`, [activityId, ideaId]);
    return rows[0];
  },

  /** The statements of these maps, oldest first. */
  statementsOf(m: EntityManager, activityIds: string[]): Promise<StatementRow[]> {
    return m.query(`${STATEMENT_SELECT} WHERE s.activity_id = ANY($1::uuid[]) ORDER BY s.created_at, s.id`, [activityIds]);
  },

  /** The visible statements of a map, oldest first (the outcomes). */
  visibleStatements(m: EntityManager, activityId: string): Promise<{ id: string; text: string }[]> {
    return m.query(`SELECT id, text FROM opinion_statement WHERE activity_id = $1 AND status = 'visible' ORDER BY created_at, id`, [activityId]);
  },

  async insertStatement(
    m: EntityManager,
    s: { sessionId: string; activityId: string; authorId: string; origin: 'facilitator' | 'member'; text: string; status: OpinionStatementStatus },
  ): Promise<string> {
    const inserted: { id: string }[] = await m.query(
      'INSERT INTO opinion_statement (session_id, activity_id, author_id, origin, text, status) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [s.sessionId, s.activityId, s.authorId, s.origin, s.text, s.status],
    );
    return inserted[0].id;
  },

  /** An idea promoted to a visible statement; null when this idea is already on the map. */
  async insertIdeaStatement(m: EntityManager, s: { sessionId: string; activityId: string; authorId: string; ideaId: string | null; text: string }): Promise<string | null> {
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO opinion_statement (session_id, activity_id, author_id, origin, origin_idea_id, text, status) VALUES ($1, $2, $3, 'idea', $4, $5, 'visible')
       ON CONFLICT (activity_id, origin_idea_id) WHERE origin_idea_id IS NOT NULL DO NOTHING RETURNING id`,
      [s.sessionId, s.activityId, s.authorId, s.ideaId, s.text],
    );
    return inserted[0]?.id ?? null;
  },

  async setStatementStatus(m: EntityManager, id: string, status: OpinionStatementStatus): Promise<void> {
    await m.query('UPDATE opinion_statement SET status = $2 WHERE id = $1', [id, status]);
  },

  /** A member's answer, written or changed; true when it is their first answer to the statement. */
  async upsertAnswer(m: EntityManager, a: { statementId: string; participantId: string; activityId: string; vote: OpinionVote }): Promise<boolean> {
    const written: { first: boolean }[] = await m.query(
      `INSERT INTO opinion_answer (statement_id, participant_id, activity_id, vote) VALUES ($1, $2, $3, $4)
       ON CONFLICT (statement_id, participant_id) DO UPDATE SET vote = EXCLUDED.vote, updated_at = now()
       RETURNING (xmax = 0) AS first`,
      [a.statementId, a.participantId, a.activityId, a.vote],
    );
    return written[0]?.first === true;
  },

  /** A first answer counts on its statement (the count orders the statements offered next). */
  async countAnswer(m: EntityManager, statementId: string): Promise<void> {
    await m.query('UPDATE opinion_statement SET answers = answers + 1 WHERE id = $1', [statementId]);
  },

  /** The visible statement the member has not answered with the fewest answers (then the oldest). */
  async next(m: EntityManager, activityId: string, participantId: string): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `SELECT s.id FROM opinion_statement s
        WHERE s.activity_id = $1 AND s.status = 'visible'
          AND NOT EXISTS (SELECT 1 FROM opinion_answer m WHERE m.statement_id = s.id AND m.participant_id = $2)
        ORDER BY s.answers, s.created_at, s.id LIMIT 1`,
      [activityId, participantId],
    );
    return rows[0]?.id ?? null;
  },

  /** A member's own answers on these maps. */
  answersOf(m: EntityManager, activityIds: string[], participantId: string): Promise<{ statement_id: string; vote: OpinionVote }[]> {
    return m.query('SELECT statement_id, vote FROM opinion_answer WHERE activity_id = ANY($1::uuid[]) AND participant_id = $2', [activityIds, participantId]);
  },

  /** The opinion maps of a session with their titles (the outcomes). */
  titledActivitiesOf(m: EntityManager, sessionId: string): Promise<{ id: string; title: string }[]> {
    return m.query(`SELECT id, title FROM activity WHERE session_id = $1 AND kind = 'opinions' ORDER BY position, id`, [sessionId]);
  },

  /**
   * The map's state, FOR SHARE: a close (the lifecycle's FOR UPDATE) waits for the writes in
   * flight, and a write after it sees it closed. Null when there is no such activity.
   */
  async lockedState(m: EntityManager, activityId: string): Promise<string | null> {
    const rows: { state: string }[] = await m.query('SELECT state FROM activity WHERE id = $1 FOR SHARE', [activityId]);
    return rows[0]?.state ?? null;
  },

  async mapActivity(m: EntityManager, activityId: string): Promise<MapActivityRow | undefined> {
    const rows: MapActivityRow[] = await m.query(
      'SELECT a.session_id, a.group_id, a.state, s.version FROM activity a JOIN session s ON s.id = a.session_id WHERE a.id = $1',
      [activityId],
    );
    return rows[0];
  },

  /**
   * The answers the map counts, in one query (one snapshot): the visible statements by position,
   * and one entry per member who answered one of them, with its profile and its votes packed in
   * one string (the statement's position, then the vote's first letter; no `ORDER BY`, so
   * PostgreSQL aggregates by hash: the map does not depend on the answers' order).
   */
  async mapInputs(m: EntityManager, activityId: string): Promise<MapInputsRow> {
    const [row]: MapInputsRow[] = await m.query(
      `WITH s AS (
         SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS pos FROM opinion_statement WHERE activity_id = $1 AND status = 'visible'
       ), v AS (
         SELECT a.participant_id, string_agg(s.pos::text || left(a.vote, 1), '') AS votes
           FROM opinion_answer a JOIN s ON s.id = a.statement_id
          WHERE a.activity_id = $1 GROUP BY a.participant_id
       )
       SELECT (SELECT config FROM activity WHERE id = $1) AS config,
              (SELECT coalesce(json_agg(s.id ORDER BY s.pos), '[]'::json) FROM s) AS statements,
              (SELECT coalesce(json_agg(json_build_object('participantId', v.participant_id, 'category', m.category, 'gender', m.gender,
                                                          'territoryType', m.territory_type, 'votes', v.votes) ORDER BY v.participant_id), '[]'::json)
                 FROM v JOIN participant p ON p.id = v.participant_id LEFT JOIN member m ON m.id = p.member_id) AS members`,
      [activityId],
    );
    return row;
  },

  /**
   * The stored maps of these activities as `participantId` reads them: the whole map (~130 KiB at
   * 500 statements × 250 members) only `withMap`, or where the agreements are missing (a map
   * stored before them); of the members' groups, only theirs.
   */
  mapStates(m: EntityManager, activityIds: string[], participantId: string, withMap: boolean): Promise<MapStateRow[]> {
    return m.query(
      `SELECT activity_id, CASE WHEN $3 OR agreements IS NULL THEN map END AS map, agreements, (groups ->> $2::text)::int AS my_group
         FROM opinion_map_state WHERE activity_id = ANY($1::uuid[])`,
      [activityIds, participantId, withMap],
    );
  },

  /** Stores a recomputed map; answers the members' groups on the map it replaces (empty for a first map). */
  async saveMapState(m: EntityManager, activityId: string, state: { map: OpinionMapView; agreements: OpinionAgreements; groups: Record<string, number> }): Promise<Record<string, number>> {
    const before: { groups: Record<string, number> | null }[] = await m.query(
      `INSERT INTO opinion_map_state (activity_id, map, agreements, groups, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (activity_id) DO UPDATE SET map = EXCLUDED.map, agreements = EXCLUDED.agreements, groups = EXCLUDED.groups, updated_at = now()
       RETURNING (SELECT groups FROM opinion_map_state WHERE activity_id = $1) AS groups`,
      [activityId, JSON.stringify(state.map), JSON.stringify(state.agreements), JSON.stringify(state.groups)],
    );
    return before[0]?.groups ?? {};
  },

  /**
   * A session-level advisory lock on the map (one node computes it at a time); `m` must be the
   * manager of a query runner of its own, so the lock stays on that connection until released.
   */
  async tryLockMap(m: EntityManager, lockClass: number, activityId: string): Promise<boolean> {
    const [{ locked }]: { locked: boolean }[] = await m.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [lockClass, activityId]);
    return locked;
  },

  async unlockMap(m: EntityManager, lockClass: number, activityId: string): Promise<void> {
    await m.query('SELECT pg_advisory_unlock($1, hashtext($2))', [lockClass, activityId]);
  },

  /** An activity removed: its answers, statements and stored map. */
  async deleteActivity(m: EntityManager, activityId: string): Promise<void> {
    await m.query('DELETE FROM opinion_answer WHERE activity_id = $1', [activityId]);
    await m.query('DELETE FROM opinion_statement WHERE activity_id = $1', [activityId]);
    await m.query('DELETE FROM opinion_map_state WHERE activity_id = $1', [activityId]);
  },

  /** Demo: the visible ideas of the plenary « Atelier 2 » boards, which become the demo map's statements. */
  async demoIdeas(m: EntityManager, sessionId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT i.id FROM idea i JOIN activity a ON a.id = i.activity_id
        WHERE a.session_id = $1 AND a.kind = 'board' AND a.group_id IS NULL AND a.title LIKE 'Atelier 2%' AND i.status = 'visible' ORDER BY i.created_at, i.title`,
      [sessionId],
    );
    return rows.map((r) => r.id);
  },

  /** Demo: the first members of the session by name, with their roster category. */
  demoMembers(m: EntityManager, sessionId: string, limit: number): Promise<{ id: string; category: string | null }[]> {
    return m.query(
      `SELECT p.id, m.category FROM participant p JOIN member m ON m.id = p.member_id
        WHERE p.session_id = $1 AND p.role = 'member' ORDER BY p.display_name, p.id LIMIT $2`,
      [sessionId, limit],
    );
  },

  /**
   * Demo: answers written in one statement (the members' own path is `opinions.answer`, which
   * needs the map open), then each statement's answer count.
   */
  async insertDemoAnswers(m: EntityManager, activityId: string, rows: { statement: string; participant: string; vote: OpinionVote }[]): Promise<void> {
    await m.query(
      `INSERT INTO opinion_answer (statement_id, participant_id, activity_id, vote)
       SELECT s, p, $1, v FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS t(s, p, v)`,
      [activityId, rows.map((r) => r.statement), rows.map((r) => r.participant), rows.map((r) => r.vote)],
    );
    await m.query('UPDATE opinion_statement s SET answers = (SELECT count(*) FROM opinion_answer a WHERE a.statement_id = s.id) WHERE s.activity_id = $1', [activityId]);
  },
};
