import { In, type DeepPartial, type EntityManager } from 'typeorm';
import type { BoardColumn, BoardState, SupportCount } from '@palabre/contracts';
import { Activity } from '../sessions/activity.entity';
import { Participant } from '../sessions/participant.entities';
import { hasRosterSql } from '../sessions/roster-rule';
import { Board, Idea, IdeaComment, IdeaSupport } from './board.entities';

/** What `support.updated` needs of a board: its session, audience and whether counts are hidden. */
export interface SupportAudienceRow {
  session_id: string;
  group_id: string | null;
  state: string;
  supports_hidden: boolean;
  version: number;
}

/** A board of the outcomes: its activity and columns. */
export interface OutcomeBoardRow {
  id: string;
  title: string;
  columns: BoardColumn[];
}

/** An idea of the outcomes, with its author's name (null when anonymous) and its totals. */
export interface OutcomeIdeaRow {
  id: string;
  activity_id: string;
  column_id: string;
  title: string;
  body: string;
  status: string;
  merged_into: string | null;
  author: string | null;
  supports: number;
  comments: number;
}

/** A visible plenary idea, with the title of its board, that a working group may take as a card. */
export interface PlenaryIdeaRow {
  id: string;
  title: string;
  body: string;
  activity_id: string;
  board: string;
}

/** An idea ranked by trigram similarity. */
export interface TrigramMatchRow {
  id: string;
  title: string;
  column_id: string;
  score: number;
}

/** An idea's text, for the word-overlap fallback of similar ideas. */
export interface IdeaTextRow {
  id: string;
  title: string;
  body: string;
  column_id: string;
}

/** The boards module's SQL and TypeORM queries: boards, ideas, supports, comments (issue #20). */
export const boardsRepository = {
  // Boards

  findBoard(m: EntityManager, activityId: string): Promise<Board | null> {
    return m.getRepository(Board).findOneBy({ activityId });
  },

  async insertBoard(m: EntityManager, board: DeepPartial<Board>): Promise<void> {
    await m.getRepository(Board).insert(board);
  },

  async saveBoard(m: EntityManager, board: Board): Promise<void> {
    await m.getRepository(Board).save(board);
  },

  /** Everything of a board, its settings last. */
  async deleteBoard(m: EntityManager, activityId: string): Promise<void> {
    for (const entity of [IdeaComment, IdeaSupport, Idea, Board]) await m.getRepository(entity).delete({ activityId });
  },

  async setActivityState(m: EntityManager, activityId: string, state: BoardState): Promise<void> {
    await m.getRepository(Activity).update(activityId, { state });
  },

  /** The board's session, audience and hidden flag, read after a commit for `support.updated`. */
  async supportAudience(m: EntityManager, activityId: string): Promise<SupportAudienceRow | undefined> {
    const rows: SupportAudienceRow[] = await m.query(
      `SELECT a.session_id, a.group_id, a.state, b.supports_hidden, s.version
         FROM activity a JOIN board b ON b.activity_id = a.id JOIN session s ON s.id = a.session_id WHERE a.id = $1`,
      [activityId],
    );
    return rows[0];
  },

  // Participants

  findParticipant(m: EntityManager, participantId: string): Promise<Participant | null> {
    return m.getRepository(Participant).findOneBy({ id: participantId });
  },

  /** Serialises one member's supports (the dot budget spans the board). */
  async lockParticipant(m: EntityManager, participantId: string): Promise<void> {
    await m.query('SELECT 1 FROM participant WHERE id = $1 FOR UPDATE', [participantId]);
  },

  /** A participant of the session, row-locked; null if another session's or unknown. */
  lockSessionParticipant(m: EntityManager, participantId: string, sessionId: string): Promise<Participant | null> {
    return m.getRepository(Participant).findOne({ where: { id: participantId, sessionId }, lock: { mode: 'pessimistic_write' } });
  },

  async setBlockedAt(m: EntityManager, participantId: string, blockedAt: Date | null): Promise<void> {
    await m.getRepository(Participant).update(participantId, { blockedAt });
  },

  /** Whether the session has a roster (participants matched to members): the default support eligibility depends on it. */
  async hasRoster(m: EntityManager, sessionId: string): Promise<boolean> {
    const rows: { has_roster: boolean }[] = await m.query(`SELECT ${hasRosterSql('$1::uuid')} AS has_roster`, [sessionId]);
    return rows[0]?.has_roster === true;
  },

  async authorNames(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const people = await m.getRepository(Participant).find({ where: { id: In([...new Set(ids)]) }, select: { id: true, displayName: true } });
    return new Map(people.map((person) => [person.id, person.displayName]));
  },

  /** Members of the session by name (at most `take`). */
  members(m: EntityManager, sessionId: string, take: number): Promise<Participant[]> {
    return m.getRepository(Participant).find({ where: { sessionId, role: 'member' }, order: { displayName: 'ASC' }, take });
  },

  // Ideas

  /** Creates and saves a new idea. */
  createIdea(m: EntityManager, idea: DeepPartial<Idea>): Promise<Idea> {
    const repo = m.getRepository(Idea);
    return repo.save(repo.create(idea));
  },

  saveIdea(m: EntityManager, idea: Idea): Promise<Idea> {
    return m.getRepository(Idea).save(idea);
  },

  /** The idea of this board, row-locked for the transaction. */
  lockIdea(m: EntityManager, activityId: string, ideaId: string): Promise<Idea | null> {
    return m.getRepository(Idea).findOne({ where: { id: ideaId, activityId }, lock: { mode: 'pessimistic_write' } });
  },

  /** These ideas of the board, row-locked in id order (two concurrent merges cannot deadlock). */
  lockIdeas(m: EntityManager, activityId: string, ids: string[]): Promise<Idea[]> {
    return m.getRepository(Idea).find({ where: { id: In(ids), activityId }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  },

  findIdeaInSession(m: EntityManager, ideaId: string, sessionId: string): Promise<Idea | null> {
    return m.getRepository(Idea).findOneBy({ id: ideaId, sessionId });
  },

  /** The board's ideas, oldest first. */
  boardIdeas(m: EntityManager, activityId: string): Promise<Idea[]> {
    return m.getRepository(Idea).find({ where: { activityId }, order: { createdAt: 'ASC' } });
  },

  /** The ideas merged into this one, oldest first. */
  mergedSources(m: EntityManager, ideaId: string): Promise<Idea[]> {
    return m.getRepository(Idea).find({ where: { mergedInto: ideaId }, order: { createdAt: 'ASC' } });
  },

  ideasInColumns(m: EntityManager, activityId: string, columnIds: string[]): Promise<boolean> {
    return m.getRepository(Idea).existsBy({ activityId, columnId: In(columnIds) });
  },

  /** Visible ideas of this session's plenary boards among these ids. */
  plenaryIdeas(m: EntityManager, sessionId: string, ideaIds: string[]): Promise<PlenaryIdeaRow[]> {
    return m.query(
      `SELECT i.id, i.title, i.body, i.activity_id, a.title AS board FROM idea i JOIN activity a ON a.id = i.activity_id
        WHERE i.id = ANY($1::uuid[]) AND i.session_id = $2 AND a.group_id IS NULL AND i.status = 'visible'`,
      [ideaIds, sessionId],
    );
  },

  /** Checked by SimilarityService once per process. */
  async trgmInstalled(m: EntityManager): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`);
    return rows.length > 0;
  },

  /** Ideas whose text is similar to `text` by trigram similarity (pg_trgm), best first. */
  trigramMatches(m: EntityManager, activityId: string, text: string, statuses: string[], excludeId: string | null, threshold: number, limit: number): Promise<TrigramMatchRow[]> {
    return m.query(
      `SELECT id, title, column_id, score FROM (
         SELECT id, title, column_id, created_at,
                GREATEST(word_similarity($2, title || ' ' || body), similarity($2, title))::float8 AS score
           FROM idea WHERE activity_id = $1 AND status = ANY($3) AND ($4::uuid IS NULL OR id <> $4::uuid)) s
        WHERE score >= $5 ORDER BY score DESC, created_at ASC LIMIT ${limit}`,
      [activityId, text, statuses, excludeId, threshold],
    );
  },

  /** The texts of the board's ideas in these statuses, oldest first. */
  ideaTexts(m: EntityManager, activityId: string, statuses: string[], excludeId: string | null): Promise<IdeaTextRow[]> {
    return m.query(
      `SELECT id, title, body, column_id FROM idea WHERE activity_id = $1 AND status = ANY($2) AND ($3::uuid IS NULL OR id <> $3::uuid) ORDER BY created_at`,
      [activityId, statuses, excludeId],
    );
  },

  // Supports

  /** Support totals per idea (all of the board's ideas, or these), summed from the support rows. */
  async supportCounts(m: EntityManager, activityId: string, ideaIds?: string[]): Promise<SupportCount[]> {
    const rows: { idea_id: string; supports: number; supporters: number }[] = await m.query(
      `SELECT i.id AS idea_id, COALESCE(SUM(s.dots), 0)::int AS supports, COUNT(s.id)::int AS supporters
         FROM idea i LEFT JOIN idea_support s ON s.idea_id = i.id
        WHERE i.activity_id = $1 AND ($2::uuid[] IS NULL OR i.id = ANY($2::uuid[]))
        GROUP BY i.id`,
      [activityId, ideaIds ?? null],
    );
    return rows.map((row) => ({ ideaId: row.idea_id, supports: row.supports, supporters: row.supporters }));
  },

  /** One member's support row on an idea (`activityId` given: only on that board). */
  findSupport(m: EntityManager, where: { ideaId: string; participantId: string; activityId?: string }): Promise<IdeaSupport | null> {
    return m.getRepository(IdeaSupport).findOneBy(where);
  },

  /** The member's dots on the board. */
  async spentDots(m: EntityManager, activityId: string, participantId: string): Promise<number> {
    const rows: { spent: number }[] = await m.query('SELECT COALESCE(SUM(dots), 0)::int AS spent FROM idea_support WHERE activity_id = $1 AND participant_id = $2', [
      activityId,
      participantId,
    ]);
    return rows[0]?.spent ?? 0;
  },

  /** The member's supports on the board. */
  memberSupports(m: EntityManager, activityId: string, participantId: string): Promise<Pick<IdeaSupport, 'ideaId' | 'dots'>[]> {
    return m.getRepository(IdeaSupport).find({ where: { activityId, participantId }, select: { ideaId: true, dots: true } });
  },

  /** Sets the member's dots on the idea (one row per member and idea). */
  async upsertSupport(m: EntityManager, ideaId: string, activityId: string, participantId: string, dots: number): Promise<void> {
    await m.query(
      `INSERT INTO idea_support (idea_id, activity_id, participant_id, dots) VALUES ($1, $2, $3, $4)
       ON CONFLICT (idea_id, participant_id) DO UPDATE SET dots = EXCLUDED.dots`,
      [ideaId, activityId, participantId, dots],
    );
  },

  async setSupportDots(m: EntityManager, supportId: string, dots: number): Promise<void> {
    await m.getRepository(IdeaSupport).update(supportId, { dots });
  },

  async deleteSupport(m: EntityManager, supportId: string): Promise<void> {
    await m.getRepository(IdeaSupport).delete(supportId);
  },

  hasSupports(m: EntityManager, activityId: string): Promise<boolean> {
    return m.getRepository(IdeaSupport).existsBy({ activityId });
  },

  /** The support rows of these ideas. */
  supportsOf(m: EntityManager, ideaIds: string[]): Promise<IdeaSupport[]> {
    return m.getRepository(IdeaSupport).find({ where: { ideaId: In(ideaIds) } });
  },

  async deleteSupportsOf(m: EntityManager, ideaIds: string[]): Promise<void> {
    await m.getRepository(IdeaSupport).delete({ ideaId: In(ideaIds) });
  },

  async deleteIdeaSupports(m: EntityManager, ideaId: string): Promise<void> {
    await m.getRepository(IdeaSupport).delete({ ideaId });
  },

  async insertSupports(m: EntityManager, supports: DeepPartial<IdeaSupport>[]): Promise<void> {
    await m.getRepository(IdeaSupport).insert(supports);
  },

  // Comments

  /** Creates and saves a new comment. */
  createComment(m: EntityManager, comment: DeepPartial<IdeaComment>): Promise<IdeaComment> {
    const repo = m.getRepository(IdeaComment);
    return repo.save(repo.create(comment));
  },

  async insertComment(m: EntityManager, comment: DeepPartial<IdeaComment>): Promise<void> {
    await m.getRepository(IdeaComment).insert(comment);
  },

  saveComment(m: EntityManager, comment: IdeaComment): Promise<IdeaComment> {
    return m.getRepository(IdeaComment).save(comment);
  },

  /** A comment of the board. */
  findComment(m: EntityManager, commentId: string, activityId: string): Promise<IdeaComment | null> {
    return m.getRepository(IdeaComment).findOneBy({ id: commentId, activityId });
  },

  /** A comment on this idea (a reply's parent). */
  findIdeaComment(m: EntityManager, commentId: string, ideaId: string): Promise<IdeaComment | null> {
    return m.getRepository(IdeaComment).findOneBy({ id: commentId, ideaId });
  },

  /** The board's comments, oldest first. */
  boardComments(m: EntityManager, activityId: string): Promise<IdeaComment[]> {
    return m.getRepository(IdeaComment).find({ where: { activityId }, order: { createdAt: 'ASC' } });
  },

  /** The comments of these ideas. */
  commentsOf(m: EntityManager, ideaIds: string[]): Promise<IdeaComment[]> {
    return m.getRepository(IdeaComment).find({ where: { ideaId: In(ideaIds) } });
  },

  async moveComments(m: EntityManager, fromIdeaIds: string[], toIdeaId: string): Promise<void> {
    await m.getRepository(IdeaComment).update({ ideaId: In(fromIdeaIds) }, { ideaId: toIdeaId });
  },

  // Outcomes

  /** The session's boards in agenda order. */
  outcomeBoards(m: EntityManager, sessionId: string): Promise<OutcomeBoardRow[]> {
    return m.query(
      `SELECT a.id, a.title, b.columns FROM activity a JOIN board b ON b.activity_id = a.id
        WHERE a.session_id = $1 ORDER BY a.position, a.id`,
      [sessionId],
    );
  },

  /** The visible and merged ideas of these boards, with their support and comment totals. */
  outcomeIdeas(m: EntityManager, boardIds: string[]): Promise<OutcomeIdeaRow[]> {
    return m.query(
      `SELECT i.id, i.activity_id, i.column_id, i.title, i.body, i.status, i.merged_into,
              CASE WHEN i.anonymous THEN NULL ELSE p.display_name END AS author,
              (SELECT coalesce(sum(s.dots), 0)::int FROM idea_support s WHERE s.idea_id = i.id) AS supports,
              (SELECT count(*)::int FROM idea_comment c WHERE c.idea_id = i.id AND NOT c.deleted) AS comments
         FROM idea i JOIN participant p ON p.id = i.author_id
        WHERE i.activity_id = ANY($1::uuid[]) AND i.status IN ('visible', 'merged')`,
      [boardIds],
    );
  },
};
